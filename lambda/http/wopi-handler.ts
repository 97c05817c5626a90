// Turns a WOPI operation into a Lambda handler: parse, authenticate, run, answer; errors mapped in one place.
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { verifyAccessToken } from '../auth/access-token';
import { NotPermittedError, WopiError } from '../domain/errors';
import { getDeps } from '../wiring';
import { errorResponse } from './error-response';
import { logger } from './logger';
import type { OperationSelector } from './operation';
import { parseWopiRequest } from './wopi-request';
import { toApiGatewayResult } from './wopi-response';

export type WopiHandler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

export function wopiHandler(select: OperationSelector) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(httpHeaderNormalizer())
    .use(logContext())
    .use(errorAnswers())
    .handler(async (event) => {
      const deps = await getDeps();
      const request = parseWopiRequest(event);
      const operation = select(request);
      logger.appendKeys({ operation: operation.name });
      const now = deps.clock.now();
      const grant = await verifyAccessToken(deps.tokenSecret, request.accessToken, request.fileId, now);
      if (operation.needs === 'write' && grant.rights !== 'write') {
        throw new NotPermittedError(`${operation.name} needs an access token with write rights`);
      }
      const response = await operation.run(request, { ...deps, grant, now });
      logger.info('answered', { status: response.status });
      return toApiGatewayResult(response);
    });
}

/** Every log line of an invocation names the file and the client's correlation id, never the access token. */
function logContext(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    before: ({ event }) => {
      logger.resetKeys();
      logger.appendKeys({
        route: event.routeKey,
        fileId: event.pathParameters?.file_id,
        correlationId: event.headers?.['x-wopi-correlationid'],
      });
    },
  };
}

function errorAnswers(): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const answer = errorResponse(request.error);
      const status = answer.response.status;
      const details = request.error instanceof WopiError ? request.error.logDetails : {};
      if (answer.expected) logger.warn('refused', { status, reason: answer.reason, ...details });
      else logger.error('failed', { status, error: request.error as Error });
      request.response = toApiGatewayResult(answer.response);
    },
  };
}
