// Small steps the file-operation tests share: adding files under fresh owners, locking, saving, reading back
// what the stores hold, and wrapping the real stores to slow them down or make them fail (fault injection).
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { createS3Client } from '../../lambda/adapters/s3-client';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { ContentStore } from '../../lambda/domain/ports';
import type { SaveDeps } from '../../lambda/domain/save-file';
import { DEFAULT_SCHEDULE } from '../../lambda/domain/versions';
import { deadlineRetry } from '../../lambda/http/deadline-retry';
import { type Deps, provideDeps } from '../../lambda/wiring/all';
import type { TestHost } from './wopi-host';

export interface NewTestFile {
  readonly bytes?: Uint8Array | string;
  readonly name?: string;
  /** Defaults to an owner of its own, so names never collide between tests. */
  readonly owner?: string;
}

export function uniqueOwner(): string {
  return `owner-${randomUUID()}`;
}

export function addTestFile(host: TestHost, file: NewTestFile = {}): Promise<FileRecord> {
  return host.addFile(file.bytes ?? 'hello', file.name ?? 'test.docx', file.owner ?? uniqueOwner());
}

export async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

export async function recordOf(host: TestHost, fileId: string): Promise<FileRecord> {
  const record = await host.deps.files.get(fileId);
  if (record === undefined) throw new Error(`File ${fileId} has no record`);
  return record;
}

/** Every file of the owner, in the trash or not, found in the table itself (not through the name claims). */
export async function filesOf(host: TestHost, ownerId: string): Promise<FileRecord[]> {
  const db = createDynamoClient(host.deps.config);
  const ids: string[] = [];
  try {
    const pages = paginateScan(
      { client: db },
      {
        TableName: host.deps.config.tableName,
        FilterExpression: 'sk = :file AND ownerId = :owner',
        ExpressionAttributeValues: { ':file': 'file', ':owner': ownerId },
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) ids.push(String(item.fileId));
  } finally {
    db.destroy();
  }
  return Promise.all(ids.map((fileId) => recordOf(host, fileId)));
}

/** The bytes of the file's current content, read from S3 by the key the record points at. */
export async function currentBytes(host: TestHost, fileId: string): Promise<Buffer> {
  const record = await recordOf(host, fileId);
  return Buffer.from(await host.deps.contents.get(record.content.contentKey));
}

export function lockFile(host: TestHost, fileId: string, lockId: string, token?: string): Promise<Response> {
  return host.wopi(fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': lockId }, ...(token && { token }) });
}

export function putFile(
  host: TestHost,
  fileId: string,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
  token?: string,
): Promise<Response> {
  return host.wopi(fileId, { path: '/contents', override: 'PUT', headers, body, ...(token && { token }) });
}

export function checkFileInfo(host: TestHost, fileId: string, token?: string): Promise<Response> {
  return host.wopi(fileId, { method: 'GET', ...(token && { token }) });
}

/** The URL of a WOPI route with its access token, for calls host.wopi cannot make (e.g. redirect: 'manual'). */
export async function wopiUrl(host: TestHost, fileId: string, path: '' | '/contents' = ''): Promise<string> {
  const token = await host.token(fileId);
  return `${host.baseUrl}/wopi/files/${fileId}${path}?access_token=${encodeURIComponent(token)}`;
}

/** What saveFile needs to run beside the HTTP handlers, on the host's real stores and clock. */
export function saveDepsOf(host: TestHost, userId: string, contents: ContentStore = host.deps.contents): SaveDeps {
  const { files, folders, recovery, config, quota } = host.deps;
  return {
    files,
    folders,
    contents,
    recovery,
    quota,
    now: host.clock.now(),
    userId,
    schedule: { ...DEFAULT_SCHEDULE, latest: config.versionsKept },
    recoveryKeepMs: config.recoveryKeepMs,
    recoveryKept: config.recoveryKept,
    retry: deadlineRetry(config.saveRetryMs),
  };
}

/**
 * Has the handlers run on other dependencies (a wrapped store) until the returned function is called;
 * the handlers read their dependencies on every invocation.
 */
export function useDeps(host: TestHost, overrides: Partial<Deps>): () => void {
  provideDeps({ ...host.deps, ...overrides });
  return () => provideDeps(host.deps);
}

/**
 * A real store (or client) with some methods replaced, for fault injection: every other method is the real one,
 * reached through the prototype chain, so the wrapper keeps up with the port as it grows.
 */
export function withReplaced<T extends object>(real: T, replaced: Partial<T>): T {
  return Object.assign(Object.create(real) as T, replaced);
}

/** A content store whose uploads under files/ wait until release() is called: a slow upload, on demand. */
export interface GatedContents {
  readonly store: ContentStore;
  /** Resolves when an upload has started and is waiting. */
  readonly reached: Promise<void>;
  release(): void;
}

export function gatedContents(contents: ContentStore): GatedContents {
  let arrived: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const store = withReplaced(contents, {
    put: async (key, body) => {
      if (key.startsWith('files/')) {
        arrived();
        await gate;
      }
      await contents.put(key, body);
    },
  });
  return { store, reached, release: () => open() };
}

/** A raw S3 client on the host's emulator, to look at the bucket the way an operator would. */
export function rawS3(host: TestHost): S3Client {
  return createS3Client(host.deps.config);
}

export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    token = page.NextContinuationToken;
  } while (token !== undefined);
  return keys;
}
