// Bad input: a generated corpus of malformed and hostile requests, sent byte for byte over raw sockets to the
// local HTTP server (real handlers, dynalite, s3rver). Every one must get a 4xx, or the code the spec names
// for it (409 lock mismatch, 412, 413, 501 unknown override), with a reason (X-WOPI-ServerError, or a JSON
// message from the route table), never a 5xx; and afterwards the files the corpus hit hold exactly what they
// held before. Requests that may legitimately succeed (a 1024-character lock ID, a suggested name the host
// cleans up) go to a file of their own, so that the "nothing changed" check stays exact.
// Refused saves leave recovery copies (by design, seed 002 tests); they are not part of the files' records.
import { isDeepStrictEqual } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../../lambda/auth/access-token';
import type { FileRecord } from '../../lambda/domain/file-record';
import { LAMBDA_PAYLOAD_LIMIT_BYTES, MAX_BODY_BYTES } from '../../lambda/http/limits';
import { type RawRequest, type RawResponse, sendRaw } from '../support/raw-http';
import { startTestHost, type TestHost } from '../support/wopi-host';
import { type FileModel, newFileModel, step, type WopiOp } from '../support/wopi-model';

interface Case {
  readonly name: string;
  readonly request: RawRequest;
  /** The statuses the spec allows for this request. */
  readonly allowed: readonly number[];
  /** Refused by the HTTP parser before any handler runs: its reason is the status line's reason phrase. */
  readonly malformedHttp?: boolean;
  /** A lock mismatch: a 409 must carry X-WOPI-Lock. */
  readonly lockConflict?: boolean;
}

/** Lines of one request header: [] sends none, two or more send the header repeated. */
type HeaderLines = readonly string[];
type Headers = [string, string][];

const HELD_LOCK = 'held-lock';
const CORPUS_OWNER = 'owner-corpus';
const KNOWN = {
  locked: 'known content of the locked file',
  unlocked: 'known content of the unlocked file',
};

const latin1OfUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// X-WOPI-Lock / X-WOPI-OldLock values: missing, empty, at and past "1024 ASCII characters", oversized,
// non-ASCII (latin1 byte, UTF-8 bytes), a tab, repeated headers, and well-formed IDs that are not the lock.
const LOCK_ID_VARIANTS: readonly (readonly [string, HeaderLines])[] = [
  ['missing', []],
  ['empty', ['']],
  ['of 1024 characters', ['L'.repeat(1024)]],
  ['of 1025 characters', ['L'.repeat(1025)]],
  ['of 9 KB', ['K'.repeat(9 * 1024)]],
  ['with a latin1 byte (é)', ['caf\u00e9']],
  ['with UTF-8 bytes (ü✓)', [latin1OfUtf8('lock-ü✓')]],
  ['with a tab inside', ['held\tlock']],
  ['repeated with the held lock twice', [HELD_LOCK, HELD_LOCK]],
  ['repeated with two values', [HELD_LOCK, 'other']],
  ['in upper case', [HELD_LOCK.toUpperCase()]],
  ['as JSON', [`{"id":"${HELD_LOCK}"}`]],
  ['of two 600-character repeats', ['a'.repeat(600), 'b'.repeat(600)]],
  ['looking like an escape', ['\\u0000']],
];

/** A header as the handler sees it: Node joins repeated lines with ", " and trims the ends. */
function seen(lines: HeaderLines): string | undefined {
  return lines.length === 0 ? undefined : lines.join(', ').trim();
}

/** "The maximum length of a lock ID is 1024 ASCII characters"; missing or empty is a 400 (seed 001). */
function usableLockId(value: string | undefined): value is string {
  return value !== undefined && value.length >= 1 && value.length <= 1024 && /^[\x20-\x7e]+$/.test(value);
}

function headerLines(name: string, lines: HeaderLines): Headers {
  return lines.map((line) => [name, line]);
}

let host: TestHost;
let locked: FileRecord;
let unlocked: FileRecord;
let edge: FileRecord;
let lockedModel: FileModel;
let unlockedModel: FileModel;
const writeToken: Record<string, string> = {};

function wopiPath(fileId: string, token: string | undefined, suffix = ''): string {
  return `/wopi/files/${fileId}${suffix}${token === undefined ? '' : `?access_token=${encodeURIComponent(token)}`}`;
}

/** POST /wopi/files/{id} with X-WOPI-Override and more headers, with the file's write token. */
function override(fileId: string, value: HeaderLines, headers: Headers = [], body?: Uint8Array): RawRequest {
  return {
    method: 'POST',
    path: wopiPath(fileId, writeToken[fileId]),
    headers: [...headerLines('X-WOPI-Override', value), ...headers],
    ...(body !== undefined && { body }),
  };
}

/** POST /wopi/files/{id}/contents (PutFile) with the file's write token. */
function putFile(
  fileId: string,
  headers: Headers,
  body: Uint8Array = Buffer.from('hostile bytes'),
  contentType = 'application/octet-stream',
): RawRequest {
  return {
    method: 'POST',
    path: wopiPath(fileId, writeToken[fileId], '/contents'),
    headers: [['X-WOPI-Override', 'PUT'], ['Content-Type', contentType], ...headers],
    body,
  };
}

