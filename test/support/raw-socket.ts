// Requests with header bytes that fetch and node:http refuse to send (non-ASCII, control characters),
// written straight to a socket, as a misbehaving client or a proxy could.
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Sends one HTTP/1.1 request whose header values go on the wire byte for byte: each character of a value
 * is one byte (latin1), so 'é' is 0xE9 and '\x01' is 0x01. `Connection: close` makes the server end the exchange.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: readonly (readonly [string, string])[],
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    'Content-Length: 0',
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.from(head, 'latin1')));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseResponseHead(Buffer.concat(chunks).toString('latin1')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function parseResponseHead(text: string): RawResponse {
  const [statusLine = '', ...lines] = (text.split('\r\n\r\n')[0] ?? '').split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (match === null) throw new Error(`Not an HTTP response: ${JSON.stringify(text.slice(0, 80))}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(match[1]), headers };
}
