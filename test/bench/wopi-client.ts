// The bench's WOPI client: node:http on one keep-alive socket, so the figures carry little client overhead.
import { Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface WopiCall {
  readonly fileId: string;
  readonly token: string;
  readonly method?: 'GET' | 'POST';
  readonly path?: '' | '/contents';
  readonly override?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
}

export interface WopiAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export class WopiClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly baseUrl: string) {}

  send(call: WopiCall): Promise<WopiAnswer> {
    const url = `${this.baseUrl}/wopi/files/${call.fileId}${call.path ?? ''}?access_token=${call.token}`;
    const headers: Record<string, string> = { ...call.headers };
    if (call.override !== undefined) headers['X-WOPI-Override'] = call.override;
    if (call.body !== undefined) {
      headers['Content-Type'] ??= typeof call.body === 'string' ? 'text/plain' : 'application/octet-stream';
      headers['Content-Length'] = String(Buffer.byteLength(call.body));
    }
    return new Promise((resolve, reject) => {
      const req = request(url, { method: call.method ?? 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(call.body);
    });
  }

  /** Sends the call and fails the bench unless it answers 200: a refused call would measure the wrong path. */
  async expectOk(call: WopiCall, what: string): Promise<WopiAnswer> {
    const answer = await this.send(call);
    if (answer.status !== 200) {
      const reason = answer.headers['x-wopi-lockfailurereason'] ?? answer.body.toString('utf8').slice(0, 200);
      throw new Error(`${what} answered ${answer.status}: ${reason}`);
    }
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }
}
