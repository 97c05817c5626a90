// Per-function IAM, proved on the emulators. Every operation of every route, on its success and refusal paths (and
// the races and earlier-layout items that take other code paths), and the orphan sweep run against dynalite and
// s3rver with a recorder on the real SDK clients; what their requests need from IAM is compared with the Grants the
// stack turns into policies (lambda/routes.ts, infra/constructs/orphan-sweep.ts), both ways: a request the grants do
// not allow would fail on AWS (too narrow), and a granted action or key prefix no run used is wider than needed.
// Preparation goes through stores on clients of their own, which the recorder never sees.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_GRANTS } from '../../infra/constructs/orphan-sweep';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { fileKey } from '../../lambda/adapters/file-item';
import { createS3Client } from '../../lambda/adapters/s3-client';
import { mintFileUrlLink } from '../../lambda/auth/file-url-link';
import { mintHostLink } from '../../lambda/auth/host-link';
import type { Share } from '../../lambda/domain/access';
import { checkOut } from '../../lambda/domain/check-out';
import { newContentKey } from '../../lambda/domain/content-keys';
import { createFile } from '../../lambda/domain/create-file';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { FolderRecord } from '../../lambda/domain/folder-record';
import { createFolder, rootFolder, shareFolder } from '../../lambda/domain/folders';
import { lockFile, unlockAndRelock } from '../../lambda/domain/locks';
import { associateNumberOf, documentNumberOf } from '../../lambda/domain/numbers';
import type { Stores } from '../../lambda/domain/ports';
import { putFileRequirement, saveFile } from '../../lambda/domain/save-file';
import { shareFile } from '../../lambda/domain/shares';
import { trashFile } from '../../lambda/domain/trash';
import { issueApiKey, type User } from '../../lambda/domain/users';
import { handler as sweepOrphans } from '../../lambda/functions/sweep-orphans';
import { type Grants, routeKey, routes } from '../../lambda/routes';
import { buildDeps, type Deps } from '../../lambda/wiring/all';
import { provide } from '../../lambda/wiring/runtime';
import { type DiscoveryServer, serveDiscovery } from '../support/discovery-server';
import { collaboraDiscoveryXml } from '../support/discovery-xml';
import { filesApiScenarios, type Scenario } from '../support/iam-files-api-scenarios';
import {
  type Authorization,
  allowingGrant,
  declaredGrants,
  describeAuthorization,
  IamRecorder,
} from '../support/iam-grants';
import { type OidcProvider, startOidcProvider } from '../support/oidc-provider';
import { containerCall, ecosystemCall } from '../support/wopi-containers';
import { saveDepsOf, uniqueOwner, withReplaced, wopiUrl } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const DAY = 24 * 3600_000;

let host: TestHost;
let discovery: DiscoveryServer;
let oidc: OidcProvider;
const recorder = new IamRecorder();
/** Stores on clients of their own, unrecorded: what the tests prepare and interfere with. */
let setup: Deps;
let setupDb: DynamoDBDocumentClient;
let setupS3: S3Client;

beforeAll(async () => {
  discovery = await serveDiscovery((origin) => collaboraDiscoveryXml(origin));
  oidc = await startOidcProvider();
  host = await startTestHost({
    env: {
      ...oidc.env,
      // A WOPI client is configured, as in a deployment: CheckFileInfo then links the host page.
      WOPI_DISCOVERY_URL: discovery.url,
      WOPI_PROOF_KEYS: 'off',
      WOPI_OFFER_FILE_URL: 'true',
      // One copy per file, so a second refused save removes the first: the path that deletes copies.
      WOPI_RECOVERY_KEPT: '1',
    },
    wrapDb: (db) => recorder.attach(db, 'dynamodb'),
    wrapS3: (s3) => recorder.attach(s3, 's3'),
  });
  // S3 stamps objects with the real time, which the sweep compares with the host's clock.
  host.clock.advance(Date.now() - host.clock.now());
  setupDb = createDynamoClient(host.deps.config);
  setupS3 = createS3Client(host.deps.config);
  setup = await buildDeps(host.deps.config, { clock: host.clock, db: setupDb, s3: setupS3 });
  useStores({});
});
afterAll(async () => {
  await host.close();
  setupDb.destroy();
  setupS3.destroy();
  await discovery.close();
  await oidc.close();
});

/**
 * Has the functions use the host's recorded stores, with `overrides` (fault injection), and hand them the signing
 * key through a getter that records each time one asks for it: what GetSecretValue would fetch on AWS.
 */
function useStores(overrides: Partial<Stores>): void {
  const { config, clock, discovery: client, tokenSecret } = host.deps;
  provide({
    config,
    clock,
    discovery: client,
    stores: { ...host.deps, ...overrides },
    get tokenSecret() {
      recorder.signingKeyRead();
      return tokenSecret;
    },
  });
}

/** The call, made while the functions use `overrides`. */
async function withStores<T>(overrides: Partial<Stores>, call: () => Promise<T>): Promise<T> {
  useStores(overrides);
  try {
    return await call();
  } finally {
    useStores({});
  }
}

const now = () => host.clock.now();

async function addFile(owner = uniqueOwner(), name = 'report.docx', bytes: Uint8Array = Buffer.from('hello')) {
  return createFile(setup, { name, ownerId: owner, bytes }, now());
}

async function shareWith(file: FileRecord, userId: string, share: Share): Promise<void> {
  await shareFile({ ...setup, now: now(), actor: file.ownerId }, file.fileId, userId, share);
}

function lockContext(userId: string) {
  return {
    files: setup.files,
    folders: setup.folders,
    now: now(),
    lockTtlMs: setup.config.lockTtlMs,
    userId,
    userName: userId,
  };
}

async function lockAs(file: FileRecord, lockId: string, userId = file.ownerId): Promise<void> {
  await lockFile(lockContext(userId), file.fileId, lockId);
}

