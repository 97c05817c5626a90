// A WOPI client's discovery served on 127.0.0.1, for hosts started with WOPI_DISCOVERY_URL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DiscoveryServer {
  /** The URL to give the host as WOPI_DISCOVERY_URL. */
  readonly url: string;
  /** http://127.0.0.1:<port>, the WOPI client's origin that the XML's action URLs use. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the XML that `xml` builds for the server's own origin on every request. */
export async function serveDiscovery(xml: (origin: string) => string): Promise<DiscoveryServer> {
  let origin = '';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    res.end(xml(origin));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/hosting/discovery`,
    origin,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
