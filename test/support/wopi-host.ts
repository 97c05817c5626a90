// One running WOPI host for a test file: a table and a bucket of its own on the run's emulators, the real SDK
// clients (counted), a hand-moved clock, and the local HTTP server that calls the same handlers as Lambda.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { DynamoFileStore } from '../../lambda/adapters/dynamo-file-store';
import { createS3Client } from '../../lambda/adapters/s3-client';
import { type AccessGrant, mintAccessToken, type Rights } from '../../lambda/auth/access-token';
import { type Config, loadConfig } from '../../lambda/config';
import type { Share } from '../../lambda/domain/access';
import { createFile } from '../../lambda/domain/create-file';
import type { FileRecord } from '../../lambda/domain/file-record';
import { shareFile } from '../../lambda/domain/shares';
import { allowBrowserUploads, ensureStorage } from '../../lambda/local/emulators';
import { createLocalServer } from '../../lambda/local/local-server';
import { buildDeps, type Deps, provideDeps } from '../../lambda/wiring/all';
import { RequestCounter } from './request-counter';
import { testEmulators } from './shared-emulators';
import { TestClock } from './test-clock';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface HostOptions {
  /** Extra environment for loadConfig, e.g. WOPI_LOCK_TTL_SECONDS. */
  readonly env?: Record<string, string>;
  /**
   * Adds middleware to the real DynamoDB client (fault injection). It is added before the request counter,
   * so it runs outside it: the counter sees what the host sends, not what the wrapper does.
   */
  readonly wrapDb?: (db: DynamoDBDocumentClient, config: Config) => void;
  /** Adds middleware to the real S3 client, as wrapDb does to DynamoDB's. */
  readonly wrapS3?: (s3: S3Client, config: Config) => void;
}

export interface TestHost {
  readonly baseUrl: string;
  readonly deps: Deps;
  readonly clock: TestClock;
  readonly requests: RequestCounter;
  /** Adds a file owned by `owner` with these bytes. */
  addFile(bytes?: Uint8Array | string, name?: string, owner?: string): Promise<FileRecord>;
  /** A token for `user`, by default the file's owner; what it may do is what the file's record gives that user. */
  token(fileId: string, rights?: Rights, user?: Partial<Pick<AccessGrant, 'userId' | 'userName'>>): Promise<string>;
  /** Gives `userId` a share of the file (or, with 'none', takes it away), as the owner would. */
  share(fileId: string, userId: string, share: Share | 'none'): Promise<void>;
  /** Calls a WOPI route of the local server; `override` and `headers` become request headers. */
  wopi(fileId: string, init: WopiCall): Promise<Response>;
  close(): Promise<void>;
}

export interface WopiCall {
  readonly method?: 'GET' | 'POST';
  readonly path?: '' | '/contents' | '/ancestry' | '/ecosystem_pointer';
  readonly override?: string;
  readonly headers?: Record<string, string>;
  readonly body?: Uint8Array | string;
  /** Defaults to a fresh write token for the file; null sends none. */
  readonly token?: string | null;
}

export async function startTestHost(options: HostOptions = {}): Promise<TestHost> {
  // Unique names, so that no test file sees another's data, whatever it lists or counts. close() leaves them:
  // the run's emulators keep them in memory and a temp folder, gone with the run.
  const unique = randomBytes(4).toString('hex');
  const names = { WOPI_TABLE_NAME: `wopi-files-${unique}`, WOPI_BUCKET_NAME: `wopi-contents-${unique}` };
  const emulators = await testEmulators();
  await ensureStorage(emulators, { tableName: names.WOPI_TABLE_NAME, bucketName: names.WOPI_BUCKET_NAME });
  // The server loads its dependencies on the first request, so it can listen before they exist.
  const server: Server = createLocalServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await allowBrowserUploads(emulators, names.WOPI_BUCKET_NAME, baseUrl);
  const config = loadConfig({
    ...names,
    WOPI_TOKEN_SECRET: TEST_SECRET,
    WOPI_PUBLIC_URL: baseUrl,
    DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
    S3_ENDPOINT: emulators.s3Endpoint,
    ...options.env,
  });
  const clock = new TestClock();
  const requests = new RequestCounter();
  const db = createDynamoClient(config);
  const s3 = createS3Client(config);
  options.wrapDb?.(db, config);
  options.wrapS3?.(s3, config);
  requests.attach(db, 'dynamodb');
  requests.attach(s3, 's3');
  const deps = await buildDeps(config, { clock, db, s3 });
  const uncountedDb = createDynamoClient(config);
  const uncounted = new DynamoFileStore(uncountedDb, config.tableName);
  provideDeps(deps);

  let fileCount = 0;
  const owners = new Map<string, string>();
  const host: TestHost = {
    baseUrl,
    deps,
    clock,
    requests,
    // Names are unique per owner, so each file gets its own unless the test names it.
    addFile: async (bytes = 'hello', name = `test-${++fileCount}.docx`, owner = 'owner-1') => {
      const file = { name, ownerId: owner, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes };
      const record = await createFile(deps, file, clock.now());
      owners.set(record.fileId, owner);
      return record;
    },
    token: async (fileId, rights = 'write', user = {}) => {
      // Looked up without the counted client, so a test that counts requests counts only the host's.
      const userId = user.userId ?? owners.get(fileId) ?? (await uncounted.get(fileId))?.ownerId ?? 'user-1';
      const grant = { fileId, userId, userName: user.userName ?? `User ${userId}`, rights };
      return (await mintAccessToken(deps.tokenSecret, grant, config.tokenTtlSeconds, clock.now())).token;
    },
    share: async (fileId, userId, share) => {
      const shareDeps = { ...deps, now: clock.now(), actor: 'test' };
      await shareFile(shareDeps, fileId, userId, share === 'none' ? undefined : share);
    },
    wopi: async (fileId, call) => {
      const token = call.token === undefined ? await host.token(fileId) : call.token;
      const query = token === null ? '' : `?access_token=${encodeURIComponent(token)}`;
      const headers: Record<string, string> = { ...call.headers };
      if (call.override !== undefined) headers['X-WOPI-Override'] = call.override;
      return fetch(`${baseUrl}/wopi/files/${encodeURIComponent(fileId)}${call.path ?? ''}${query}`, {
        method: call.method ?? 'POST',
        headers,
        ...(call.body !== undefined && { body: call.body }),
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      db.destroy();
      uncountedDb.destroy();
      s3.destroy();
      await emulators.close();
    },
  };
  return host;
}