/** Rewrites the file's item in the layout before `state` existed, which the next write brings up to date. */
async function toEarlierLayout(file: FileRecord): Promise<void> {
  await setupDb.send(
    new UpdateCommand({
      TableName: setup.config.tableName,
      Key: fileKey(file.fileId),
      UpdateExpression: 'REMOVE #state',
      ExpressionAttributeNames: { '#state': 'state' },
    }),
  );
}

/** Changes the file's record behind a route's back: its revision moves on. */
async function touch(file: FileRecord): Promise<void> {
  await setupDb.send(
    new UpdateCommand({
      TableName: setup.config.tableName,
      Key: fileKey(file.fileId),
      UpdateExpression: 'SET rev = rev + :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

/** A save the file's lock refuses, kept as a recovery copy. */
async function refusedSave(file: FileRecord): Promise<void> {
  const request = { bytes: Buffer.from('a refused save'), saveContext: {}, expectedLastModified: undefined };
  const saving = saveFile(saveDepsOf({ ...host, deps: setup }, file.ownerId), file.fileId, {
    ...request,
    requirement: putFileRequirement('not-the-lock'),
  });
  await expect(saving).rejects.toThrow();
}

/** A user with a profile and an API key. */
async function person(): Promise<{ user: User; apiKey: string }> {
  const user = { userId: `user-${randomUUID()}`, displayName: 'A Person' };
  await setup.users.putUser(user);
  return { user, apiKey: await issueApiKey(setup.users, user.userId, now()) };
}

async function checkOutAs(file: FileRecord, user: User): Promise<void> {
  await checkOut({ files: setup.files, folders: setup.folders, now: now() }, file.fileId, user);
}

/**
 * The paths an Agents call on a held check-out takes: by an editor the file's folder was shared with, addressed by
 * its document number, and on an item of the earlier layout made before numbers (rewritten once).
 */
function onHeldCheckOut(operation: string, verb: string): Scenario[] {
  const held = async (made: Promise<{ file: FileRecord; user: User; apiKey: string }>) => {
    const { file, user, apiKey } = await made;
    await checkOutAs(file, user);
    return { file, apiKey };
  };
  return [
    {
      name: `${verb} by an editor the file's folder was shared with`,
      status: 200,
      act: async () => {
        const { file, apiKey } = await held(inSharedFolder('edit'));
        return agent(operation, apiKey, { documentId: file.fileId });
      },
    },
    {
      name: 'addressed by its document number',
      status: 200,
      act: async () => {
        const { file, apiKey } = await held(ownFile());
        return agent(operation, apiKey, { documentId: await numberOf(file) });
      },
    },
    {
      name: 'an item of the earlier layout, made before numbers, is rewritten once',
      status: 200,
      act: async () => {
        const { file, apiKey } = await held(ownFile());
        await toUnnumbered(file);
        await toEarlierLayout(file);
        return agent(operation, apiKey, { documentId: file.fileId });
      },
    },
  ];
}

/** A file in a folder its owner shared with a person who has an API key: the person's role comes from the folder. */
async function inSharedFolder(share: Share = 'edit'): Promise<{ file: FileRecord; user: User; apiKey: string }> {
  const owner = uniqueOwner();
  const deps = { ...setup, now: now(), userId: owner };
  const root = await rootFolder(deps, owner);
  const folder = await createFolder(deps, root.folderId, { mode: 'exact', name: 'Shared' });
  const member = await person();
  await shareFolder(deps, folder.folderId, member.user.userId, share);
  const bytes = Buffer.from('hello');
  const file = await createFile(
    setup,
    { name: 'report.docx', ownerId: owner, bytes, folderId: folder.folderId },
    now(),
  );
  return { file, ...member };
}

/** The member's WOPI access token for a file in the folder shared with them. */
const memberToken = (file: FileRecord, user: User) => host.token(file.fileId, 'write', { userId: user.userId });

/** A file of a person with an API key. */
async function ownFile(): Promise<{ file: FileRecord; user: User; apiKey: string }> {
  const owner = await person();
  return { ...owner, file: await addFile(owner.user.userId) };
}

function override(file: FileRecord, name: string, headers: Record<string, string> = {}, body?: string) {
  return host.wopi(file.fileId, { override: name, headers, ...(body !== undefined && { body }) });
}

function putFile(file: FileRecord, lockId: string, body = 'new bytes') {
  return host.wopi(file.fileId, { path: '/contents', override: 'PUT', headers: { 'X-WOPI-Lock': lockId }, body });
}

function api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, apiKey: string | undefined, body?: unknown) {
  return fetch(`${host.baseUrl}${path}`, {
    method,
    headers: {
      ...(apiKey !== undefined && { Authorization: `Bearer ${apiKey}` }),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

const docSpaceLock = (fileId: string, apiKey: string | undefined, lockFile: boolean) =>
  api('PUT', `/api/2.0/files/file/${fileId}/lock`, apiKey, { lockFile });
const superOffice = (method: 'POST' | 'GET' | 'PUT' | 'DELETE', documentId: string, apiKey: string, query = '') =>
  api(method, `/api/v1/Document/${documentId}/Lock${query}`, apiKey);
const agent = (method: string, apiKey: string, body: Record<string, unknown>) =>
  api('POST', `/api/v1/Agents/Document/${method}`, apiKey, body);

/** The file's document number, as the vendor APIs address it. */
async function numberOf(file: FileRecord): Promise<number> {
  const docNo = (await setup.files.get(file.fileId))?.docNo;
  if (docNo === undefined) throw new Error(`${file.fileId} has no document number`);
  return docNo;
}

/** Takes the file's document number away, as files made before numbers were; the next API use numbers it. */
async function toUnnumbered(file: FileRecord): Promise<void> {
  await setupDb.send(
    new UpdateCommand({
      TableName: setup.config.tableName,
      Key: fileKey(file.fileId),
      UpdateExpression: 'REMOVE docNo',
    }),
  );
}

/** Takes the user's associate number away, as users made before numbers were. */
async function toUnnumberedUser(user: User): Promise<void> {
  await setupDb.send(
    new UpdateCommand({
      TableName: setup.config.tableName,
      Key: { pk: `user#${user.userId}`, sk: 'profile' },
      UpdateExpression: 'REMOVE associateId',
    }),
  );
}

/**
 * Numbers the file (and its check-out's holder), unrecorded, right after the request claims a number of its own: the
 * request loses the race, keeps the number already set and gives its claim back.
 */
function numberedMeanwhile(file: FileRecord, holder?: User): Partial<Stores> {
  const numbers = withReplaced(host.deps.numbers, {
    claim: async (kind, n, claimer) => {
      const claimed = await host.deps.numbers.claim(kind, n, claimer);
      const deps = { numbers: setup.numbers, files: setup.files, folders: setup.folders, users: setup.users };
      const record = await setup.files.get(file.fileId);
      if (kind === 'docno' && record !== undefined) await documentNumberOf(deps, record, now());
      if (kind === 'assoc' && holder !== undefined) {
        const user = await setup.users.getUser(holder.userId);
        if (user !== undefined) await associateNumberOf(deps, user);
      }
      return claimed;
    },
  });
  return { numbers };
}

/** A file of its owner's, checked out by an editor made before associate numbers. */
async function checkedOutByAnother(): Promise<{ file: FileRecord; apiKey: string; editor: User }> {
  const { file, apiKey } = await ownFile();
  const { user: editor } = await person();
  await shareWith(file, editor.userId, 'edit');
  await checkOutAs(file, editor);
  await toUnnumberedUser(editor);
  return { file, apiKey, editor };
}

/** A content store that runs `meanwhile` (unrecorded) just before it uploads under `prefix`: a change mid-save. */
function uploadsAfter(prefix: string, meanwhile: () => Promise<void>): Partial<Stores> {
  const contents = withReplaced(host.deps.contents, {
    put: async (key, body) => {
      if (key.startsWith(prefix)) await meanwhile();
      await host.deps.contents.put(key, body);
    },
  });
  return { contents };
}

/** The FileUrl CheckFileInfo gives `userId` for the file, its link signed here so that no other request is made. */
async function fileUrlOf(file: FileRecord, userId: string): Promise<string> {
  const link = await mintFileUrlLink(setup.tokenSecret, { fileId: file.fileId, userId }, 300, now());
  return `${host.baseUrl}/download/files/${file.fileId}?link=${link}`;
}

/** A folder of a fresh owner, in their root (both made unrecorded), and that owner. */
async function ownFolder(name = 'Folder'): Promise<{ owner: string; root: FolderRecord; folder: FolderRecord }> {
  const owner = uniqueOwner();
  const deps = { ...setup, now: now(), userId: owner };
  const root = await rootFolder(deps, owner);
  return { owner, root, folder: await createFolder(deps, root.folderId, { mode: 'exact', name }) };
}

function containerOverride(folder: FolderRecord, owner: string, name: string, headers: Record<string, string> = {}) {
  return containerCall(host, folder.folderId, owner, { override: name, headers });
}

/** A file of `owner` in `folder`, made unrecorded. */
function fileIn(folder: FolderRecord, owner: string, name = 'target.docx') {
  const folderId = folder.parentId === undefined ? undefined : folder.folderId;
  return createFile(setup, { name, ownerId: owner, bytes: Buffer.from('hello'), folderId }, now());
}

const overwriting = (name: string) => ({ 'X-WOPI-RelativeTarget': name, 'X-WOPI-OverwriteRelativeTarget': 'true' });

/** The scenarios per route key: every row of lambda/routes.ts needs its own, or the test below fails. */
const routeScenarios = new Map<string, Scenario[]>([
  [
    'GET /wopi/files/{file_id}',
    [
      {
        name: "CheckFileInfo by a member of the folder the file is in reads the folder's share",
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('view');
          return host.wopi(file.fileId, { method: 'GET', token: await memberToken(file, user) });
        },
      },
      {
        name: 'CheckFileInfo reads the record and the UserInfo string and signs the FileUrl link',
        status: 200,
        act: async () => host.wopi((await addFile()).fileId, { method: 'GET' }),
      },
      {
        name: 'CheckFileInfo of a file the user was not given',
        status: 404,
        act: async () => {
          const file = await addFile();
          return host.wopi(file.fileId, {
            method: 'GET',
            token: await host.token(file.fileId, 'read', { userId: 'x' }),
          });
        },
      },
    ],
  ],
  [
    'GET /download/files/{file_id}',
    [
      {
        name: "FileUrl answers the bytes to a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('view');
          return fetch(await fileUrlOf(file, user.userId));
        },
      },
      {
        name: 'FileUrl answers the bytes',
        status: 200,
        act: async () => {
          const file = await addFile();
          return fetch(await fileUrlOf(file, file.ownerId));
        },
      },
      {
        name: 'FileUrl redirects to a presigned GET when the bytes are larger than a response',
        status: 302,
        act: async () => {
          const file = await addFile(uniqueOwner(), 'large.docx', Buffer.alloc(5 * 1024 * 1024, 1));
          return fetch(await fileUrlOf(file, file.ownerId), { redirect: 'manual' });
        },
      },
      {
        name: 'FileUrl of a user the file was not given',
        status: 404,
        act: async () => fetch(await fileUrlOf(await addFile(), 'x')),
      },
    ],
  ],
  [
    'GET /wopi/files/{file_id}/contents',
    [
      {
        name: 'GetFile by a member of the folder the file is in',
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('view');
          return host.wopi(file.fileId, { method: 'GET', path: '/contents', token: await memberToken(file, user) });
        },
      },
      {
        name: 'GetFile answers the bytes',
        status: 200,
        act: async () => host.wopi((await addFile()).fileId, { method: 'GET', path: '/contents' }),
      },
      {
        name: 'GetFile redirects to a presigned GET when the bytes are larger than a response',
        status: 302,
        act: async () => {
          const file = await addFile(uniqueOwner(), 'large.docx', Buffer.alloc(5 * 1024 * 1024, 1));
          return fetch(await wopiUrl(host, file.fileId, '/contents'), { redirect: 'manual' });
        },
      },
      {
        name: 'GetFile refuses a file larger than X-WOPI-MaxExpectedSize',
        status: 412,
        act: async () =>
          host.wopi((await addFile()).fileId, {
            method: 'GET',
            path: '/contents',
            headers: { 'X-WOPI-MaxExpectedSize': '1' },
          }),
      },
    ],
  ],
  [
    'POST /wopi/files/{file_id}/contents',
    [
      {
        name: "PutFile by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('edit');
          await lockFile(lockContext(user.userId), file.fileId, 'L1');
          const token = await memberToken(file, user);
          return host.wopi(file.fileId, {
            path: '/contents',
            override: 'PUT',
            headers: { 'X-WOPI-Lock': 'L1' },
            body: 'x',
            token,
          });
        },
      },
      {
        name: 'PutFile by the lock holder uploads and commits',
        status: 200,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return putFile(file, 'L1');
        },
      },
      {
        name: 'PutFile with another lock ID is kept as a recovery copy',
        status: 409,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return putFile(file, 'other');
        },
      },
      {
        name: 'PutFile refused again removes the copy beyond WOPI_RECOVERY_KEPT',
        status: 409,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          await refusedSave(file);
          return putFile(file, 'other');
        },
      },
      {
        name: 'PutFile whose lock changes during the upload copies the upload to a recovery copy',
        status: 409,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          const relock = () => unlockAndRelock(lockContext(file.ownerId), file.fileId, 'L1', 'L2');
          return withStores(uploadsAfter(`files/${file.fileId}/`, relock), () => putFile(file, 'L1'));
        },
      },
      {
        name: 'PutFile by a viewer stores nothing',
        status: 404,
        act: async () => {
          const file = await addFile();
          await shareWith(file, 'viewer', 'view');
          const token = await host.token(file.fileId, 'write', { userId: 'viewer' });
          return host.wopi(file.fileId, { path: '/contents', override: 'PUT', body: 'x', token });
        },
      },
    ],
  ],
  [
    'POST /wopi/files/{file_id}',
    [
      {
        name: 'AddActivities keeps a comment on the record',
        status: 200,
        act: async () => {
          const body = JSON.stringify({
            Activities: [{ Type: 'comment', Id: randomUUID(), Data: { ContentId: 'c1', ContentAction: 'created' } }],
          });
          return override(await addFile(), 'ADD_ACTIVITIES', {}, body);
        },
      },
      {
        name: 'GetShareUrl reads the record',
        status: 200,
        act: async () => override(await addFile(), 'GET_SHARE_URL', { 'X-WOPI-UrlType': 'ReadWrite' }),
      },
      {
        name: "Lock by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('edit');
          const token = await memberToken(file, user);
          return host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'L1' }, token });
        },
      },
      {
        name: 'Lock on an unlocked file',
        status: 200,
        act: async () => override(await addFile(), 'LOCK', { 'X-WOPI-Lock': 'L1' }),
      },
      {
        name: 'Lock on a file locked with another ID',
        status: 409,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return override(file, 'LOCK', { 'X-WOPI-Lock': 'L2' });
        },
      },
      {
        name: 'Lock on an item of the earlier layout, which is rewritten first',
        status: 200,
        act: async () => {
          const file = await addFile();
          await toEarlierLayout(file);
          return override(file, 'LOCK', { 'X-WOPI-Lock': 'L1' });
        },
      },
      {
        name: 'GetLock',
        status: 200,
        act: async () => override(await addFile(), 'GET_LOCK'),
      },
      {
        name: 'RefreshLock',
        status: 200,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return override(file, 'REFRESH_LOCK', { 'X-WOPI-Lock': 'L1' });
        },
      },
      {
        name: 'Unlock',
        status: 200,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return override(file, 'UNLOCK', { 'X-WOPI-Lock': 'L1' });
        },
      },
      {
        name: 'UnlockAndRelock',
        status: 200,
        act: async () => {
          const file = await addFile();
          await lockAs(file, 'L1');
          return override(file, 'LOCK', { 'X-WOPI-Lock': 'L2', 'X-WOPI-OldLock': 'L1' });
        },
      },
      {
        name: 'Lock with a view token',
        status: 404,
        act: async () => {
          const file = await addFile();
          const token = await host.token(file.fileId, 'read');
          return host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'L1' }, token });
        },
      },
      {
        name: 'PutRelativeFile with a suggested name creates a file',
        status: 200,
        act: async () => override(await addFile(), 'PUT_RELATIVE', { 'X-WOPI-SuggestedTarget': '.pdf' }, 'pdf'),
      },
      {
        name: 'PutRelativeFile onto a taken name without overwrite suggests a free one',
        status: 409,
        act: async () => {
          const file = await addFile();
          await addFile(file.ownerId, 'taken.docx');
          return override(file, 'PUT_RELATIVE', { 'X-WOPI-RelativeTarget': 'taken.docx' }, 'bytes');
        },
      },
      {
        name: 'PutRelativeFile overwrites an unlocked file by a save',
        status: 200,
        act: async () => {
          const file = await addFile();
          await addFile(file.ownerId, 'target.docx');
          const headers = { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' };
          return override(file, 'PUT_RELATIVE', headers, 'bytes');
        },
      },
      {
        name: 'PutRelativeFile onto a locked file keeps the bytes as its recovery copy, removing the one before',
        status: 409,
        act: async () => {
          const file = await addFile();
          const target = await addFile(file.ownerId, 'target.docx');
          await lockAs(target, 'L1');
          await refusedSave(target);
          const headers = { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' };
          return override(file, 'PUT_RELATIVE', headers, 'bytes');
        },
      },
      {
        name: 'PutRelativeFile onto a file locked during the upload copies the upload to a recovery copy',
        status: 409,
        act: async () => {
          const file = await addFile();
          const target = await addFile(file.ownerId, 'target.docx');
          const headers = { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' };
          const lock = () => lockAs(target, 'late');
          return withStores(uploadsAfter(`files/${target.fileId}/`, lock), () =>
            override(file, 'PUT_RELATIVE', headers, 'bytes'),
          );
        },
      },
      {
        name: 'RenameFile moves the name claim',
        status: 200,
        act: async () => override(await addFile(), 'RENAME_FILE', { 'X-WOPI-RequestedName': 'renamed' }),
      },
      {
        name: 'RenameFile to a name another file has',
        status: 400,
        act: async () => {
          const file = await addFile();
          await addFile(file.ownerId, 'taken.docx');
          return override(file, 'RENAME_FILE', { 'X-WOPI-RequestedName': 'taken' });
        },
      },
      {
        name: 'DeleteFile moves the file to the trash and frees its name',
        status: 200,
        act: async () => override(await addFile(), 'DELETE'),
      },
      {
        name: 'DeleteFile whose file is locked between its read and its write takes back the trash hint',
        status: 409,
        act: async () => {
          const file = await addFile();
          const trash = withReplaced(host.deps.trash, {
            add: async (ownerId, fileId, at) => {
              await host.deps.trash.add(ownerId, fileId, at);
              await lockAs(file, 'meanwhile');
            },
          });
          return withStores({ trash }, () => override(file, 'DELETE'));
        },
      },
      {
        name: 'PutUserInfo',
        status: 200,
        act: async () => override(await addFile(), 'PUT_USER_INFO', {}, 'info'),
      },
    ],
  ],
  [
    'PUT /api/2.0/files/file/{file_id}/lock',
    [
      {
        name: "DocSpace check-out by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('edit');
          return docSpaceLock(file.fileId, apiKey, true);
        },
      },
      {
        name: 'DocSpace undo of a check-out, addressed by document number',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return docSpaceLock(String(await numberOf(file)), apiKey, false);
        },
      },
      {
        name: 'the request loses a numbering race for a file made before numbers, and gives its claim back',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          return withStores(numberedMeanwhile(file), () => docSpaceLock(file.fileId, apiKey, true));
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return docSpaceLock(file.fileId, apiKey, true);
        },
      },
      {
        name: 'DocSpace check-out',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          return docSpaceLock(file.fileId, apiKey, true);
        },
      },
      {
        name: 'DocSpace undo of a check-out',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return docSpaceLock(file.fileId, apiKey, false);
        },
      },
      {
        name: 'DocSpace check-out of a file another user holds',
        // DocSpace's answer to a refused change.
        status: 403,
        act: async () => {
          const { file, apiKey } = await ownFile();
          const { user: editor } = await person();
          await shareWith(file, editor.userId, 'edit');
          await checkOutAs(file, editor);
          return docSpaceLock(file.fileId, apiKey, true);
        },
      },
      {
        name: 'DocSpace check-out of an item of the earlier layout',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          await toEarlierLayout(file);
          return docSpaceLock(file.fileId, apiKey, true);
        },
      },
      {
        name: 'DocSpace check-out without an API key',
        status: 401,
        act: async () => docSpaceLock((await addFile()).fileId, undefined, true),
      },
    ],
  ],
  [
    'GET /api/2.0/files/file/{file_id}/protectusers',
    [
      {
        name: "DocSpace listing by a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('view');
          return api('GET', `/api/2.0/files/file/${file.fileId}/protectusers`, apiKey);
        },
      },
      {
        name: 'DocSpace lists the users with access of a file addressed by its number',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          return api('GET', `/api/2.0/files/file/${await numberOf(file)}/protectusers`, apiKey);
        },
      },
      {
        name: 'DocSpace lists the users with access',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          await shareWith(file, (await person()).user.userId, 'view');
          return api('GET', `/api/2.0/files/file/${file.fileId}/protectusers`, apiKey);
        },
      },
      {
        name: 'DocSpace listing of a file the user was not given',
        status: 404,
        act: async () => {
          const { apiKey } = await person();
          return api('GET', `/api/2.0/files/file/${(await addFile()).fileId}/protectusers`, apiKey);
        },
      },
    ],
  ],
  [
    'GET /api/2.0/files/file/{file_id}',
    [
      {
        name: "DocSpace file info for a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('view');
          return api('GET', `/api/2.0/files/file/${file.fileId}`, apiKey);
        },
      },
      {
        name: 'the request loses a numbering race for a file made before numbers, and gives its claim back',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          return withStores(numberedMeanwhile(file), () => api('GET', `/api/2.0/files/file/${file.fileId}`, apiKey));
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return api('GET', `/api/2.0/files/file/${file.fileId}`, apiKey);
        },
      },
      {
        name: 'DocSpace reads a file by its document number',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          return api('GET', `/api/2.0/files/file/${await numberOf(file)}`, apiKey);
        },
      },
      {
        name: 'DocSpace reads a file made before numbers, which is numbered on first use',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          await toUnnumbered(file);
          return api('GET', `/api/2.0/files/file/${file.fileId}`, apiKey);
        },
      },
      {
        name: 'DocSpace read of a file the user was not given',
        status: 404,
        act: async () => {
          const { apiKey } = await person();
          return api('GET', `/api/2.0/files/file/${(await addFile()).fileId}`, apiKey);
        },
      },
    ],
  ],
  [
    'POST /api/v1/Document/{file_id}/Lock',
    [
      {
        name: "check-out by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('edit');
          return superOffice('POST', file.fileId, apiKey);
        },
      },
      {
        name: 'addressed by its document number',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return superOffice('POST', String(await numberOf(file)), apiKey);
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return superOffice('POST', file.fileId, apiKey);
        },
      },
      {
        name: 'SuperOffice check-out by document number',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          return superOffice('POST', String(await numberOf(file)), apiKey);
        },
      },
      {
        name: 'SuperOffice check-out of a file another user holds, answered as a Message result',
        status: 200,
        act: async () => {
          const { file, apiKey } = await checkedOutByAnother();
          return superOffice('POST', file.fileId, apiKey, '?allowedReturnTypes=Message');
        },
      },
      {
        name: 'SuperOffice check-out of an item of the earlier layout, made before numbers',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return superOffice('POST', file.fileId, apiKey);
        },
      },
    ],
  ],
  [
    'GET /api/v1/Document/{file_id}/Lock',
    [
      {
        name: "check-out state for a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('view');
          return superOffice('GET', file.fileId, apiKey);
        },
      },
      {
        name: 'the request loses numbering races for a file and a holder made before numbers',
        status: 200,
        act: async () => {
          const { file, apiKey, editor } = await checkedOutByAnother();
          await toUnnumbered(file);
          return withStores(numberedMeanwhile(file, editor), () => superOffice('GET', file.fileId, apiKey));
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, apiKey } = await checkedOutByAnother();
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return superOffice('GET', file.fileId, apiKey);
        },
      },
      {
        name: 'SuperOffice state of a check-out by another user made before associate numbers',
        status: 200,
        act: async () => {
          const { file, apiKey } = await checkedOutByAnother();
          return superOffice('GET', String(await numberOf(file)), apiKey);
        },
      },
    ],
  ],
  [
    'PUT /api/v1/Document/{file_id}/Lock',
    [
      {
        name: "check-in by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await inSharedFolder('edit');
          await checkOutAs(file, user);
          return superOffice('PUT', file.fileId, apiKey);
        },
      },
      {
        name: 'addressed by its document number',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return superOffice('PUT', String(await numberOf(file)), apiKey);
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return superOffice('PUT', file.fileId, apiKey);
        },
      },
      {
        name: 'SuperOffice check-in with a version description',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return superOffice('PUT', file.fileId, apiKey, '?versionDescription=Done');
        },
      },
    ],
  ],
  [
    'DELETE /api/v1/Document/{file_id}/Lock',
    [
      {
        name: "undo by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await inSharedFolder('edit');
          await checkOutAs(file, user);
          return superOffice('DELETE', file.fileId, apiKey);
        },
      },
      {
        name: 'addressed by its document number',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return superOffice('DELETE', String(await numberOf(file)), apiKey);
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return superOffice('DELETE', file.fileId, apiKey);
        },
      },
      {
        name: 'SuperOffice undo of a check-out on an item of the earlier layout',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          await toEarlierLayout(file);
          return superOffice('DELETE', file.fileId, apiKey);
        },
      },
    ],
  ],
  [
    'POST /api/v1/Agents/Document/CheckoutDocument',
    [
      {
        name: "check-out by an editor the file's folder was shared with",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('edit');
          return agent('CheckoutDocument', apiKey, { documentId: file.fileId });
        },
      },
      {
        name: 'addressed by its document number',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return agent('CheckoutDocument', apiKey, { documentId: await numberOf(file) });
        },
      },
      {
        name: 'a check-out of an item of the earlier layout is rewritten once',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return agent('CheckoutDocument', apiKey, { documentId: file.fileId });
        },
      },
      {
        name: 'SuperOffice agent check-out of a file made before numbers',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          const documentId = await numberOf(file);
          return agent('CheckoutDocument', apiKey, { documentId, allowedReturnTypes: ['Message'] });
        },
      },
    ],
  ],
  [
    'POST /api/v1/Agents/Document/GetCheckoutState',
    [
      {
        name: "check-out state for a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('view');
          return agent('GetCheckoutState', apiKey, { documentId: file.fileId });
        },
      },
      {
        name: 'the request loses numbering races for a file and a holder made before numbers',
        status: 200,
        act: async () => {
          const { file, apiKey, editor } = await checkedOutByAnother();
          await toUnnumbered(file);
          return withStores(numberedMeanwhile(file, editor), () =>
            agent('GetCheckoutState', apiKey, { documentId: file.fileId }),
          );
        },
      },
      {
        name: 'an item of the earlier layout, made before numbers, is rewritten once',
        status: 200,
        act: async () => {
          const { file, apiKey } = await checkedOutByAnother();
          await toUnnumbered(file);
          await toEarlierLayout(file);
          return agent('GetCheckoutState', apiKey, { documentId: file.fileId });
        },
      },
      {
        name: 'SuperOffice agent state of a check-out by another user made before associate numbers',
        status: 200,
        act: async () => {
          const { file, apiKey } = await checkedOutByAnother();
          return agent('GetCheckoutState', apiKey, { documentId: await numberOf(file) });
        },
      },
    ],
  ],
  [
    'POST /api/v1/Agents/Document/CheckinDocument',
    [
      ...onHeldCheckOut('CheckinDocument', 'check-in'),
      {
        name: 'SuperOffice agent check-in',
        status: 200,
        act: async () => {
          const { file, user, apiKey } = await ownFile();
          await checkOutAs(file, user);
          return agent('CheckinDocument', apiKey, { documentId: await numberOf(file), versionDescription: 'Done' });
        },
      },
    ],
  ],
  ['POST /api/v1/Agents/Document/UndoCheckoutDocument', [...onHeldCheckOut('UndoCheckoutDocument', 'undo')]],
  [
    'GET /wopi/files/{file_id}/ancestry',
    [
      {
        name: "EnumerateAncestors of a file in its owner's root makes the root on first need",
        status: 200,
        act: async () => host.wopi((await addFile()).fileId, { method: 'GET', path: '/ancestry' }),
      },
      {
        name: 'EnumerateAncestors of a file in a folder reads the folders up to the root',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return host.wopi((await fileIn(folder, owner)).fileId, { method: 'GET', path: '/ancestry' });
        },
      },
      {
        name: 'EnumerateAncestors of a file the user was not given',
        status: 404,
        act: async () => {
          const file = await addFile();
          const token = await host.token(file.fileId, 'read', { userId: 'x' });
          return host.wopi(file.fileId, { method: 'GET', path: '/ancestry', token });
        },
      },
    ],
  ],
  [
    'GET /wopi/files/{file_id}/ecosystem_pointer',
    [
      {
        name: 'GetEcosystem of a file in a folder reads the file and its folder',
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('view');
          return host.wopi(file.fileId, {
            method: 'GET',
            path: '/ecosystem_pointer',
            token: await memberToken(file, user),
          });
        },
      },
    ],
  ],
  [
    'GET /wopi/containers/{container_id}',
    [
      {
        name: 'CheckContainerInfo reads the folder and the ones above it',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerCall(host, folder.folderId, owner);
        },
      },
    ],
  ],
  [
    'POST /wopi/containers/{container_id}',
    [
      {
        name: 'CreateChildContainer claims the name and puts the folder',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerOverride(folder, owner, 'CREATE_CHILD_CONTAINER', { 'X-WOPI-RelativeTarget': 'Child' });
        },
      },
      {
        name: 'CreateChildContainer onto a taken name checks the claim and suggests a free one',
        status: 409,
        act: async () => {
          const { owner, root } = await ownFolder('Taken');
          return containerOverride(root, owner, 'CREATE_CHILD_CONTAINER', { 'X-WOPI-RelativeTarget': 'Taken' });
        },
      },
      {
        name: 'CreateChildFile makes a numbered, empty file',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerOverride(folder, owner, 'CREATE_CHILD_FILE', { 'X-WOPI-SuggestedTarget': 'new.docx' });
        },
      },
      {
        name: 'CreateChildFile overwrites an unlocked file by a save',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          await fileIn(folder, owner);
          return containerOverride(folder, owner, 'CREATE_CHILD_FILE', overwriting('target.docx'));
        },
      },
      {
        name: 'CreateChildFile onto a locked file keeps the bytes as its recovery copy, removing the one before',
        status: 409,
        act: async () => {
          const { owner, folder } = await ownFolder();
          const target = await fileIn(folder, owner);
          await lockAs(target, 'L1');
          await refusedSave(target);
          return containerOverride(folder, owner, 'CREATE_CHILD_FILE', overwriting('target.docx'));
        },
      },
      {
        name: 'CreateChildFile onto a file locked during the upload copies the upload to a recovery copy',
        status: 409,
        act: async () => {
          const { owner, folder } = await ownFolder();
          const target = await fileIn(folder, owner);
          const lock = () => lockAs(target, 'late');
          return withStores(uploadsAfter(`files/${target.fileId}/`, lock), () =>
            containerOverride(folder, owner, 'CREATE_CHILD_FILE', overwriting('target.docx')),
          );
        },
      },
      {
        name: 'RenameContainer moves the name claim',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerOverride(folder, owner, 'RENAME_CONTAINER', { 'X-WOPI-RequestedName': 'Renamed' });
        },
      },
      {
        name: 'GetShareUrl of a container reads the folder',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerOverride(folder, owner, 'GET_SHARE_URL', { 'X-WOPI-UrlType': 'ReadOnly' });
        },
      },
      {
        name: 'DeleteContainer of an empty folder asks for one child and frees the name',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerOverride(folder, owner, 'DELETE_CONTAINER');
        },
      },
      {
        name: 'DeleteContainer of a folder with a file in it reads that one child and refuses',
        status: 409,
        act: async () => {
          const { owner, folder } = await ownFolder();
          await fileIn(folder, owner);
          return containerOverride(folder, owner, 'DELETE_CONTAINER');
        },
      },
      {
        name: 'DeleteContainer of a folder with a folder in it reads that one child and refuses',
        status: 409,
        act: async () => {
          const { owner, folder } = await ownFolder();
          await createFolder({ ...setup, now: now(), userId: owner }, folder.folderId, { mode: 'exact', name: 'In' });
          return containerOverride(folder, owner, 'DELETE_CONTAINER');
        },
      },
    ],
  ],
  [
    'GET /wopi/containers/{container_id}/children',
    [
      {
        name: 'EnumerateChildren queries the claims and reads the files and folders they name',
        status: 200,
        act: async () => {
          const { owner, root } = await ownFolder();
          // ownFolder's folder and this file: both kinds of child are read.
          await fileIn(root, owner);
          return containerCall(host, root.folderId, owner, { path: '/children' });
        },
      },
    ],
  ],
  [
    'GET /wopi/containers/{container_id}/ancestry',
    [
      {
        name: 'EnumerateAncestors of a container reads the folders up to the root',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerCall(host, folder.folderId, owner, { path: '/ancestry' });
        },
      },
    ],
  ],
  [
    'GET /wopi/containers/{container_id}/ecosystem_pointer',
    [
      {
        name: 'GetEcosystem of a container reads the folder',
        status: 200,
        act: async () => {
          const { owner, folder } = await ownFolder();
          return containerCall(host, folder.folderId, owner, { path: '/ecosystem_pointer' });
        },
      },
    ],
  ],
  [
    'GET /wopi/ecosystem',
    [{ name: 'CheckEcosystem verifies the token', status: 200, act: async () => ecosystemCall(host, uniqueOwner()) }],
  ],
  [
    'POST /wopi/ecosystem',
    [
      {
        name: 'GetFileWopiSrc of a file in a shared folder reads the file and the folder',
        status: 200,
        act: async () => {
          const { file, user } = await inSharedFolder('view');
          const headers = { 'X-WOPI-HostNativeFileName': await wopiUrl(host, file.fileId) };
          return ecosystemCall(host, user.userId, { override: 'GET_WOPI_SRC', headers });
        },
      },
      {
        name: "GetRootContainer's shortcut makes the user's root on first need",
        status: 200,
        act: async () => ecosystemCall(host, uniqueOwner(), { override: 'GET_ROOT_CONTAINER' }),
      },
    ],
  ],
  [
    'GET /wopi/ecosystem/root_container_pointer',
    [
      {
        name: "GetRootContainer makes the user's root on first need",
        status: 200,
        act: async () => ecosystemCall(host, uniqueOwner(), { path: '/root_container_pointer' }),
      },
    ],
  ],
  [
    'GET /host/containers/{container_id}',
    [
      {
        name: 'The folder page for an API key lists the folder, a file and a folder in it',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          const deps = { ...setup, now: now(), userId: file.ownerId };
          const root = await rootFolder(deps, file.ownerId);
          await createFolder(deps, root.folderId, { mode: 'exact', name: 'Inside' });
          return api('GET', `/host/containers/${root.folderId}?mode=view`, apiKey);
        },
      },
    ],
  ],
  [
    'GET /host/files/{file_id}',
    [
      {
        name: "The host page for a member of the file's folder",
        status: 200,
        act: async () => {
          const { file, apiKey } = await inSharedFolder('edit');
          return api('GET', `/host/files/${file.fileId}`, apiKey);
        },
      },
      {
        name: 'The host page for an API key mints an access token',
        status: 200,
        act: async () => {
          const { file, apiKey } = await ownFile();
          return api('GET', `/host/files/${file.fileId}`, apiKey);
        },
      },
      {
        name: 'The host page for a short-lived link verifies the link',
        status: 200,
        act: async () => {
          const { file, user } = await ownFile();
          const grant = { fileId: file.fileId, userId: user.userId, rights: 'write' } as const;
          const { link } = await mintHostLink(setup.tokenSecret, grant, now());
          return api('GET', `/host/files/${file.fileId}?link=${encodeURIComponent(link)}`, undefined);
        },
      },
      {
        name: 'The host page of a file the user was not given',
        status: 404,
        act: async () => {
          const { apiKey } = await person();
          return api('GET', `/host/files/${(await addFile()).fileId}`, apiKey);
        },
      },
    ],
  ],
  ...filesApiScenarios({
    get host() {
      return host;
    },
    get oidc() {
      return oidc;
    },
    setup: () => setup,
    addFile,
    person,
    ownFile,
    inSharedFolder,
    shareWith,
    lockAs,
    checkOutAs,
    toEarlierLayout,
    touch,
    refusedSave,
    uploadsAfter,
    withStores,
  }),
]);

