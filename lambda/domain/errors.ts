// Typed outcomes of the WOPI rules. They say what went wrong in the spec's words;
// http/error-response.ts is the one place that turns them into status codes and headers.
import type { FileRecord } from './file-record';

export abstract class WopiError extends Error {
  /** Facts for the log line only (e.g. a recovery copy's key); never sent to the client. */
  logDetails: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed (missing/invalid header, bad body). */
export class BadRequestError extends WopiError {}

/** 400 with X-WOPI-InvalidFileNameError: RenameFile / PutRelativeFile got a name the host cannot use. */
export class InvalidFileNameError extends WopiError {}

/** An InvalidFileNameError (400 for WOPI RenameFile) whose name is legal but taken; the files API answers it 409. */
export class NameTakenError extends InvalidFileNameError {}

/** 400 with X-WOPI-InvalidContainerNameError: CreateChildContainer / RenameContainer got a name it cannot use. */
export class InvalidContainerNameError extends WopiError {}

/** 401: the access token is missing, invalid, expired, for another file, or lacks the right. */
export class UnauthorizedError extends WopiError {}

/** 403: the caller is known and may see the file, but not do this (e.g. check out with view rights). */
export class ForbiddenError extends WopiError {}

/**
 * 404 with a valid token that lacks the right (e.g. a write with a view-only token): the WOPI status tables
 * list 401 only for an invalid token and 404 for "Resource not found/user unauthorized".
 */
export class NotPermittedError extends WopiError {}

/** 404: no such file (or the caller may not know it exists). */
export class NotFoundError extends WopiError {}

/**
 * 409 "lock mismatch": currentLock is what X-WOPI-Lock must carry, the empty string when the file
 * is unlocked or its lock cannot be represented as a WOPI lock.
 */
export class LockConflictError extends WopiError {
  constructor(
    readonly currentLock: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** 409 that is not about locks: a taken name, a check-out held by someone else. */
export class ConflictError extends WopiError {}

/**
 * 409: a check-out, undo or check-in the file's state does not allow (held by someone else, open in another user's
 * editor). `current` is the record it was decided on, for APIs that answer with its version.
 */
export class CheckOutRefusedError extends ConflictError {
  constructor(
    reason: string,
    readonly current: FileRecord | undefined,
  ) {
    super(reason);
  }
}

/** 409: Collabora's X-COOL-WOPI-Timestamp is not the file's LastModifiedTime; the save was not made. */
export class TimestampMismatchError extends ConflictError {}

/** 409: another file of the same owner already has this name (`holderFileId`, unless a claim is still pending). */
export class FileNameTakenError extends ConflictError {
  constructor(
    readonly fileName: string,
    readonly holderFileId: string | undefined,
  ) {
    super(`A file named "${fileName}" already exists`);
  }
}

/**
 * 409 for X-WOPI-RelativeTarget (PutRelativeFile, CreateChildFile, CreateChildContainer): the name is taken, by a
 * file or a folder; `validTarget` is a free one, if found.
 */
export class RelativeTargetTakenError extends ConflictError {
  constructor(
    name: string,
    readonly validTarget: string | undefined,
  ) {
    super(`Something named "${name}" already exists there`);
  }
}

/** 412: GetFile's X-WOPI-MaxExpectedSize is smaller than the file. */
export class PreconditionFailedError extends WopiError {}

/** 413: the body is larger than this host can accept intact. */
export class PayloadTooLargeError extends WopiError {}

/** 413: storing this would take the file owner past WOPI_QUOTA_BYTES (Collabora tells its users storage is full). */
export class StorageFullError extends PayloadTooLargeError {}

/** 415: the WOPI client's discovery lists no action that opens this file's type. */
export class UnsupportedFileTypeError extends WopiError {}

/** 501: an X-WOPI-Override this host does not implement, or a feature whose configuration is missing. */
export class NotImplementedError extends WopiError {}
