// ONLYOFFICE DocSpace's response shapes (seed 003), as its clients and SDKs read them: the envelope, the file object
// (FileDtoInteger) and the protectusers items (MentionWrapper), so DocSpace client code works with only the host
// changed.
import { canRead } from '../domain/access';
import { BadRequestError } from '../domain/errors';
import { extensionOf } from '../domain/file-name';
import type { FileRecord } from '../domain/file-record';
import { liveLock } from '../domain/lock';
import { documentNumberOf } from '../domain/numbers';
import type { User } from '../domain/users';
import { propertyOf } from '../json-object';
import type { ApiContext, ApiRequest, DocumentStores } from './api-handler';
import type { ErrorStyle } from './middleware';
import { json, type WopiResponse } from './wopi-response';

/**
 * DocSpace wraps every answer: the payload in `response`, a status of its own beside the HTTP one, and `links`
 * naming the request (its URL and method).
 */
export function docSpaceOk(request: ApiRequest, response: unknown): WopiResponse {
  return json(200, {
    response,
    count: Array.isArray(response) ? response.length : 1,
    links: [{ href: request.url, action: request.method }],
    status: 0,
    statusCode: 200,
  });
}

/** DocSpace answers 403 where the file's state or the user's right refuses a change, never 409. */
export const docSpaceError: ErrorStyle = (response, reason) => {
  const status = response.status === 409 ? 403 : response.status;
  return json(status, { error: { message: reason }, status: 1, statusCode: status });
};

/** LockFileParameters.lockFile, its name in any case; left out (or null) it is false, as DocSpace binds it. */
export function lockFileOf(body: Record<string, unknown>): boolean {
  const lockFile = propertyOf(body, 'lockFile') ?? false;
  if (typeof lockFile !== 'boolean') throw new BadRequestError('lockFile must be true or false');
  return lockFile;
}

// FileStatus flags: the file is open in an editor.
const IS_EDITING = 0x1;

/**
 * A file as DocSpace's FileDtoInteger describes it to the caller: `id` its document number; `locked` true or left out
 * (DocSpace writes no defaults); `lockedBy` the holder's name only when the holder is someone else; `fileStatus`
 * with IsEditing while a WOPI session holds a live lock.
 */
export async function docSpaceFile(ctx: ApiContext<DocumentStores>, record: FileRecord) {
  const owner = await ctx.users.getUser(record.ownerId);
  const { checkOut } = record;
  return {
    id: await documentNumberOf(ctx, record, ctx.now),
    title: record.name,
    fileExst: extensionOf(record.name).toLowerCase(),
    version: record.content.version,
    ...(record.content.size > 0 && { pureContentLength: record.content.size }),
    updated: new Date(record.content.modifiedAt).toISOString(),
    createdBy: { id: record.ownerId, displayName: owner?.displayName ?? record.ownerId },
    fileStatus: liveLock(record.lock, ctx.now) === undefined ? 0 : IS_EDITING,
    ...(checkOut !== undefined && { locked: true }),
    ...(checkOut !== undefined && checkOut.holder !== ctx.user.userId && { lockedBy: checkOut.holderName }),
  };
}

/**
 * protectusers as DocSpace's MentionWrapper list: everyone with access but the caller, by name. `hasAccess` is
 * true for all of them (that is who is listed); `image` is empty, as this host keeps no avatars.
 */
export async function docSpaceProtectUsers(ctx: ApiContext<DocumentStores>, record: FileRecord) {
  const userIds = Object.keys(record.access).filter((userId) => userId !== ctx.user.userId && canRead(record, userId));
  const users = await Promise.all(userIds.map(async (userId) => mention(userId, await ctx.users.getUser(userId))));
  return users.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function mention(userId: string, user: User | undefined) {
  const name = user?.displayName ?? userId;
  const email = user?.email ?? '';
  return {
    id: userId,
    name,
    email,
    image: '',
    hasAccess: true,
    user: { id: userId, userName: userId, displayName: name, email },
  };
}
