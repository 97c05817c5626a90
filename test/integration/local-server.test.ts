// The local server's defences against slow and oversized clients, over raw sockets: headers and bodies must
// arrive in bounded time, and a 413 that leaves the body unread ends the connection. The timeouts are shortened
// for the test; no request here reaches a handler, so no emulators are needed.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LAMBDA_PAYLOAD_LIMIT_BYTES } from '../../lambda/http/limits';
import { createLocalServer, type LocalServerOptions } from '../../lambda/local/local-server';
import { openRaw } from '../support/raw-http';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A local server on a free port with these timeouts; closed after the test. */
async function serve(options: LocalServerOptions): Promise<string> {
  const server = createLocalServer(options);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Calls `write` every 20 ms until stopped: a client that is never quite done. */
function drip(write: () => void): () => void {
  const timer = setInterval(write, 20);
  return () => clearInterval(timer);
}

/** A PutFile request's head, announcing a body of `length` bytes. */
const putFileHead = (length: number) =>
  `POST /wopi/files/some-file/contents?access_token=t HTTP/1.1\r\nHost: 127.0.0.1\r\nX-WOPI-Override: PUT\r\nContent-Length: ${length}\r\n\r\n`;

describe('local server timeouts', () => {
  it('cuts off a client that drips header lines (slowloris) with 408 once the headers timeout passes', async () => {
    // Prepare: only the headers timeout is short, and the client keeps the socket busy
    const baseUrl = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 60_000, idleTimeoutMs: 60_000 });
    const client = await openRaw(baseUrl);
    client.write('GET /wopi/files/some-file HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Act
    const stop = drip(() => client.write('X-Drip: 1\r\n'));
    const { closed, response } = await client.closedWithin(3_000);
    stop();
    // Assess
    expect({ closed, status: response?.status }).toEqual({ closed: true, status: 408 });
  });

  it('cuts off a client that drips its body with 408 once the request timeout passes', async () => {
    // Prepare: complete headers announcing 1000 bytes, then one byte at a time
    const baseUrl = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 300, idleTimeoutMs: 60_000 });
    const client = await openRaw(baseUrl);
    client.write(putFileHead(1000));
    // Act
    const stop = drip(() => client.write('x'));
    const { closed, response } = await client.closedWithin(3_000);
    stop();
    // Assess
    expect({ closed, status: response?.status }).toEqual({ closed: true, status: 408 });
  });

  it('closes a connection whose body stalls once the idle timeout passes', async () => {
    // Prepare: 10 of the 1000 announced bytes, then silence
    const baseUrl = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 60_000, idleTimeoutMs: 200 });
    const client = await openRaw(baseUrl);
    // Act
    client.write(`${putFileHead(1000)}0123456789`);
    const { closed } = await client.closedWithin(3_000);
    // Assess
    expect(closed).toBe(true);
  });
});

describe('local server 413', () => {
  it('answers a body past the Lambda event limit with 413 and Connection: close, then closes the connection', async () => {
    // Prepare: a body announced 1 MiB past the limit, of which a little more than the limit is sent
    const baseUrl = await serve({});
    const client = await openRaw(baseUrl);
    client.write(putFileHead(LAMBDA_PAYLOAD_LIMIT_BYTES + 1024 * 1024));
    // Act
    client.write(Buffer.alloc(LAMBDA_PAYLOAD_LIMIT_BYTES + 64 * 1024, 'x'));
    const { closed, response } = await client.closedWithin(3_000);
    // Assess
    expect({ status: response?.status, connection: response?.headers.connection, closed }).toEqual({
      status: 413,
      connection: 'close',
      closed: true,
    });
  });
});
