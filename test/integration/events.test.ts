// Every sample event in events/ (the ones `sam local invoke -e` takes) is fed to the handler its route names,
// against the emulators, so the events can never rot. EventBridge "Scheduled Event"s have no route: each is fed
// to the scheduled handler its row in `scheduled` names.
//
// Placeholder convention: an event names the file SAMPLE_FILE_ID and carries SAMPLE_ACCESS_TOKEN; this test
// replaces them with a fresh file and a freshly minted write token. Any other token (lock-bad-token.json) is
// left as it is.
//
// A new event needs one row in `expectations` below: the status its handler must answer, and the state the
// file must be in first when the event only makes sense then (e.g. Unlock needs the file locked). A new
// scheduled event needs one row in `scheduled`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintFileUrlLink } from '../../lambda/auth/file-url-link';
import { mintUploadTicket } from '../../lambda/auth/upload-ticket';
import { checkOut } from '../../lambda/domain/check-out';
import { createFolder, rootFolder, shareFolder } from '../../lambda/domain/folders';
import { trashFile } from '../../lambda/domain/trash';
import { planUpload } from '../../lambda/domain/uploads';
import { issueApiKey } from '../../lambda/domain/users';
import {
  EVENTS_DIR,
  handlerFor,
  loadSampleEvent,
  readSampleEvent,
  routeOf,
  SAMPLE_ACCESS_TOKEN,
  SAMPLE_API_KEY,
  SAMPLE_CONTAINER_ID,
  SAMPLE_FILE_ID,
  SAMPLE_FILE_URL_LINK,
  SAMPLE_UPLOAD_TICKET,
  sampleEventNames,
} from '../support/api-gateway-events';
import { lock } from '../support/lock-calls';
import { addFolder, rootOf, scopedToken } from '../support/wopi-containers';
import { startTestHost, type TestHost } from '../support/wopi-host';

interface Given {
  readonly host: TestHost;
  readonly fileId: string;
  readonly event: APIGatewayProxyEventV2;
}

interface Expectation {
  readonly status: number;
  /**
   * What the event's access token is for: by default the file; a container event's is a fresh folder of the owner's
   * (its id in place of SAMPLE_CONTAINER_ID), an ecosystem event's the owner's ecosystem.
   */
  readonly scope?: 'container' | 'ecosystem';
  /** Puts the file in the state the event needs; when omitted the file is new and unlocked. */
  readonly given?: (given: Given) => Promise<void>;
}

/** The file is locked with the lock ID the event carries in `header`. */
function lockedWithEventHeader(header: string) {
  return async ({ host, fileId, event }: Given) => {
    const lockId = event.headers[header];
    if (lockId === undefined) throw new Error(`The event has no ${header} header to lock the file with`);
    const res = await lock(host, fileId, lockId);
    if (res.status !== 200) throw new Error(`Locking the file with the event's ${header} answered ${res.status}`);
  };
}

/** The file is locked with a lock ID no sample event uses. */
async function lockedWithAnotherLockId({ host, fileId }: Given) {
  await lock(host, fileId, 'a-lock-set-by-another-client');
}

/** The file is checked out by its owner, through the check-out API. */
async function checkedOutByOwner({ host, fileId }: Given) {
  await checkOut({ ...host.deps, now: host.clock.now() }, fileId, OWNER);
}

/** The file is in its owner's trash. */
async function inTheTrash({ host, fileId }: Given) {
  await trashFile({ ...host.deps, now: host.clock.now(), userId: OWNER.userId }, fileId);
}

/** The user the share events name exists. */
async function sharedWithExists({ host }: Given) {
  await host.deps.users.putUser({ userId: 'events-viewer', displayName: 'Events Viewer' });
}

/**
 * A folder of the owner's, which the folder share events name in place of their placeholder, and the user they
 * share it with.
 */
/** The owner has a folder of their own, empty, which the event names. */
async function ownFolder({ host, event }: Given) {
  const deps = { ...host.deps, now: host.clock.now(), userId: OWNER.userId };
  const root = await rootFolder(deps, OWNER.userId);
  const folder = await createFolder(deps, root.folderId, { mode: 'suggested', name: 'Plans' });
  event.pathParameters = { ...event.pathParameters, folder_id: folder.folderId };
}

async function ownFolderShared({ host, event }: Given) {
  await sharedWithExists({ host } as Given);
  const deps = { ...host.deps, now: host.clock.now(), userId: OWNER.userId };
  const root = await rootFolder(deps, OWNER.userId);
  const folder = await createFolder(deps, root.folderId, { mode: 'suggested', name: 'Shared' });
  await shareFolder(deps, folder.folderId, 'events-viewer', 'view');
  event.pathParameters = { ...event.pathParameters, folder_id: folder.folderId };
}