function reasonOf(c: Case, res: RawResponse): string | undefined {
  const header = res.headers['x-wopi-servererror'];
  if (typeof header === 'string' && header !== '') return header;
  try {
    const message = (JSON.parse(res.body.toString('utf8')) as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  } catch {
    // not JSON: no reason in the body
  }
  return c.malformedHttp && res.statusText !== '' ? res.statusText : undefined;
}

/** What is wrong with the answer to `c`, or undefined. */
function judge(c: Case, res: RawResponse): string | undefined {
  const reason = reasonOf(c, res);
  if (!c.allowed.includes(res.status)) {
    return `answered ${res.status} (${reason ?? 'no reason'}), the spec allows ${c.allowed.join(' or ')}`;
  }
  if (res.status >= 400 && reason === undefined) return `answered ${res.status} without a reason`;
  if (c.lockConflict && res.status === 409 && typeof res.headers['x-wopi-lock'] !== 'string') {
    return 'answered 409 without X-WOPI-Lock';
  }
  return undefined;
}

/**
 * Sends the cases one by one; returns one line per case the host answered wrongly, and one if the corpus files no
 * longer hold what they held before any test ran (so each test checks its own cases, whatever ran before it).
 */
async function misanswered(cases: readonly Case[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    const problem = judge(c, await sendRaw(host.baseUrl, c.request));
    if (problem !== undefined) problems.push(`${c.name}: ${problem}`);
  }
  const after = await snapshot();
  if (!isDeepStrictEqual(after, before)) {
    problems.push(`the corpus files changed: ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
  }
  return problems;
}

/**
 * The lock family on one file: the expected answer follows from the seeds' rules for lock IDs and the
 * reference model; a request the model says would succeed (it changes the file) is left out.
 */
function lockFamilyCases(file: FileRecord, model: FileModel, label: string): Case[] {
  const cases: Case[] = [];
  const now = host.clock.now();
  const add = (name: string, request: RawRequest, op: WopiOp | 'bad request') => {
    if (op === 'bad request') {
      cases.push({ name: `${label}: ${name}`, request, allowed: [400] });
      return;
    }
    const { status } = step(model, op, now).outcome;
    if (status !== 200) cases.push({ name: `${label}: ${name}`, request, allowed: [status], lockConflict: true });
  };
  for (const [variant, lines] of LOCK_ID_VARIANTS) {
    const lockId = seen(lines);
    const usable = usableLockId(lockId);
    const lockHeader = headerLines('X-WOPI-Lock', lines);
    add(
      `Lock with an X-WOPI-Lock ${variant}`,
      override(file.fileId, ['LOCK'], lockHeader),
      usable ? { kind: 'Lock', lockId } : 'bad request',
    );
    add(
      `RefreshLock with an X-WOPI-Lock ${variant}`,
      override(file.fileId, ['REFRESH_LOCK'], lockHeader),
      usable ? { kind: 'RefreshLock', lockId } : 'bad request',
    );
    add(
      `Unlock with an X-WOPI-Lock ${variant}`,
      override(file.fileId, ['UNLOCK'], lockHeader),
      usable ? { kind: 'Unlock', lockId } : 'bad request',
    );
    add(
      `UnlockAndRelock with a new X-WOPI-Lock ${variant}`,
      override(file.fileId, ['LOCK'], [...lockHeader, ['X-WOPI-OldLock', 'not-the-lock']]),
      usable ? { kind: 'UnlockAndRelock', oldLockId: 'not-the-lock', lockId } : 'bad request',
    );
    // Without X-WOPI-OldLock the request is a Lock ("the request is identical to a Lock request").
    const relockFrom = (): WopiOp | 'bad request' => {
      if (lockId === undefined) return { kind: 'Lock', lockId: 'new-lock' };
      return usable ? { kind: 'UnlockAndRelock', oldLockId: lockId, lockId: 'new-lock' } : 'bad request';
    };
    add(
      `UnlockAndRelock with an X-WOPI-OldLock ${variant}`,
      override(file.fileId, ['LOCK'], [['X-WOPI-Lock', 'new-lock'], ...headerLines('X-WOPI-OldLock', lines)]),
      relockFrom(),
    );
    // PutFile takes any X-WOPI-Lock: one that is not the lock is a lock mismatch (seed 002), never a 400.
    add(`PutFile with an X-WOPI-Lock ${variant}`, putFile(file.fileId, lockHeader), {
      kind: 'PutFile',
      lockId: lockId === '' ? undefined : lockId,
      body: Buffer.from('hostile bytes').toString('hex'),
    });
  }
  return cases;
}

function overrideCases(): Case[] {
  const id = locked.fileId;
  const notTheLock: Headers = [['X-WOPI-Lock', 'not-the-lock']];
  const unknown = [
    'LOCKX',
    'GET_LOCKS',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'PUT', // PutFile's override belongs on /contents
    'COBALT',
    'GET_SHARE_URL',
    'CHECKOUT',
    'READ_SECURE_STORE',
    'O'.repeat(9 * 1024),
    'LOCK\u00e9',
    latin1OfUtf8('LOCK\u0130'),
    'L\tOCK',
  ];
  const cases: Case[] = unknown.map((value) => ({
    name: `X-WOPI-Override "${value.slice(0, 40)}" is unknown: 501`,
    request: override(id, [value], notTheLock),
    allowed: [501],
  }));
  const known: [string, HeaderLines, Headers, number][] = [
    ['missing', [], notTheLock, 400],
    ['empty', [''], notTheLock, 400],
    ['repeated LOCK, UNLOCK', ['LOCK', 'UNLOCK'], notTheLock, 501],
    ['repeated LOCK, LOCK', ['LOCK', 'LOCK'], notTheLock, 501],
    ['lower-case lock (a Lock that mismatches)', ['lock'], notTheLock, 409],
    ['mixed-case Unlock', ['Unlock'], notTheLock, 409],
    ['lower-case refresh_lock', ['refresh_lock'], notTheLock, 409],
    ['lower-case get_lock (a read)', ['get_lock'], [], 200],
    ['lower-case delete on a locked file', ['delete'], notTheLock, 409],
    ['DELETE on a locked file', ['DELETE'], [], 409],
    ['RENAME_FILE without X-WOPI-RequestedName', ['RENAME_FILE'], [['X-WOPI-Lock', HELD_LOCK]], 400],
    ['PUT_RELATIVE without a target', ['PUT_RELATIVE'], [], 400],
  ];
  for (const [name, value, headers, status] of known) {
    cases.push({ name: `X-WOPI-Override ${name}`, request: override(id, value, headers), allowed: [status] });
  }
  const onContents: [string, HeaderLines, number][] = [
    ['LOCK', ['LOCK'], 400],
    ['PUT_RELATIVE', ['PUT_RELATIVE'], 400],
    ['empty', [''], 400],
    ['lower-case put with the wrong lock', ['put'], 409],
    ['missing, with the wrong lock', [], 409],
  ];
  for (const [name, value, status] of onContents) {
    cases.push({
      name: `X-WOPI-Override ${name} on /contents`,
      request: {
        method: 'POST',
        path: wopiPath(id, writeToken[id], '/contents'),
        headers: [...headerLines('X-WOPI-Override', value), ['X-WOPI-Lock', 'not-the-lock']],
        body: Buffer.from('hostile bytes'),
      },
      allowed: [status],
    });
  }
  return cases;
}

/** Methods and paths outside the route table get API Gateway's own 404. */
function methodCases(): Case[] {
  const id = locked.fileId;
  const token = writeToken[id];
  const wopiRoutes = [wopiPath(id, token), wopiPath(id, token, '/contents')];
  const noRoutes = [
    wopiPath('', token),
    `/wopi/files${token === undefined ? '' : `?access_token=${token}`}`,
    wopiPath(id, token, '/contents/extra'),
    wopiPath(id, token, '/'),
    `/WOPI/FILES/${id}?access_token=${token}`,
    `/wopi/files/${id}/CONTENTS?access_token=${token}`,
  ];
  const cases: Case[] = [];
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
    for (const path of [...wopiRoutes, ...noRoutes]) {
      cases.push({ name: `${method} ${path.split('?')[0]}`, request: { method, path }, allowed: [404] });
    }
  }
  for (const method of ['GET', 'POST']) {
    for (const path of noRoutes) {
      cases.push({ name: `${method} ${path.split('?')[0]}`, request: { method, path }, allowed: [404] });
    }
  }
  return cases;
}

/** File ids with path tricks, unicode and odd lengths, on all four routes, with the locked file's token. */
function fileIdCases(): Case[] {
  const id = locked.fileId;
  const token = writeToken[id];
  const ids: [string, string][] = [
    ['dot-dot', '..'],
    ['dot-dot then the id', `../${id}`],
    ['encoded dot-dot', '%2e%2e'],
    ['encoded dot-dot-slash then the id', `%2e%2e%2f${id}`],
    ['the id then an encoded slash and dot-dot', `${id}%2F..`],
    ['an encoded path to /etc/passwd', '..%2F..%2F..%2Fetc%2Fpasswd'],
    ['an encoded slash', '%2F'],
    ['an encoded backslash', `..%5C${id}`],
    ['129 characters', 'a'.repeat(129)],
    ['5000 characters', 'a'.repeat(5000)],
    ['percent-encoded unicode', '%C3%BCn%C3%AFc%C3%B8d%C3%A9'],
    ['percent-encoded emoji', '%F0%9F%92%A9'],
    ['an encoded NUL after the id', `${id}%00`],
    ['a lone percent sign', '%'],
    ['a broken escape', '%zz'],
    ['a single dot', '.'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['the id in upper case', id.toUpperCase()],
    ['the id with an encoded space', `${id}%20`],
    ['the id with a path parameter', `${id};x=1`],
    ['a well-formed id of no file', 'A'.repeat(22)],
    ['empty', ''],
    ['a double slash', `/${id}`],
  ];
  const routes: [string, (fileId: string) => RawRequest][] = [
    ['CheckFileInfo', (fileId) => ({ method: 'GET', path: wopiPath(fileId, token) })],
    ['GetFile', (fileId) => ({ method: 'GET', path: wopiPath(fileId, token, '/contents') })],
    [
      'GetLock',
      (fileId) => ({ method: 'POST', path: wopiPath(fileId, token), headers: [['X-WOPI-Override', 'GET_LOCK']] }),
    ],
    [
      'PutFile',
      (fileId) => ({
        method: 'POST',
        path: wopiPath(fileId, token, '/contents'),
        headers: [['X-WOPI-Override', 'PUT']],
        body: Buffer.from('x'),
      }),
    ],
  ];
  const cases: Case[] = [];
  for (const [name, fileId] of ids) {
    for (const [operation, request] of routes) {
      // 404: not an id this host issues or no route; 401: a well-formed id the token is not for; 501: the URL
      // parser resolves "/wopi/files/./contents" to "/wopi/files/contents", a file id "contents" on the
      // override route, where PUT is not an override.
      const allowed = operation === 'PutFile' ? [401, 404, 501] : [401, 404];
      cases.push({ name: `${operation} with a file id that is ${name}`, request: request(fileId), allowed });
    }
  }
  // Bytes the HTTP parser refuses in a request line.
  for (const [name, fileId] of [
    ['raw UTF-8 bytes', latin1OfUtf8('ünïcødé')],
    ['a raw space', 'a b'],
  ] as const) {
    cases.push({
      name: `CheckFileInfo with a file id of ${name}`,
      request: { method: 'GET', path: wopiPath(fileId, token) },
      allowed: [400, 404],
      malformedHttp: true,
    });
  }
  return cases;
}

async function tokenCases(): Promise<Case[]> {
  const id = locked.fileId;
  const secret = host.deps.tokenSecret;
  const ttl = host.deps.config.tokenTtlSeconds;
  const now = host.clock.now();
  const good = writeToken[id] as string;
  const [header = '', payload = '', signature = ''] = good.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const readToken = await host.token(id, 'read');
  const [readHeader = '', readPayload = '', readSignature = ''] = readToken.split('.');
  const readClaims = JSON.parse(Buffer.from(readPayload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const signed = (body: Record<string, unknown>, alg = 'HS256', key: Uint8Array = secret) =>
    new SignJWT(body).setProtectedHeader({ alg }).sign(key);
  const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
  const grant = { fileId: id, userId: 'user-1', userName: 'User One', rights: 'write' as const };
  const anotherSecret = new TextEncoder().encode('another-secret-that-is-long-enough-for-hs256!');
  const { iss, aud, exp, iat, sub } = claims;
  const variants: [string, string | undefined][] = [
    ['absent', undefined],
    ['empty', ''],
    ['not a JWT', 'hello'],
    ['three empty parts', '..'],
    ['a.b.c', 'a.b.c'],
    ['with its signature changed', `${header}.${payload}.${flipped}`],
    ['without its signature', `${header}.${payload}.`],
    ['re-encoded for another file', `${header}.${b64url({ ...claims, fid: edge.fileId })}.${signature}`],
    [
      'a read token re-encoded with write rights',
      `${readHeader}.${b64url({ ...readClaims, rights: 'write' })}.${readSignature}`,
    ],
    ['with alg "none"', `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['with alg "none" and the old signature', `${b64url({ alg: 'none' })}.${payload}.${signature}`],
    ['signed HS512 with the same secret', await signed(claims, 'HS512')],
    ['signed with another secret', (await mintAccessToken(anotherSecret, grant, ttl, now)).token],
    ['for another file', writeToken[edge.fileId]],
    [
      'for another user and another file',
      (await mintAccessToken(secret, { ...grant, fileId: edge.fileId, userId: 'intruder' }, ttl, now)).token,
    ],
    ['expired an hour ago', (await mintAccessToken(secret, grant, 3600, now - 2 * 3600 * 1000)).token],
    [
      'not valid before an hour from now',
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setNotBefore(Math.floor(now / 1000) + 3600)
        .sign(secret),
    ],
    ['without the fid claim', await signed({ iss, aud, exp, iat, sub, rights: 'write' })],
    ['with rights "admin"', await signed({ ...claims, rights: 'admin' })],
    ['without a subject', await signed({ iss, aud, exp, iat, fid: id, rights: 'write' })],
    ['from another issuer', await signed({ ...claims, iss: 'evil' })],
    ['for another audience', await signed({ ...claims, aud: 'evil' })],
    ['with a numeric fid', await signed({ ...claims, fid: 42 })],
    ['8 KB of garbage', 'g'.repeat(8 * 1024)],
  ];
  const operations: [string, (token: string | undefined) => RawRequest][] = [
    ['CheckFileInfo', (token) => ({ method: 'GET', path: wopiPath(id, token) })],
    ['GetFile', (token) => ({ method: 'GET', path: wopiPath(id, token, '/contents') })],
    ['GetLock', (token) => ({ method: 'POST', path: wopiPath(id, token), headers: [['X-WOPI-Override', 'GET_LOCK']] })],
    [
      'Unlock with the right lock',
      (token) => ({
        method: 'POST',
        path: wopiPath(id, token),
        headers: [
          ['X-WOPI-Override', 'UNLOCK'],
          ['X-WOPI-Lock', HELD_LOCK],
        ],
      }),
    ],
    [
      'PutFile with the right lock',
      (token) => ({
        method: 'POST',
        path: wopiPath(id, token, '/contents'),
        headers: [
          ['X-WOPI-Override', 'PUT'],
          ['X-WOPI-Lock', HELD_LOCK],
        ],
        body: Buffer.from('hostile bytes'),
      }),
    ],
  ];
  const cases: Case[] = [];
  for (const [variant, token] of variants) {
    for (const [operation, request] of operations) {
      cases.push({ name: `${operation} with a token ${variant}`, request: request(token), allowed: [401] });
    }
  }
  for (const [operation, request] of operations) {
    const sneaky = request(undefined);
    cases.push({
      name: `${operation} with the token twice in the query`,
      request: { ...sneaky, path: `${sneaky.path}?access_token=${good}&access_token=${good}` },
      allowed: [401],
    });
    cases.push({
      name: `${operation} with the token in an Authorization header only`,
      request: { ...sneaky, headers: [...(sneaky.headers ?? []), ['Authorization', `Bearer ${good}`]] },
      allowed: [401],
    });
  }
  // A view-only token may read, but never change a lock or the content: 404 "user unauthorized".
  const writes: [string, Headers, string][] = [
    [
      'Unlock with the right lock',
      [
        ['X-WOPI-Override', 'UNLOCK'],
        ['X-WOPI-Lock', HELD_LOCK],
      ],
      '',
    ],
    [
      'RefreshLock with the right lock',
      [
        ['X-WOPI-Override', 'REFRESH_LOCK'],
        ['X-WOPI-Lock', HELD_LOCK],
      ],
      '',
    ],
    [
      'UnlockAndRelock from the right lock',
      [
        ['X-WOPI-Override', 'LOCK'],
        ['X-WOPI-Lock', 'mine'],
        ['X-WOPI-OldLock', HELD_LOCK],
      ],
      '',
    ],
    [
      'Lock with the right lock',
      [
        ['X-WOPI-Override', 'LOCK'],
        ['X-WOPI-Lock', HELD_LOCK],
      ],
      '',
    ],
    [
      'PutFile with the right lock',
      [
        ['X-WOPI-Override', 'PUT'],
        ['X-WOPI-Lock', HELD_LOCK],
      ],
      '/contents',
    ],
    [
      'RenameFile with the right lock',
      [
        ['X-WOPI-Override', 'RENAME_FILE'],
        ['X-WOPI-Lock', HELD_LOCK],
        ['X-WOPI-RequestedName', 'stolen'],
      ],
      '',
    ],
    ['DeleteFile', [['X-WOPI-Override', 'DELETE']], ''],
  ];
  for (const [operation, headers, suffix] of writes) {
    cases.push({
      name: `${operation} with a view-only token`,
      request: { method: 'POST', path: wopiPath(id, readToken, suffix), headers, body: Buffer.from('hostile bytes') },
      allowed: [404],
    });
  }
  return cases;
}

/** Bodies too large, or not what their Content-Type says; the lock is right, so only the body is wrong. */
function bodyCases(): Case[] {
  const id = locked.fileId;
  const held: Headers = [['X-WOPI-Lock', HELD_LOCK]];
  const notUtf8 = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81, 0xc3]);
  const cases: Case[] = [
    {
      name: `PutFile of MAX_BODY_BYTES + 1 (${MAX_BODY_BYTES + 1}) bytes`,
      request: putFile(id, held, new Uint8Array(MAX_BODY_BYTES + 1)),
      allowed: [413],
    },
    {
      name: 'PutFile larger than a Lambda event',
      request: putFile(id, held, new Uint8Array(LAMBDA_PAYLOAD_LIMIT_BYTES + 1)),
      allowed: [413],
    },
    {
      name: 'PutRelativeFile of MAX_BODY_BYTES + 1 bytes',
      request: override(
        id,
        ['PUT_RELATIVE'],
        [['X-WOPI-SuggestedTarget', 'big.docx']],
        new Uint8Array(MAX_BODY_BYTES + 1),
      ),
      allowed: [413],
    },
    {
      name: 'PutFile with a bad X-COOL-WOPI-Timestamp',
      request: putFile(id, [...held, ['X-COOL-WOPI-Timestamp', 'yesterday']]),
      allowed: [400],
    },
    {
      name: 'PutFile with a stale X-COOL-WOPI-Timestamp (Collabora: 409 "document changed")',
      request: putFile(id, [...held, ['X-COOL-WOPI-Timestamp', '2020-01-01T00:00:00.000Z']]),
      allowed: [409],
    },
  ];
  for (const contentType of ['application/json', 'text/plain; charset=utf-8', 'application/xml', 'text/html']) {
    cases.push({
      name: `PutFile of binary bytes sent as ${contentType}`,
      request: putFile(id, held, notUtf8, contentType),
      allowed: [400],
    });
    cases.push({
      name: `PutRelativeFile of binary bytes sent as ${contentType}`,
      request: override(
        id,
        ['PUT_RELATIVE'],
        [
          ['X-WOPI-SuggestedTarget', 'binary.docx'],
          ['Content-Type', contentType],
        ],
        notUtf8,
      ),
      allowed: [400],
    });
  }
  // PutUserInfo keeps at most 1024 characters (CheckFileInfo UserInfo).
  const userInfoBodies: [string, string, Uint8Array][] = [
    ['10 KB of text', 'text/plain', Buffer.from('x'.repeat(10 * 1024))],
    ['10 KB of binary', 'application/octet-stream', new Uint8Array(10 * 1024).fill(0xab)],
    ['2 KB of JSON', 'application/json', Buffer.from(JSON.stringify({ info: 'y'.repeat(2048) }))],
    ['1025 euro signs', 'text/plain; charset=utf-8', Buffer.from('€'.repeat(1025))],
  ];
  for (const [name, contentType, body] of userInfoBodies) {
    cases.push({
      name: `PutUserInfo with ${name}`,
      request: override(id, ['PUT_USER_INFO'], [['Content-Type', contentType]], body),
      allowed: [400],
    });
  }
  // GetFile's X-WOPI-MaxExpectedSize: 412 when the file is larger, 400 when it is not a number.
  for (const [value, status] of [
    ['0', 412],
    ['5', 412],
    ['-1', 400],
    ['abc', 400],
    ['1e3', 400],
    ['0x10', 400],
    ['99999999999999999999', 400],
  ] as const) {
    cases.push({
      name: `GetFile with X-WOPI-MaxExpectedSize ${value}`,
      request: {
        method: 'GET',
        path: wopiPath(id, writeToken[id], '/contents'),
        headers: [['X-WOPI-MaxExpectedSize', value]],
      },
      allowed: [status],
    });
  }
  return cases;
}

