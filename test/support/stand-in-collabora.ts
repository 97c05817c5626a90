// A WOPI client on 127.0.0.1 that behaves as Collabora Online does towards a host, for the browser tests: it serves
// Collabora's discovery, takes the host page's form POST of access_token and access_token_ttl into its frame, then
// runs a session against WOPISrc (CheckFileInfo, GetFile, Lock, PutFile with X-COOL-WOPI-Timestamp, Unlock) and
// answers a frame that does the PostMessage handshake (App_LoadingStatus Frame_Ready, then waits for
// Host_PostmessageReady). Everything it saw is recorded for the test to read.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collaboraDiscoveryXml } from './discovery-xml';

export interface WopiStep {
  readonly call: string;
  readonly status: number;
}

export interface Session {
  readonly wopiSrc: string;
  readonly accessToken: string;
  readonly accessTokenTtl: string;
  readonly steps: WopiStep[];
  /** Whether the host page answered Frame_Ready with Host_PostmessageReady. */
  handshake: boolean;
}

export interface StandInCollabora {
  readonly discoveryUrl: string;
  readonly origin: string;
  readonly sessions: Session[];
  /** The bytes each session saves, as an edit would. */
  readonly savedBytes: Buffer;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Posts Frame_Ready to the host page and reports to its own server once the host answers.
const frameScript = `
window.addEventListener('message', function (event) {
  var message = JSON.parse(event.data);
  if (message.MessageId === 'Host_PostmessageReady') fetch('/handshake?session=' + SESSION, { method: 'POST' });
});
window.parent.postMessage(JSON.stringify({ MessageId: 'App_LoadingStatus', Values: { Status: 'Frame_Ready' } }), '*');
`;

async function session(record: Session, savedBytes: Buffer): Promise<void> {
  const token = `access_token=${encodeURIComponent(record.accessToken)}`;
  const call = async (name: string, path: string, init: RequestInit) => {
    const response = await fetch(`${record.wopiSrc}${path}?${token}`, init);
    record.steps.push({ call: name, status: response.status });
    return response;
  };
  const info = (await (await call('CheckFileInfo', '', {})).json()) as { LastModifiedTime: string };
  await (await call('GetFile', '/contents', {})).arrayBuffer();
  const lock = randomUUID();
  await call('Lock', '', { method: 'POST', headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': lock } });
  await call('PutFile', '/contents', {
    method: 'POST',
    headers: { 'X-WOPI-Override': 'PUT', 'X-WOPI-Lock': lock, 'X-COOL-WOPI-Timestamp': info.LastModifiedTime },
    body: savedBytes,
  });
  await call('Unlock', '', { method: 'POST', headers: { 'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': lock } });
}

export async function startStandInCollabora(): Promise<StandInCollabora> {
  let origin = '';
  const sessions: Session[] = [];
  const savedBytes = Buffer.from('the document as the editor saved it');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/hosting/discovery') {
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(collaboraDiscoveryXml(origin));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/handshake') {
      const found = sessions[Number(url.searchParams.get('session'))];
      if (found) found.handshake = true;
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && url.pathname.endsWith('/cool.html')) {
      bodyOf(req)
        .then(async (text) => {
          const form = new URLSearchParams(text);
          const record: Session = {
            wopiSrc: url.searchParams.get('WOPISrc') ?? '',
            accessToken: form.get('access_token') ?? '',
            accessTokenTtl: form.get('access_token_ttl') ?? '',
            steps: [],
            handshake: false,
          };
          const index = sessions.push(record) - 1;
          await session(record, savedBytes);
          const html = `<!doctype html><title>editor</title><script>var SESSION = ${index};${frameScript}</script>`;
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discoveryUrl: `${origin}/hosting/discovery`,
    origin,
    sessions,
    savedBytes,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