/**
 * An upload was planned and its bytes PUT: the commit event gets its ticket, and names its file, in place of the
 * placeholders (the file the test made is not the upload's).
 */
async function uploadedMeanwhile({ host, event }: Given) {
  const bytes = Buffer.from('uploaded bytes');
  const upload = await planUpload(
    host.deps,
    { name: 'Uploaded.pdf', ownerId: OWNER.userId, createdBy: OWNER.userId, size: bytes.length },
    host.clock.now(),
  );
  await host.deps.contents.put(upload.contentKey, bytes);
  const { ticket } = await mintUploadTicket(host.deps.tokenSecret, upload, host.clock.now());
  event.body = (event.body ?? '').replace(SAMPLE_UPLOAD_TICKET, ticket);
  event.pathParameters = { file_id: upload.fileId };
}

// One row per file in events/, keyed by file name.
const expectations: Readonly<Record<string, Expectation>> = {
  'lock.json': { status: 200 },
  'get-lock.json': { status: 200, given: lockedWithAnotherLockId },
  'refresh-lock.json': { status: 200, given: lockedWithEventHeader('x-wopi-lock') },
  'unlock.json': { status: 200, given: lockedWithEventHeader('x-wopi-lock') },
  'unlock-and-relock.json': { status: 200, given: lockedWithEventHeader('x-wopi-oldlock') },
  'lock-conflict.json': { status: 409, given: lockedWithAnotherLockId },
  'lock-missing-lock-id.json': { status: 400 },
  'lock-unknown-override.json': { status: 501 },
  'lock-bad-token.json': { status: 401 },
  'check-file-info.json': { status: 200 },
  'get-file.json': { status: 200 },
  'put-file.json': { status: 200, given: lockedWithEventHeader('x-wopi-lock') },
  'put-file-lock-mismatch.json': { status: 409, given: lockedWithAnotherLockId },
  'put-relative-file.json': { status: 200 },
  'rename-file.json': { status: 200 },
  'delete-file.json': { status: 200 },
  'put-user-info.json': { status: 200 },
  'add-activities.json': { status: 200 },
  'get-share-url.json': { status: 200 },
  'enumerate-file-ancestors.json': { status: 200 },
  'get-file-ecosystem.json': { status: 200 },
  'check-container-info.json': { status: 200, scope: 'container' },
  'create-child-container.json': { status: 200, scope: 'container' },
  'create-child-file.json': { status: 200, scope: 'container' },
  'delete-container.json': { status: 200, scope: 'container' },
  'rename-container.json': { status: 200, scope: 'container' },
  'enumerate-children.json': { status: 200, scope: 'container' },
  'enumerate-container-ancestors.json': { status: 200, scope: 'container' },
  'get-container-ecosystem.json': { status: 200, scope: 'container' },
  'check-ecosystem.json': { status: 200, scope: 'ecosystem' },
  'get-root-container.json': { status: 200, scope: 'ecosystem' },
  'get-file-wopi-src.json': { status: 200, scope: 'ecosystem' },
  'get-container-share-url.json': { status: 200, scope: 'container' },
  'host-container-page.json': { status: 200, scope: 'container' },
  'docspace-lock.json': { status: 200 },
  'docspace-file.json': { status: 200 },
  'docspace-protect-users.json': { status: 200 },
  'superoffice-checkout.json': { status: 200 },
  'superoffice-checkout-state.json': { status: 200 },
  'superoffice-checkin.json': { status: 200, given: checkedOutByOwner },
  'superoffice-undo-checkout.json': { status: 200, given: checkedOutByOwner },
  'superoffice-agent-checkout.json': { status: 200 },
  'superoffice-agent-checkout-state.json': { status: 200 },
  'superoffice-agent-checkin.json': { status: 200, given: checkedOutByOwner },
  'superoffice-agent-undo-checkout.json': { status: 200, given: checkedOutByOwner },
  // This test's host has no WOPI_DISCOVERY_URL, so the page answers its documented 501.
  'host-page.json': { status: 501 },
  'api-me.json': { status: 200 },
  'api-list-files.json': { status: 200 },
  'api-create-file.json': { status: 201 },
  'api-commit-upload.json': { status: 201, given: uploadedMeanwhile },
  'api-get-file.json': { status: 200 },
  'api-rename-file.json': { status: 200 },
  'api-delete-file.json': { status: 200 },
  'api-download.json': { status: 200 },
  'api-versions.json': { status: 200 },
  'api-restore-version.json': { status: 200 },
  'api-list-trash.json': { status: 200 },
  'api-restore-from-trash.json': { status: 200, given: inTheTrash },
  'api-share.json': { status: 200, given: sharedWithExists },
  'api-folder.json': { status: 200 },
  'api-create-folder.json': { status: 201 },
  'api-update-folder.json': { status: 200, given: ownFolder },
  'api-delete-folder.json': { status: 200, given: ownFolder },
  'api-share-folder.json': { status: 200, given: ownFolderShared },
  'api-unshare-folder.json': { status: 200, given: ownFolderShared },
  'api-unshare.json': { status: 200, given: sharedWithExists },
  'api-check-out.json': { status: 200 },
  'api-undo-check-out.json': { status: 200, given: checkedOutByOwner },
  // As the host page: no WOPI client is configured here.
  'api-open.json': { status: 501 },
  'api-openapi.json': { status: 200 },
  'web-page.json': { status: 200 },
  'file-url.json': { status: 200 },
};

