// Raw HTTP/1.1 requests written byte for byte on a TCP socket, for what fetch and node:http refuse to send:
// repeated headers, latin1 bytes and control characters in header values, odd methods, and paths sent
// exactly as written (no URL normalisation). One connection per request ("Connection: close"), or one the test
// writes to at its own pace (openRaw) to see what the server does with slow or stalled clients.
import { once } from 'node:events';
import { connect } from 'node:net';

export interface RawRequest {
  readonly method: string;
  /** Sent as is: percent-encoding, dot segments and latin1 bytes included. */
  readonly path: string;
  /** Name/value pairs in order; a name given twice is sent as two header lines. Values are latin1 strings. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: Uint8Array;
}

export interface RawResponse {
  readonly status: number;
  /** The status line's reason phrase, e.g. "Request Header Fields Too Large". */
  readonly statusText: string;
  /** Lower-cased names; a repeated header is an array. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** Sends one request; resolves with the response even if the server answers before reading the whole body. */
export function sendRaw(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = Buffer.from(req.body ?? new Uint8Array());
  const lines = [
    `${req.method} ${req.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...(req.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${body.byteLength}`,
    'Connection: close',
  ];
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // No half-close after the body: Node's server drops a request whose client has ended its side.
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(Buffer.concat([head, body]));
    });
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that answers early (413) may reset the connection under our write; what it sent still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const response = parseResponse(Buffer.concat(chunks));
      if (response === undefined) reject(new Error(`No HTTP response to ${req.method} ${req.path.slice(0, 80)}`));
      else resolve(response);
    });
  });
}

/** The positional form: method, path, header pairs and an optional body. */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: readonly (readonly [string, string])[] = [],
  body?: Uint8Array,
): Promise<RawResponse> {
  return sendRaw(baseUrl, { method, path, headers, ...(body !== undefined && { body }) });
}

export interface RawConnection {
  /** Writes latin1 text or bytes; does nothing once the connection is closed. */
  write(bytes: string | Uint8Array): void;
  /**
   * Waits until the server closes the connection, or `withinMs` passes, then closes it from this side: whether
   * the server closed it, and what it answered before.
   */
  closedWithin(withinMs: number): Promise<{ readonly closed: boolean; readonly response: RawResponse | undefined }>;
}

/** A connection the test writes to piece by piece, without any framing of its own. */
export async function openRaw(baseUrl: string): Promise<RawConnection> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect({ host: hostname, port: Number(port) });
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A server that closes with part of the request unread resets the connection; what it sent still counts.
  socket.on('error', () => undefined);
  // Not events.once: it would reject on that reset.
  const closed = new Promise<boolean>((resolve) => socket.on('close', () => resolve(true)));
  return {
    write(bytes) {
      if (socket.writable) socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    },
    async closedWithin(withinMs) {
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<boolean>((resolve) => {
        timer = setTimeout(resolve, withinMs, false);
      });
      const byServer = await Promise.race([closed, expired]);
      clearTimeout(timer);
      socket.destroy();
      return { closed: byServer, response: parseResponse(Buffer.concat(chunks)) };
    },
  };
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...headerLines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const [, status, statusText = ''] = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine) ?? [];
  if (status === undefined) return undefined;
  const headers: Record<string, string | string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  let body = bytes.subarray(end + 4);
  const length = headers['content-length'];
  if (typeof length === 'string') body = body.subarray(0, Number(length));
  else if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(status), statusText, headers, body };
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
