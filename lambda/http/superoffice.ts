// SuperOffice's document plugin response (seed 004), so SuperOffice client code works with only the host changed.
import type { FileRecord } from '../domain/file-record';
import type { ErrorStyle } from './middleware';
import { json, type WopiResponse } from './wopi-response';

export const superOfficeError: ErrorStyle = (response, reason) =>
  json(response.status, { Error: reason, ErrorType: errorTypeOf(response.status) });

function errorTypeOf(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status >= 500) return 'Error';
  return 'BadRequest';
}

export function superOfficeOk(record: FileRecord): WopiResponse {
  return json(200, {
    ExternalReference: record.fileId,
    VersionId: String(record.content.version),
    Success: true,
    Type: 'None',
    Value: '',
    AdditionalInfo: '',
  });
}

/**
 * allowedReturnTypes: "An empty array implies that the client places no restriction". A refusal is answered
 * as a Message result when the client accepts one, and as an HTTP error otherwise.
 */
export function acceptsMessage(allowedReturnTypes: string | undefined): boolean {
  const types = (allowedReturnTypes ?? '')
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter((type) => type !== '');
  return types.length === 0 || types.includes('message');
}

export function superOfficeRefusal(record: { fileId: string }, version: string, reason: string): WopiResponse {
  return json(200, {
    ExternalReference: record.fileId,
    VersionId: version,
    Success: false,
    Type: 'Message',
    Value: reason,
    AdditionalInfo: '',
  });
}
