// The middleware every handler shares: metrics, lower-cased headers, log context, and errors answered
// in the caller's API style through error-response.ts.
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { WopiError } from '../domain/errors';
import { countRequest, logger, metrics } from '../observability';
import { errorResponse } from './error-response';
import { toApiGatewayResult, type WopiResponse } from './wopi-response';

export type Event = APIGatewayProxyEventV2;
export type Result = APIGatewayProxyStructuredResultV2;
type Middleware = middy.MiddlewareObj<Event, Result>;

/**
 * How an API answers an error: WOPI with headers, DocSpace and SuperOffice with their JSON shapes. It sees the error
 * and the request, since SuperOffice answers a refusal as a 200 Message result when the request allows one.
 */
export type ErrorStyle = (response: WopiResponse, reason: string, error: unknown, event: Event) => WopiResponse;

// Each invocation's log keys (operation, file, user, ...), kept by its event and written into each of its lines: the
// local server runs many invocations at once in one process, where the logger's own keys, one set per process,
// would give a line another request's user.
const keysOf = new WeakMap<Event, Record<string, unknown>>();

function addLogKeys(event: Event, keys: Record<string, unknown>): void {
  keysOf.set(event, { ...keysOf.get(event), ...keys });
}

export function nameOperation(event: Event, name: string): void {
  addLogKeys(event, { operation: name });
}

/** From authentication on, every log line of the invocation names the acting user. */
export function nameUser(event: Event, userId: string): void {
  addLogKeys(event, { userId });
}

const operationOf = (event: Event) => String(keysOf.get(event)?.operation ?? 'Unknown');

/** Wraps a handler that answers successful requests; `style` shapes every error it throws. */
export function observed(style: ErrorStyle, handler: (event: Event) => Promise<WopiResponse>) {
  return middy<Event, Result>()
    .use(logMetrics(metrics))
    .use(httpHeaderNormalizer())
    .use(logContext())
    .use(errorAnswers(style))
    .handler(async (event) => {
      const response = await handler(event);
      logger.info('answered', { ...keysOf.get(event), status: response.status });
      countRequest(operationOf(event), response.status);
      return toApiGatewayResult(response);
    });
}

/** Every log line of an invocation names the file and the client's correlation id, never a token or key. */
function logContext(): Middleware {
  return {
    before: ({ event }) => {
      addLogKeys(event, {
        route: event.routeKey,
        fileId: event.pathParameters?.file_id,
        correlationId: event.headers?.['x-wopi-correlationid'],
      });
    },
  };
}

function errorAnswers(style: ErrorStyle): Middleware {
  return {
    onError: (request) => {
      const answer = errorResponse(request.error);
      const reason = answer.expected ? answer.reason : 'Internal server error';
      const styled = style(answer.response, reason, request.error, request.event);
      // The status the client gets: an API style may answer a refusal with another one, or with 200.
      const status = styled.status;
      const details = request.error instanceof WopiError ? request.error.logDetails : {};
      const keys = keysOf.get(request.event);
      if (answer.expected) logger.warn('refused', { ...keys, status, reason: answer.reason, ...details });
      else logger.error('failed', { ...keys, status, error: request.error as Error });
      countRequest(operationOf(request.event), status);
      request.response = toApiGatewayResult(styled);
    },
  };
}