/** PutRelativeFile names the host must refuse: separators, reserved and control characters, UTF-7 tricks. */
function putRelativeCases(): Case[] {
  const id = locked.fileId;
  const badNames: [string, string][] = [
    ['a slash', 'a/b.docx'],
    ['a backslash', 'a\\b.docx'],
    ['dot-dot-slash', '../escape.docx'],
    ['a drive letter', 'C:evil.docx'],
    ['a pipe', 'pipe|.docx'],
    ['a star', 'star*.docx'],
    ['angle brackets', '<tag>.docx'],
    ['a double quote', 'quote".docx'],
    ['a question mark', 'question?.docx'],
    ['nothing', ''],
    ['a dot', '.'],
    ['dot-dot', '..'],
    ['only spaces', '   '],
    ['300 characters', `${'n'.repeat(295)}.docx`],
    ['a UTF-7 path to /etc/passwd', '+AC8-etc+AC8-passwd.docx'],
    ['a UTF-7 control character', '+AAE-.docx'],
    ['a UTF-7 NUL', 'a+AAA-b.docx'],
    ['a UTF-7 line feed', 'a+AAo-b.docx'],
    ['a lone UTF-7 plus', '+'],
    ['a tab', 'a\tb.docx'],
  ];
  const cases: Case[] = badNames.map(([name, target]) => ({
    name: `PutRelativeFile with an X-WOPI-RelativeTarget with ${name}`,
    request: override(id, ['PUT_RELATIVE'], [['X-WOPI-RelativeTarget', target]], Buffer.from('new file')),
    allowed: [400],
  }));
  cases.push(
    {
      name: 'PutRelativeFile with both X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget',
      request: override(
        id,
        ['PUT_RELATIVE'],
        [
          ['X-WOPI-SuggestedTarget', '.pdf'],
          ['X-WOPI-RelativeTarget', 'both.pdf'],
        ],
        Buffer.from('new file'),
      ),
      allowed: [400],
    },
    {
      name: 'PutRelativeFile with neither target header',
      request: override(id, ['PUT_RELATIVE'], [], Buffer.from('new file')),
      allowed: [400],
    },
    {
      name: 'PutRelativeFile onto a taken name without X-WOPI-OverwriteRelativeTarget',
      request: override(id, ['PUT_RELATIVE'], [['X-WOPI-RelativeTarget', unlocked.name]], Buffer.from('overwrite?')),
      allowed: [409],
    },
    {
      name: 'PutRelativeFile overwriting a locked file',
      request: override(
        id,
        ['PUT_RELATIVE'],
        [
          ['X-WOPI-RelativeTarget', locked.name],
          ['X-WOPI-OverwriteRelativeTarget', 'true'],
        ],
        Buffer.from('overwrite?'),
      ),
      allowed: [409],
    },
  );
  return cases;
}

