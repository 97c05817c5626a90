// ONLYOFFICE DocSpace's response shapes (seed 003), so DocSpace client code works with only the host changed.

import { extensionOf } from '../domain/file-name';
import type { FileRecord } from '../domain/file-record';
import { liveLock } from '../domain/lock';
import type { ErrorStyle } from './middleware';
import { json, type WopiResponse } from './wopi-response';

/** DocSpace wraps every answer: the payload in `response`, and a status of its own beside the HTTP one. */
export function docSpaceOk(response: unknown): WopiResponse {
  return json(200, {
    response,
    count: Array.isArray(response) ? response.length : 1,
    links: [],
    status: 0,
    statusCode: 200,
  });
}

/** DocSpace answers 403 where the file's state or the user's right refuses a change, never 409. */
export const docSpaceError: ErrorStyle = (response, reason) => {
  const status = response.status === 409 ? 403 : response.status;
  return json(status, { error: { message: reason }, status: 1, statusCode: status });
};

/** A file as DocSpace describes it, with the check-out state in `locked` / `lockedBy`. */
export function docSpaceFile(record: FileRecord, now: number) {
  const live = liveLock(record.lock, now);
  const checkedOut = record.checkOut !== undefined;
  return {
    id: record.fileId,
    title: record.name,
    fileExst: extensionOf(record.name),
    version: record.content.version,
    pureContentLength: record.content.size,
    updated: new Date(record.content.modifiedAt).toISOString(),
    createdBy: { id: record.ownerId },
    locked: checkedOut,
    lockedBy: record.checkOut?.holderName ?? null,
    // Open in a WOPI client: DocSpace shows this as a file being edited.
    editing: live !== undefined,
  };
}

/** DocSpace's FileShare values for the two rights this host has. */
export const docSpaceAccess = { edit: { access: 1, name: 'ReadWrite' }, view: { access: 2, name: 'Read' } } as const;
