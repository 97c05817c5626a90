// The one place where typed errors become WOPI status codes and headers.

import { ProofKeyError } from '../auth/proof-key-error';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InvalidContainerNameError,
  InvalidFileNameError,
  LockConflictError,
  NameTakenError,
  NotFoundError,
  NotImplementedError,
  NotPermittedError,
  PayloadTooLargeError,
  PreconditionFailedError,
  RelativeTargetTakenError,
  TimestampMismatchError,
  UnauthorizedError,
  UnsupportedFileTypeError,
} from '../domain/errors';
import { encodeUtf7 } from './wopi-headers';
import { json, type WopiResponse } from './wopi-response';

export interface ErrorAnswer {
  readonly response: WopiResponse;
  /** Said in the log line: the client's mistake (4xx) or ours (5xx). */
  readonly reason: string;
  readonly expected: boolean;
}

const statusOf = new Map<abstract new (...args: never[]) => Error, number>([
  [BadRequestError, 400],
  [InvalidFileNameError, 400],
  [InvalidContainerNameError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [NotPermittedError, 404],
  [LockConflictError, 409],
  [ConflictError, 409],
  [PreconditionFailedError, 412],
  [PayloadTooLargeError, 413],
  [UnsupportedFileTypeError, 415],
  [NotImplementedError, 501],
  // The spec: a request whose proof does not verify gets 500, with the reason only in the log.
  [ProofKeyError, 500],
]);

// Where the files API answers otherwise than WOPI: its callers see the item (a stranger's NotPermitted is already a
// NotFound there), so a right they lack is 403; a taken name is a conflict, as at creation, not an illegal name.
const filesApiStatusOf = new Map<abstract new (...args: never[]) => Error, number>([
  [NotPermittedError, 403],
  [NameTakenError, 409],
]);

/** The files API's status for an error that errorResponse answered with `status`. */
export function filesApiStatus(error: unknown, status: number): number {
  if (!(error instanceof Error)) return status;
  for (const [type, apiStatus] of filesApiStatusOf) if (error instanceof type) return apiStatus;
  return status;
}

export function errorResponse(error: unknown): ErrorAnswer {
  const status = error instanceof Error ? findStatus(error) : undefined;
  if (status === undefined || !(error instanceof Error)) {
    // Opaque on purpose: internals stay in the log.
    return { response: { status: 500, headers: {} }, reason: String(error), expected: false };
  }
  const reason = error.message;
  // The reason also travels in a header, for people reading network traces; a failed proof tells a possible
  // forger nothing.
  const headers: Record<string, string> =
    error instanceof ProofKeyError ? {} : { 'X-WOPI-ServerError': headerSafe(reason) };
  if (error instanceof LockConflictError) {
    // "This header must always be included when responding to the request with 409 Conflict."
    headers['X-WOPI-Lock'] = error.currentLock;
    headers['X-WOPI-LockFailureReason'] = headerSafe(reason);
  }
  if (error instanceof InvalidFileNameError) headers['X-WOPI-InvalidFileNameError'] = headerSafe(reason);
  if (error instanceof InvalidContainerNameError) headers['X-WOPI-InvalidContainerNameError'] = headerSafe(reason);
  if (error instanceof RelativeTargetTakenError && error.validTarget !== undefined) {
    headers['X-WOPI-ValidRelativeTarget'] = encodeUtf7(error.validTarget);
  }
  // Collabora shows "document changed in storage" only for exactly this body.
  if (error instanceof TimestampMismatchError) {
    return { response: json(status, { COOLStatusCode: 1010 }, headers), reason, expected: true };
  }
  return { response: { status, headers }, reason, expected: true };
}

function findStatus(error: Error): number | undefined {
  for (const [type, status] of statusOf) if (error instanceof type) return status;
  return undefined;
}

/** Header values must be printable ASCII; reasons may quote what a client sent. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 512);
}
