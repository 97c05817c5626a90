// API Gateway HTTP API (payload 2.0) events for the bundles run outside the local server.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Route, routeKey, routes } from '../../lambda/routes';

export interface EventRequest {
  readonly entry: string;
  readonly fileId: string;
  readonly token: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

function routeOf(entry: string): Route {
  const route = routes.find((candidate) => candidate.entry === entry);
  if (route === undefined) throw new Error(`No route has entry ${entry}`);
  return route;
}

/** The event API Gateway would send for this WOPI request; a body travels base64-encoded, as binary does. */
export function wopiEvent(request: EventRequest): APIGatewayProxyEventV2 {
  const route = routeOf(request.entry);
  // Every path parameter ({file_id}, {container_id}, {id}, …) gets the one id.
  const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name ?? '');
  const path = route.path.replace(/\{\w+\}/g, request.fileId);
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: path,
    rawQueryString: `access_token=${request.token}`,
    headers: {
      host: 'bench.execute-api.us-east-1.amazonaws.com',
      'x-forwarded-proto': 'https',
      ...(request.body && { 'content-type': 'application/octet-stream' }),
      ...request.headers,
    },
    queryStringParameters: { access_token: request.token },
    pathParameters: Object.fromEntries(parameters.map((name) => [name, request.fileId])),
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method: route.method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body && { body: Buffer.from(request.body).toString('base64') }),
    isBase64Encoded: request.body !== undefined,
  };
}