// One row per scheduled event in events/: the module whose handler EventBridge's schedule invokes.
const scheduled: Readonly<Record<string, () => Promise<{ handler: (event: ScheduledEvent) => Promise<unknown> }>>> = {
  'sweep-orphans.json': () => import('../../lambda/functions/sweep-orphans'),
};

// API Gateway passes a body as text when its Content-Type is text and base64-encodes any other body.
const textContentType = /^(text\/|application\/(json|xml|javascript)\b)/i;

function sentAsBase64(event: APIGatewayProxyEventV2): boolean {
  return event.body !== undefined && !textContentType.test(event.headers['content-type'] ?? '');
}

// The files' owner, whose API key replaces the check-out events' placeholder.
const OWNER = { userId: 'events-owner', displayName: 'Events Owner' };
let host: TestHost;
let apiKey: string;
beforeAll(async () => {
  host = await startTestHost();
  await host.deps.users.putUser(OWNER);
  apiKey = await issueApiKey(host.deps.users, OWNER.userId, host.clock.now());
});
afterAll(() => host.close());

const names = sampleEventNames();
// Anyone may fetch these; every other route of the files API takes a key.
const PUBLIC_ROUTES = new Set(['web-page', 'api-openapi']);

function isScheduledEvent(name: string): boolean {
  return JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8'))['detail-type'] === 'Scheduled Event';
}
const apiNames = names.filter((name) => !isScheduledEvent(name));
const scheduledNames = names.filter(isScheduledEvent);

describe('events/', () => {
  it('has an expected status in this test for every sample event', () => {
    // Prepare
    const known = new Set([...Object.keys(expectations), ...Object.keys(scheduled)]);
    // Act
    const missing = names.filter((name) => !known.has(name));
    // Assess
    expect(missing, 'add a row for each of these to `expectations` in test/integration/events.test.ts').toEqual([]);
  });

  it('has a sample event for every expectation in this test', () => {
    // Prepare
    const present = new Set(names);
    // Act
    const stale = [...Object.keys(expectations), ...Object.keys(scheduled)].filter((name) => !present.has(name));
    // Assess
    expect(stale, 'these rows of `expectations` name no file in events/').toEqual([]);
  });
});

