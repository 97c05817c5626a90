// `npm start`'s HTTP server: each request becomes the API Gateway event Lambda would get, and goes to the
// very handler module the CDK stack deploys for that route (lambda/routes.ts).
import { createServer, type IncomingMessage, maxHeaderSize, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { LAMBDA_PAYLOAD_LIMIT_BYTES } from '../http/limits';
import { logger } from '../observability';
import { type Route, routeKey, routes } from '../routes';
import { type MatchedRoute, toApiGatewayEvent } from './api-gateway-event';

type Handler = (event: APIGatewayProxyEventV2, context: object) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
}

function compile(route: Route): CompiledRoute {
  const parameterNames: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    parameterNames.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), parameterNames };
}

const compiled = routes.map(compile);
const handlers = new Map<string, Promise<Handler>>();

function loadHandler(route: Route): Promise<Handler> {
  let handler = handlers.get(route.entry);
  if (handler === undefined) {
    handler = import(`../functions/${route.entry}.ts`).then((module: { handler: Handler }) => module.handler);
    handlers.set(route.entry, handler);
  }
  return handler;
}

function match(method: string, path: string): { route: Route; matched: MatchedRoute } | undefined {
  for (const { route, pattern, parameterNames } of compiled) {
    if (route.method !== method) continue;
    const found = pattern.exec(path);
    if (found === null) continue;
    const pathParameters: Record<string, string> = {};
    parameterNames.forEach((name, i) => {
      pathParameters[name] = safeDecode(found[i + 1] ?? '');
    });
    return { route, matched: { routeKey: routeKey(route), pathParameters } };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // left raw: the handler's own validation refuses it with a reason
  }
}

/** Reads the body, or undefined as soon as it passes `limit` bytes (the rest is not buffered). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const body =
    result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  res.writeHead(result.statusCode ?? 200, { ...result.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

// Only the body can bring an event near Lambda's limit: the rest repeats the request's head (Node caps it at
// maxHeaderSize) up to six times (path, query, headers, user agent), escaped at worst 6 to 1, plus a fixed frame.
// Serialising the event just to measure it cost 15 µs on a small request and 6.5 ms on a 1 MB PutFile, so it is
// done only when the body's own bound leaves the event within reach of the limit.
const HEAD_BOUND_BYTES = 6 * 6 * maxHeaderSize + 4096;

function mayPassLimit(event: APIGatewayProxyEventV2): boolean {
  const body = event.body ?? '';
  // Base64 needs no escaping in JSON; text may, at worst 6 bytes (\u00XX) per byte.
  const bodyBound = event.isBase64Encoded ? body.length : 6 * Buffer.byteLength(body);
  return bodyBound + HEAD_BOUND_BYTES > LAMBDA_PAYLOAD_LIMIT_BYTES;
}

// What API Gateway itself answers for an unknown route or an event Lambda cannot take.
const notFound = { statusCode: 404, headers: { 'Content-Type': 'application/json' }, body: '{"message":"Not Found"}' };
const tooLarge = {
  statusCode: 413,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    message: `Request too large: the Lambda event must stay under ${LAMBDA_PAYLOAD_LIMIT_BYTES} bytes`,
  }),
};
// The rest of the body stays unread, so nothing more on this connection could be told apart from it: the client
// is told, and the socket closed once the answer is out.
const tooLargeUnread = { ...tooLarge, headers: { ...tooLarge.headers, Connection: 'close' } };

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const found = match(req.method ?? 'GET', url.pathname);
  if (found === undefined) return send(res, notFound);
  const body = await readBody(req, LAMBDA_PAYLOAD_LIMIT_BYTES);
  if (body === undefined) return send(res, tooLargeUnread);
  const event = toApiGatewayEvent(req, url, found.matched, body);
  if (mayPassLimit(event) && Buffer.byteLength(JSON.stringify(event)) > LAMBDA_PAYLOAD_LIMIT_BYTES) {
    return send(res, tooLarge);
  }
  const handler = await loadHandler(found.route);
  send(res, await handler(event, {}));
}

export interface LocalServerOptions {
  /** How long a client may take to send the request line and headers. */
  readonly headersTimeoutMs?: number;
  /** How long a client may take to send the whole request, body included. */
  readonly requestTimeoutMs?: number;
  /** How long a connection may stay silent, whichever side is waiting, before it is closed. */
  readonly idleTimeoutMs?: number;
}

// Node's defaults keep an unfinished request for minutes (60 s for headers, 300 s in all, checked every 30 s), so
// a handful of slow clients can hold the server's sockets. Headers are a few KB: 10 s is generous on any link.
// The largest request is the Lambda event limit, 6 MB: 60 s lets it arrive at 100 KB/s. A socket silent for 30 s
// is one API Gateway (30 s per request) would have given up on, or a client that stopped reading its answer.
const timeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, idleTimeoutMs: 30_000 };

export function createLocalServer(options: LocalServerOptions = {}): Server {
  const { headersTimeoutMs, requestTimeoutMs, idleTimeoutMs } = { ...timeouts, ...options };
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node enforces the two above only when it checks, this often; at its default of 30 s, headers could take 40.
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs / 10),
    },
    (req, res) => {
      answer(req, res).catch((error: unknown) => {
        // The client went away, or a timeout cut it off, mid-body: nothing failed here, and no one waits for an answer.
        if (req.destroyed && !req.complete) {
          logger.info('request cut off before its body arrived');
          return;
        }
        logger.error('local server failed', { error: error as Error });
        if (!res.headersSent) send(res, { statusCode: 500, body: '{"message":"Internal Server Error"}' });
        else res.destroy();
      });
    },
  );
  server.timeout = idleTimeoutMs;
  return server;
}
