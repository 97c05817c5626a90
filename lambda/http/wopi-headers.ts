// Reading the WOPI request headers whose wire format is more than a plain string.
import { BadRequestError } from '../domain/errors';
import type { SaveContext } from '../domain/file-record';
import { isRepresentableLockId, MAX_LOCK_ID_LENGTH } from '../domain/lock';
import type { WopiRequest } from './wopi-request';

// File names in X-WOPI-SuggestedTarget, X-WOPI-RelativeTarget and X-WOPI-RequestedName are UTF-7 encoded.
export { decodeUtf7, encodeUtf7 } from './utf7';

function flag(req: WopiRequest, name: string): boolean | undefined {
  // Collabora sends X-COOL-WOPI-*; versions before the rename send X-LOOL-WOPI-*.
  const value = req.headers[`x-cool-wopi-${name}`] ?? req.headers[`x-lool-wopi-${name}`];
  if (value === undefined) return undefined;
  return value.trim().toLowerCase() === 'true';
}

/** How the client describes the save: X-WOPI-Editors and Collabora's flags, recorded with the version. */
export function saveContextOf(req: WopiRequest): SaveContext {
  const editors = req.headers['x-wopi-editors']
    ?.split(',')
    .map((editor) => editor.trim())
    .filter((editor) => editor !== '');
  const context = {
    editors,
    isModifiedByUser: flag(req, 'ismodifiedbyuser'),
    isAutosave: flag(req, 'isautosave'),
    isExitSave: flag(req, 'isexitsave'),
  };
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined));
}

/**
 * Collabora's X-COOL-WOPI-Timestamp (or the legacy X-LOOL-WOPI-Timestamp): the LastModifiedTime the client last
 * saw, in epoch milliseconds. Absent means a forced save.
 */
export function expectedLastModified(req: WopiRequest): number | undefined {
  const value = req.headers['x-cool-wopi-timestamp'] ?? req.headers['x-lool-wopi-timestamp'];
  if (value === undefined || value === '') return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new BadRequestError('X-COOL-WOPI-Timestamp is not an ISO 8601 time');
  return at;
}

/**
 * A lock ID from a request header, or 400: "X-WOPI-Lock was not provided or was empty", and longer than
 * "1024 ASCII characters" or not ASCII is just as unusable.
 */
export function requireLockId(value: string | undefined, header = 'X-WOPI-Lock'): string {
  if (value === undefined || value === '') throw new BadRequestError(`${header} was not provided or was empty`);
  if (value.length > MAX_LOCK_ID_LENGTH) {
    throw new BadRequestError(`${header} is ${value.length} characters long; the maximum is ${MAX_LOCK_ID_LENGTH}`);
  }
  if (!isRepresentableLockId(value)) throw new BadRequestError(`${header} must be printable ASCII`);
  return value;
}

/** X-WOPI-MaxExpectedSize as a number of bytes, or undefined when absent. */
export function maxExpectedSize(req: WopiRequest): number | undefined {
  const value = req.headers['x-wopi-maxexpectedsize'];
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new BadRequestError('X-WOPI-MaxExpectedSize must be a whole number');
  return Number(value);
}