const sweepScenarios: Scenario[] = [
  {
    name: 'The sweep deletes an unreferenced upload and an expired recovery copy, and purges a file long in the trash',
    // The sweep answers no HTTP request: 200 stands for a run that finished.
    status: 200,
    act: async () => {
      const file = await addFile();
      await setup.contents.put(newContentKey(file.fileId), Buffer.from('an upload that was never committed'));
      await refusedSave(file);
      const trashed = await addFile();
      await trashFile({ ...setup, now: now(), userId: trashed.ownerId }, trashed.fileId);
      // Past the trash's and the recovery copies' keeping time (30 days each).
      const later = 31 * DAY;
      host.clock.advance(later);
      try {
        await sweepOrphans();
        return { status: 200 };
      } finally {
        host.clock.advance(-later);
      }
    },
  },
];

interface Run {
  readonly status?: number;
  readonly error?: unknown;
  readonly authorizations: readonly Authorization[];
}

interface Subject {
  readonly name: string;
  readonly grants: Grants;
  readonly scenarios: readonly Scenario[];
}

const subjects: Subject[] = [
  ...routes.map((route) => ({
    name: routeKey(route),
    grants: route.grants,
    scenarios: routeScenarios.get(routeKey(route)) ?? [],
  })),
  { name: 'the orphan sweep', grants: SWEEP_GRANTS, scenarios: sweepScenarios },
];

