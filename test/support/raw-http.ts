// Raw HTTP/1.1 requests with node:http, for what fetch refuses to send: repeated headers, latin1 bytes in
// header values, odd methods and paths that are sent exactly as written (no URL normalisation).
import { request } from 'node:http';

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
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** Sends one request on its own connection; resolves with the response even if the server stops reading. */
export function sendRaw(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request({ host: hostname, port, method: req.method, path: req.path, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    // A server that answers before reading the whole body (413) may reset the connection under our write.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    const grouped = new Map<string, string[]>();
    for (const [name, value] of req.headers ?? []) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    for (const [name, values] of grouped) outgoing.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    outgoing.setHeader('Content-Length', String(req.body?.byteLength ?? 0));
    outgoing.end(req.body === undefined ? undefined : Buffer.from(req.body));
  });
}
