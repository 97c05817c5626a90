// Node HTTP request -> the API Gateway HTTP API (payload format 2.0) event Lambda would receive.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

// HTTP APIs pass these bodies as text and base64-encode every other content type (a missing one included).
const textContentType = /^(text\/|application\/(json|xml|javascript)\b)/i;

export interface MatchedRoute {
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
}

export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  route: MatchedRoute,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = { 'x-forwarded-proto': 'http' };
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const asText = textContentType.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(req.headers.cookie && { cookies: req.headers.cookie.split(/;\s*/) }),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    pathParameters: route.pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 && { body: asText ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.length > 0 && !asText,
  };
}