/** RenameFile with the right lock, so only the name is wrong; and with the wrong lock or none. */
function renameCases(): Case[] {
  const cases: Case[] = [];
  const badNames: [string, string][] = [
    ['a UTF-7 SOH', 'a+AAE-b'],
    ['a UTF-7 unit separator', 'a+AB8-b'],
    ['a UTF-7 DEL', 'a+AH8-b'],
    ['a UTF-7 NUL', 'a+AAA-b'],
    ['a UTF-7 line feed', 'a+AAo-b'],
    ['a tab', 'a\tb'],
    ['a slash', 'a/b'],
    ['a UTF-7 slash', 'a+AC8-b'],
    ['a backslash', 'a\\b'],
    ['a colon', 'a:b'],
    ['angle brackets', '<b>'],
    ['300 characters', 'r'.repeat(300)],
  ];
  for (const [file, lockHeader] of [
    [locked, [['X-WOPI-Lock', HELD_LOCK]] as Headers],
    [unlocked, [] as Headers],
  ] as const) {
    for (const [name, requested] of badNames) {
      cases.push({
        name: `RenameFile of the ${file === locked ? 'locked' : 'unlocked'} file to a name with ${name}`,
        request: override(file.fileId, ['RENAME_FILE'], [...lockHeader, ['X-WOPI-RequestedName', requested]]),
        allowed: [400],
      });
    }
  }
  cases.push(
    {
      name: 'RenameFile of the locked file with the wrong lock',
      request: override(
        locked.fileId,
        ['RENAME_FILE'],
        [
          ['X-WOPI-Lock', 'not-the-lock'],
          ['X-WOPI-RequestedName', 'renamed'],
        ],
      ),
      allowed: [409],
      lockConflict: true,
    },
    {
      name: 'RenameFile of the locked file without a lock',
      request: override(locked.fileId, ['RENAME_FILE'], [['X-WOPI-RequestedName', 'renamed']]),
      allowed: [409],
      lockConflict: true,
    },
  );
  return cases;
}

