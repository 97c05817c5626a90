// The one factory of API Gateway HTTP API (payload 2.0) events in the tests: the sample events under events/
// with their placeholders filled in, and hand-built events for calling a handler directly.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type Route, routeKey, routes } from '../../lambda/routes';

/** events/*.json name this file id; a test puts a real one in its place. */
export const SAMPLE_FILE_ID = 'SAMPLEFILEID0000000000';
/** The container events name this folder id; a test puts a real folder's in its place. */
export const SAMPLE_CONTAINER_ID = 'SAMPLECONTAINERID00000';
/** events/*.json carry this access token; a test puts a freshly minted one in its place. */
export const SAMPLE_ACCESS_TOKEN = 'SAMPLE_ACCESS_TOKEN';
/** The check-out APIs' events carry this in Authorization: Bearer; replaced by an API key of the file's owner. */
export const SAMPLE_API_KEY = 'SAMPLE_API_KEY';
/** The files API's commit event carries this; replaced by the ticket of an upload the test plans first. */
export const SAMPLE_UPLOAD_TICKET = 'SAMPLE_UPLOAD_TICKET';
/** The FileUrl download's event carries this as ?link=; replaced by a link CheckFileInfo would give. */
export const SAMPLE_FILE_URL_LINK = 'SAMPLE_FILE_URL_LINK';

export const EVENTS_DIR = fileURLToPath(new URL('../../events/', import.meta.url));

/** The file names of every sample event, sorted. */
export function sampleEventNames(): string[] {
  return readdirSync(EVENTS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** The sample event as it is stored, placeholders included. */
export function readSampleEvent(name: string): APIGatewayProxyEventV2 {
  return JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8')) as APIGatewayProxyEventV2;
}

/** The sample event with the placeholders replaced wherever they appear (path, query, parameters). */
export function loadSampleEvent(
  name: string,
  values: { fileId: string; accessToken: string; apiKey?: string; fileUrlLink?: string; containerId?: string },
): APIGatewayProxyEventV2 {
  const text = readFileSync(join(EVENTS_DIR, name), 'utf8')
    .replaceAll(SAMPLE_FILE_ID, values.fileId)
    .replaceAll(SAMPLE_CONTAINER_ID, values.containerId ?? SAMPLE_CONTAINER_ID)
    .replaceAll(SAMPLE_ACCESS_TOKEN, values.accessToken)
    .replaceAll(SAMPLE_API_KEY, values.apiKey ?? SAMPLE_API_KEY)
    .replaceAll(SAMPLE_FILE_URL_LINK, values.fileUrlLink ?? SAMPLE_FILE_URL_LINK);
  return JSON.parse(text) as APIGatewayProxyEventV2;
}

export type Handler = (event: APIGatewayProxyEventV2, context: object) => Promise<APIGatewayProxyStructuredResultV2>;

/** The route of lambda/routes.ts whose route key the event names, or undefined. */
export function routeOf(event: APIGatewayProxyEventV2): Route | undefined {
  return routes.find((route) => routeKey(route) === event.routeKey);
}

/** The `handler` of the module the route table deploys for this event's route. */
export async function handlerFor(event: APIGatewayProxyEventV2): Promise<Handler> {
  const route = routeOf(event);
  if (route === undefined) throw new Error(`No route in lambda/routes.ts has the route key "${event.routeKey}"`);
  const module = (await import(`../../lambda/functions/${route.entry}.ts`)) as { handler: Handler };
  return module.handler;
}

export interface WopiEventInit {
  readonly fileId: string;
  readonly accessToken?: string;
  /** Header names as the client sent them; API Gateway lower-cases them. */
  readonly headers?: Record<string, string>;
  readonly method?: 'GET' | 'POST';
  readonly path?: '' | '/contents';
}

/** An event as API Gateway would build it for a WOPI call on POST /wopi/files/{file_id} (or /contents). */
export function wopiEvent(init: WopiEventInit): APIGatewayProxyEventV2 {
  const method = init.method ?? 'POST';
  const pathTemplate = `/wopi/files/{file_id}${init.path ?? ''}`;
  const rawPath = `/wopi/files/${encodeURIComponent(init.fileId)}${init.path ?? ''}`;
  const rawQueryString = init.accessToken === undefined ? '' : `access_token=${encodeURIComponent(init.accessToken)}`;
  const headers: Record<string, string> = { host: 'wopi.example.com', 'user-agent': 'wopi-test' };
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${method} ${pathTemplate}`,
    rawPath,
    rawQueryString,
    headers,
    ...(init.accessToken !== undefined && { queryStringParameters: { access_token: init.accessToken } }),
    pathParameters: { file_id: init.fileId },
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      domainName: 'wopi.example.com',
      domainPrefix: 'wopi',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'wopi-test' },
      requestId: randomUUID(),
      routeKey: `${method} ${pathTemplate}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
}