describe.each(apiNames)('events/%s', (name) => {
  it('is an API Gateway HTTP API payload 2.0 event for a route of lambda/routes.ts', () => {
    // Prepare
    const event = readSampleEvent(name);
    // Act
    const route = routeOf(event);
    // Assess
    expect({
      version: event.version,
      hasRoute: route !== undefined,
      contextRouteKey: event.requestContext.routeKey,
      method: event.requestContext.http.method,
      isBase64Encoded: event.isBase64Encoded,
    }).toEqual({
      version: '2.0',
      hasRoute: true,
      contextRouteKey: event.routeKey,
      method: route?.method,
      isBase64Encoded: sentAsBase64(event),
    });
  });

  it('has lower-cased header names, as API Gateway sends them', () => {
    // Prepare
    const event = readSampleEvent(name);
    // Act
    const notLowerCase = Object.keys(event.headers).filter((header) => header !== header.toLowerCase());
    // Assess
    expect(notLowerCase).toEqual([]);
  });

  it('names the placeholder file or container id in pathParameters, rawPath and requestContext.http.path, the DocumentId of the body of a route without one (SuperOffice Agents), or no item (the ecosystem)', () => {
    // Prepare
    const event = readSampleEvent(name);
    const path = routeOf(event)?.path ?? '';
    const [parameter, placeholder] = path.includes('{container_id}')
      ? ['container_id', SAMPLE_CONTAINER_ID]
      : ['file_id', SAMPLE_FILE_ID];
    // Act
    const paths = [event.rawPath, event.requestContext.http.path];
    // Assess
    if (path.startsWith('/wopi/ecosystem')) {
      expect({ parameters: event.pathParameters, paths }).toEqual({ parameters: undefined, paths: [path, path] });
    } else if (path.includes(`{${parameter}}`)) {
      expect({ id: event.pathParameters?.[parameter], paths }).toEqual({
        id: placeholder,
        paths: paths.map(() => expect.stringContaining(`/${placeholder}`)),
      });
    } else if (path.startsWith('/api/v1/Agents/')) {
      expect(JSON.parse(event.body ?? '{}')).toMatchObject({ documentId: SAMPLE_FILE_ID });
    } else {
      expect(event.pathParameters?.file_id).toBeUndefined();
    }
  });

  it('carries its credential: the same access_token in rawQueryString and queryStringParameters (WOPI), the FileUrl link placeholder (downloads), the API key placeholder (check-out APIs, files API), or none (the page and the OpenAPI document)', () => {
    // Prepare
    const event = readSampleEvent(name);
    // Act
    const raw = new URLSearchParams(event.rawQueryString);
    // Assess
    if (event.rawPath.startsWith('/wopi/'))
      expect(raw.get('access_token')).toBe(event.queryStringParameters?.access_token);
    else if (event.rawPath.startsWith('/download/'))
      expect([raw.get('link'), event.queryStringParameters?.link]).toEqual([
        SAMPLE_FILE_URL_LINK,
        SAMPLE_FILE_URL_LINK,
      ]);
    else if (PUBLIC_ROUTES.has(routeOf(event)?.entry ?? '')) expect(event.headers.authorization).toBeUndefined();
    else expect(event.headers.authorization).toBe(`Bearer ${SAMPLE_API_KEY}`);
  });

  it('answers its expected status when fed to its handler against the emulators', async () => {
    // Prepare
    const expectation = expectations[name];
    if (expectation === undefined) {
      throw new Error(`events/${name} has no row in \`expectations\` in test/integration/events.test.ts`);
    }
    const { fileId } = await host.addFile(undefined, undefined, OWNER.userId);
    const fileUrlLink = await mintFileUrlLink(
      host.deps.tokenSecret,
      { fileId, userId: OWNER.userId },
      300,
      host.clock.now(),
    );
    const root = await rootOf(host, OWNER.userId);
    const containerId = (await addFolder(host, root.folderId, `Events ${randomUUID()}`, OWNER.userId)).folderId;
    const accessToken =
      expectation.scope === undefined
        ? await host.token(fileId)
        : await scopedToken(
            host,
            expectation.scope === 'container' ? { kind: 'container', id: containerId } : { kind: 'ecosystem' },
            OWNER.userId,
          );
    const event = loadSampleEvent(name, { fileId, accessToken, apiKey, fileUrlLink, containerId });
    await expectation.given?.({ host, fileId, event });
    const handler = await handlerFor(event);
    // Act
    const result = await handler(event, {});
    // Assess
    expect(result.statusCode).toBe(expectation.status);
  });
});

describe.each(scheduledNames)('events/%s', (name) => {
  it('answers { examined, deleted } counts when fed to its scheduled handler against the emulators', async () => {
    // Prepare
    const load = scheduled[name];
    if (load === undefined) {
      throw new Error(`events/${name} has no row in \`scheduled\` in test/integration/events.test.ts`);
    }
    await host.addFile('something to examine');
    const event = JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8')) as ScheduledEvent;
    const { handler } = await load();
    // Act
    const result = await handler(event);
    // Assess
    expect(result).toEqual({ examined: expect.any(Number), deleted: expect.any(Number) });
  });
});

describe('the placeholder convention', () => {
  it(`replaces ${SAMPLE_FILE_ID} and ${SAMPLE_ACCESS_TOKEN} everywhere in an event`, () => {
    // Prepare
    const values = { fileId: 'RealFileId', accessToken: 'real.token.value' };
    // Act
    const text = JSON.stringify(loadSampleEvent('lock.json', values));
    // Assess
    expect({
      placeholdersLeft: text.includes(SAMPLE_FILE_ID) || text.includes(SAMPLE_ACCESS_TOKEN),
      fileIdUsed: text.includes(values.fileId),
      tokenUsed: text.includes(values.accessToken),
    }).toEqual({ placeholdersLeft: false, fileIdUsed: true, tokenUsed: true });
  });
});