/** Requests the HTTP parser refuses before any handler runs. */
function malformedHttpCases(): Case[] {
  const id = locked.fileId;
  const lockWith = (value: string): RawRequest => override(id, ['LOCK'], [['X-WOPI-Lock', value]]);
  const cases: [string, RawRequest, number[]][] = [
    ['an X-WOPI-Lock with a raw SOH', lockWith('a\u0001b'), [400]],
    ['an X-WOPI-Lock with a raw DEL', lockWith('a\u007fb'), [400]],
    ['an X-WOPI-Lock with a raw NUL', lockWith('a\u0000b'), [400]],
    ['an X-WOPI-Lock folded over two lines', lockWith('a\r\n b'), [400]],
    ['an X-WOPI-Lock of 20 KB (headers too large)', lockWith('x'.repeat(20 * 1024)), [400, 431]],
    ['a method with a parenthesis', { method: 'GE(T', path: wopiPath(id, writeToken[id]) }, [400]],
    ['a header name with a space', override(id, ['GET_LOCK'], [['X WOPI Lock', 'x']]), [400]],
  ];
  return cases.map(([name, request, allowed]) => ({
    name: `A request with ${name}`,
    request,
    allowed,
    malformedHttp: true,
  }));
}

interface Snapshot {
  readonly records: (Omit<FileRecord, 'activity' | 'rev'> | undefined)[];
  readonly bytes: string[];
  readonly userInfo: (string | undefined)[];
}