async function run(scenario: Scenario): Promise<Run> {
  recorder.take();
  try {
    const { status } = await scenario.act();
    return { status, authorizations: recorder.take() };
  } catch (error) {
    return { error, authorizations: recorder.take() };
  }
}

it.each(routes.map((route) => [routeKey(route)]))(
  '%s has scenarios here, so no row of lambda/routes.ts goes unchecked',
  (key) => {
    // Act
    const scenarios = routeScenarios.get(key) ?? [];
    // Assess
    expect(scenarios.length).toBeGreaterThan(0);
  },
);

describe.each(subjects)('$name', (subject) => {
  const runs = new Map<string, Run>();
  beforeAll(async () => {
    for (const scenario of subject.scenarios) runs.set(scenario.name, await run(scenario));
  });

  it.each(subject.scenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s: answers the status of that path',
    (name, scenario) => {
      // Act
      const { status, error } = runs.get(name) ?? {};
      // Assess
      expect({ status, error }).toEqual({ status: scenario.status, error: undefined });
    },
  );

  it.each(subject.scenarios.map((scenario) => [scenario.name] as const))(
    '%s: sends only requests its grants allow (anything else would be refused on AWS)',
    (name) => {
      // Act
      const refused = (runs.get(name)?.authorizations ?? []).filter(
        (authorization) => allowingGrant(subject.grants, authorization) === undefined,
      );
      // Assess
      expect(refused.map(describeAuthorization)).toEqual([]);
    },
  );

  it('uses every action and key prefix its grants declare (none is wider than the operations need)', () => {
    // Prepare
    const used = new Set(
      [...runs.values()].flatMap((run) =>
        run.authorizations.map((authorization) => allowingGrant(subject.grants, authorization)),
      ),
    );
    // Act
    const unused = declaredGrants(subject.grants).filter((grant) => !used.has(grant));
    // Assess
    expect(unused).toEqual([]);
  });
});
