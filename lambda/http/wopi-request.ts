// API Gateway HTTP API (payload 2.0) event -> the parts of a WOPI request the operations read.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFoundError } from '../domain/errors';
import { isFileId } from '../domain/file-id';

/** The parts of any WOPI request the operations read, whatever it acts on. */
export interface WopiCall {
  /** Lower-cased names; API Gateway joins repeated headers with commas. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly accessToken: string | undefined;
  readonly body: Buffer;
  /** API Gateway passed the body as text (a text Content-Type): any byte that was not UTF-8 is lost. */
  readonly bodyWasText: boolean;
  /** The URL the WOPI client called, for proof keys: the raw query string, as the client signed it. */
  readonly url: string;
  /** The path from /wopi/ on, with its raw query string: appended to a configured public URL for proof keys. */
  readonly wopiPathAndQuery: string;
  /** Scheme, host and stage prefix the client called, for links to other files of this host. */
  readonly baseUrl: string;
}

/** A request to a file's route (/wopi/files/{file_id}...). */
export interface WopiRequest extends WopiCall {
  readonly fileId: string;
}

/** A request to a container's route (/wopi/containers/{container_id}...). */
export interface ContainerRequest extends WopiCall {
  readonly containerId: string;
}

/** The {file_id} of the path; one this host could not have issued names no file (404). */
export function pathFileId(event: APIGatewayProxyEventV2): string {
  return checkedFileId(event.pathParameters?.file_id);
}

export function checkedFileId(fileId: string | undefined, item: 'file' | 'container' = 'file'): string {
  // Folders' ids are drawn like files' (domain/file-id.ts), so one shape names both.
  if (fileId === undefined || !isFileId(fileId)) {
    throw new NotFoundError(`The ${item} id in the path is not one this host issues`);
  }
  return fileId;
}

/** The body's bytes, decoded as API Gateway encoded them. */
export function eventBody(event: APIGatewayProxyEventV2): Buffer {
  return event.body === undefined
    ? Buffer.alloc(0)
    : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

export function parseWopiRequest(event: APIGatewayProxyEventV2): WopiRequest {
  return { ...parseWopiCall(event), fileId: pathFileId(event) };
}

export function parseContainerRequest(event: APIGatewayProxyEventV2): ContainerRequest {
  return { ...parseWopiCall(event), containerId: checkedFileId(event.pathParameters?.container_id, 'container') };
}

export function parseWopiCall(event: APIGatewayProxyEventV2): WopiCall {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = eventBody(event);
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const { baseUrl, path } = calledUrl(event, '/wopi/');
  return {
    headers,
    accessToken: event.queryStringParameters?.access_token,
    body,
    bodyWasText: event.body !== undefined && !event.isBase64Encoded,
    url: `${baseUrl}${path}${query}`,
    wopiPathAndQuery: `${path}${query}`,
    baseUrl,
  };
}

/**
 * The URL the client called, split where `root` (the route's first segment, e.g. '/wopi/') begins: scheme, host
 * and stage prefix before it (https://<api>.execute-api.<region>.amazonaws.com/prod), the raw path from it on.
 */
export function calledUrl(event: APIGatewayProxyEventV2, root: string): { baseUrl: string; path: string } {
  // API Gateway sets X-Forwarded-Proto (https); the local server sets it too (http).
  const proto = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'x-forwarded-proto')?.[1];
  const stagePrefix = event.rawPath.slice(0, Math.max(0, event.rawPath.indexOf(root)));
  return {
    baseUrl: `${proto ?? 'https'}://${event.requestContext.domainName}${stagePrefix}`,
    path: event.rawPath.slice(stagePrefix.length),
  };
}
