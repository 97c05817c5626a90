// Turns a WOPI operation into a Lambda handler: parse, authenticate, run, answer; errors mapped in one place.
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { verifyAccessToken } from '../auth/access-token';
import { NotPermittedError, WopiError } from '../domain/errors';
import { countRequest, logger, metrics, tracer } from '../observability';
import { getDeps } from '../wiring';
import { errorResponse } from './error-response';
import type { OperationSelector } from './operation';
import { parseWopiRequest } from './wopi-request';
import { toApiGatewayResult } from './wopi-response';

type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

// Which operation an invocation ran, for its metric; unknown until the request is parsed.
const operationOf = new WeakMap<APIGatewayProxyEventV2, string>();

export function wopiHandler(select: OperationSelector) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(logMetrics(metrics))
    .use(httpHeaderNormalizer())
    .use(logContext())
    .use(errorAnswers())
    .handler(async (event) => {
      const deps = await getDeps();
      const request = parseWopiRequest(event);
      const operation = select(request);
      operationOf.set(event, operation.name);
      logger.appendKeys({ operation: operation.name });
      const now = deps.clock.now();
      const grant = await verifyAccessToken(deps.tokenSecret, request.accessToken, request.fileId, now);
      if (operation.needs === 'write' && grant.rights !== 'write') {
        throw new NotPermittedError(`${operation.name} needs an access token with write rights`);
      }
      const response = await operation.run(request, { ...deps, grant, now });
      logger.info('answered', { status: response.status });
      countRequest(operation.name, response.status);
      return toApiGatewayResult(response);
    });
}

/** Every log line of an invocation names the file and the client's correlation id, never the access token. */
function logContext(): Middleware {
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

function errorAnswers(): Middleware {
  return {
    onError: (request) => {
      const answer = errorResponse(request.error);
      const status = answer.response.status;
      const details = request.error instanceof WopiError ? request.error.logDetails : {};
      if (answer.expected) logger.warn('refused', { status, reason: answer.reason, ...details });
      else logger.error('failed', { status, error: request.error as Error });
      countRequest(operationOf.get(request.event) ?? 'Unknown', status);
      request.response = toApiGatewayResult(answer.response);
    },
  };
}