async function snapshot(): Promise<Snapshot> {
  const files = [locked, unlocked];
  // The activity list and the revision record the refused saves; everything a client can read stays as it was.
  const records = await Promise.all(
    files.map(async (file) => {
      const record = await host.deps.files.get(file.fileId);
      if (record === undefined) return undefined;
      const { activity: _activity, rev: _rev, ...rest } = record;
      return rest;
    }),
  );
  const bytes = await Promise.all(
    records.map(async (record) =>
      record === undefined ? '' : Buffer.from(await host.deps.contents.get(record.content.contentKey)).toString('hex'),
    ),
  );
  const userInfo = await Promise.all(['user-1', 'intruder'].map((user) => host.deps.userInfo.get(user)));
  return { records, bytes, userInfo };
}

let before: Snapshot;
beforeAll(async () => {
  host = await startTestHost();
  locked = await host.addFile(KNOWN.locked, 'locked.docx', CORPUS_OWNER);
  unlocked = await host.addFile(KNOWN.unlocked, 'unlocked.docx', CORPUS_OWNER);
  edge = await host.addFile('edge-case content', 'edge.docx', 'owner-edge');
  for (const file of [locked, unlocked, edge]) writeToken[file.fileId] = await host.token(file.fileId);
  const locking = await host.wopi(locked.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': HELD_LOCK } });
  if (locking.status !== 200) throw new Error(`Could not lock the corpus file: ${locking.status}`);
  const now = host.clock.now();
  lockedModel = {
    ...newFileModel(Buffer.from(KNOWN.locked).toString('hex'), CORPUS_OWNER),
    lock: { id: HELD_LOCK, expiresAt: now + host.deps.config.lockTtlMs, holder: CORPUS_OWNER },
  };
  unlockedModel = newFileModel(Buffer.from(KNOWN.unlocked).toString('hex'), CORPUS_OWNER);
  before = await snapshot();
});
afterAll(() => host.close());

describe('Bad input: every malformed or hostile request gets a 4xx (or the spec code) with a reason, never a 5xx', () => {
  it('lock IDs missing, empty, 1025 characters, 9 KB, non-ASCII, repeated or wrong, on a locked and an unlocked file', async () => {
    // Prepare
    const cases = [
      ...lockFamilyCases(locked, lockedModel, 'locked file'),
      ...lockFamilyCases(unlocked, unlockedModel, 'unlocked file'),
    ];
    // Act + Assess
    expect(await misanswered(cases)).toEqual([]);
  });

  it('unknown, empty, repeated, oversized, non-ASCII and odd-case X-WOPI-Override values', async () => {
    expect(await misanswered(overrideCases())).toEqual([]);
  });

  it('wrong methods and paths outside the route table: 404, as API Gateway answers', async () => {
    expect(await misanswered(methodCases())).toEqual([]);
  });

  it('file ids with path tricks, unicode, NUL, odd lengths and prototype names', async () => {
    expect(await misanswered(fileIdCases())).toEqual([]);
  });

  it('access tokens missing, tampered, re-signed, alg "none", expired, for another file or user, or view-only', async () => {
    expect(await misanswered(await tokenCases())).toEqual([]);
  });

  it('bodies too large or not what their Content-Type says; bad X-WOPI-MaxExpectedSize', async () => {
    expect(await misanswered(bodyCases())).toEqual([]);
  });

  it('PutRelativeFile targets with separators, reserved characters, UTF-7 tricks, both or neither header', async () => {
    expect(await misanswered(putRelativeCases())).toEqual([]);
  });

  it('RenameFile names with control characters, separators or 300 characters', async () => {
    expect(await misanswered(renameCases())).toEqual([]);
  });

  it('requests the HTTP parser refuses (raw control characters, folded or 20 KB headers, bad method)', async () => {
    expect(await misanswered(malformedHttpCases())).toEqual([]);
  });

  it('tokens that were valid when minted are refused once the clock passes their expiry', async () => {
    // Prepare: the tokens minted before the corpus ran; the clock moves past their lifetime, and back afterwards,
    // so that the other tests' tokens and the held lock are as they were whatever order the tests run in.
    const pastExpiry = (host.deps.config.tokenTtlSeconds + 60) * 1000;
    const held: Headers = [['X-WOPI-Lock', HELD_LOCK]];
    const cases: Case[] = [locked, unlocked].flatMap((file) =>
      [
        { name: 'CheckFileInfo', request: { method: 'GET', path: wopiPath(file.fileId, writeToken[file.fileId]) } },
        {
          name: 'GetFile',
          request: { method: 'GET', path: wopiPath(file.fileId, writeToken[file.fileId], '/contents') },
        },
        { name: 'Lock', request: override(file.fileId, ['LOCK'], held) },
        { name: 'Unlock', request: override(file.fileId, ['UNLOCK'], held) },
        { name: 'PutFile', request: putFile(file.fileId, held) },
        { name: 'DeleteFile', request: override(file.fileId, ['DELETE']) },
      ].map((c) => ({ ...c, name: `${c.name} with an expired token`, allowed: [401] })),
    );
    host.clock.advance(pastExpiry);
    try {
      // Act
      const problems = await misanswered(cases);
      // Assess
      expect(problems).toEqual([]);
    } finally {
      host.clock.advance(-pastExpiry);
    }
  });

  it('is a corpus of at least 200 requests, checked against files that hold their known content and the held lock', async () => {
    // Prepare
    const corpus = [
      ...lockFamilyCases(locked, lockedModel, 'locked file'),
      ...lockFamilyCases(unlocked, unlockedModel, 'unlocked file'),
      ...overrideCases(),
      ...methodCases(),
      ...fileIdCases(),
      ...(await tokenCases()),
      ...bodyCases(),
      ...putRelativeCases(),
      ...renameCases(),
      ...malformedHttpCases(),
    ];
    // Act
    const now = await snapshot();
    // Assess
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(now).toEqual(before);
    expect({
      locked: Buffer.from(before.bytes[0] ?? '', 'hex').toString(),
      unlocked: Buffer.from(before.bytes[1] ?? '', 'hex').toString(),
      lock: before.records[0]?.lock?.id,
    }).toEqual({ locked: KNOWN.locked, unlocked: KNOWN.unlocked, lock: HELD_LOCK });
  });
});

describe('Bad input: edge cases that are valid get their normal answer', () => {
  const lockId1024 = 'E'.repeat(1024);

  it('"The maximum length of a lock ID is 1024 ASCII characters": such a lock works for every lock operation and PutFile', async () => {
    // Prepare
    const id = edge.fileId;
    const token = await host.token(id);
    const call = (headers: Headers, suffix = '', body?: Uint8Array) =>
      sendRaw(host.baseUrl, { method: 'POST', path: wopiPath(id, token, suffix), headers, ...(body && { body }) });
    // Act
    const answers = {
      lock: (
        await call([
          ['X-WOPI-Override', 'LOCK'],
          ['X-WOPI-Lock', lockId1024],
        ])
      ).status,
      getLock: (await call([['X-WOPI-Override', 'GET_LOCK']])).headers['x-wopi-lock'],
      refresh: (
        await call([
          ['X-WOPI-Override', 'REFRESH_LOCK'],
          ['X-WOPI-Lock', lockId1024],
        ])
      ).status,
      putFile: (
        await call(
          [
            ['X-WOPI-Override', 'PUT'],
            ['X-WOPI-Lock', lockId1024],
          ],
          '/contents',
          Buffer.from('saved'),
        )
      ).status,
      relockTo1025: (
        await call([
          ['X-WOPI-Override', 'LOCK'],
          ['X-WOPI-Lock', `${lockId1024}E`],
          ['X-WOPI-OldLock', lockId1024],
        ])
      ).status,
      unlock: (
        await call([
          ['X-WOPI-Override', 'UNLOCK'],
          ['X-WOPI-Lock', lockId1024],
        ])
      ).status,
    };
    // Assess
    expect(answers).toEqual({
      lock: 200,
      getLock: lockId1024,
      refresh: 200,
      putFile: 200,
      relockTo1025: 400,
      unlock: 200,
    });
  });

  it('names the host may clean up or decode (suggested targets with separators, UTF-7 garbage) get 200 or a 4xx, never a 5xx', async () => {
    // Prepare
    const id = edge.fileId;
    const target = (header: string, value: string, allowed: number[]): Case => ({
      name: `PutRelativeFile with ${header} ${JSON.stringify(value).slice(0, 60)}`,
      request: override(id, ['PUT_RELATIVE'], [[header, value]], Buffer.from('relative')),
      allowed,
    });
    const cases: Case[] = [
      // SuggestedTarget: "the host must not refuse" a name; it makes it valid.
      ...[
        'a/b\\c:d.docx',
        '../../etc/passwd',
        `${'s'.repeat(300)}.docx`,
        '',
        '.pdf',
        '+ADw-x+AD4-.docx',
        'caf\u00e9.docx',
      ].map((value) => target('X-WOPI-SuggestedTarget', value, [200])),
      // UTF-7 garbage: an unterminated run, "+-", a run without "-", a lone surrogate.
      ...['+AGEAYgBj', '+-.docx', '+ZeVnLIqe', '+2D0-.docx', 'x+AGE.docx'].map((value) =>
        target('X-WOPI-RelativeTarget', value, [200, 400, 409]),
      ),
      {
        name: 'RenameFile to ".." (the name keeps its extension)',
        request: override(id, ['RENAME_FILE'], [['X-WOPI-RequestedName', '..']]),
        allowed: [200, 400],
      },
      {
        name: 'PutUserInfo of exactly 1024 characters',
        request: override(id, ['PUT_USER_INFO'], [['Content-Type', 'text/plain']], Buffer.from('u'.repeat(1024))),
        allowed: [200],
      },
    ];
    // Act + Assess
    expect(await misanswered(cases)).toEqual([]);
  });
});
