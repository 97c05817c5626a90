// Limits of the deployed path (API Gateway HTTP API -> Lambda) that the local server enforces too.
import { BadRequestError, PayloadTooLargeError } from '../domain/errors';
import type { WopiRequest } from './wopi-request';

/**
 * A synchronous Lambda invocation's event may be at most 6,291,456 bytes ("Request must be smaller than
 * 6291456 bytes for the InvokeFunction operation"); its result 6,291,556.
 */
export const LAMBDA_PAYLOAD_LIMIT_BYTES = 6_291_456;

/**
 * Room kept for the event's JSON around the body: headers (a 1024-character lock ID, the access token twice,
 * Collabora's headers) and requestContext. test/integration/limits.test.ts builds the largest such event.
 */
export const EVENT_ENVELOPE_ALLOWANCE_BYTES = 16 * 1024;

/**
 * The largest file body that passes intact, in a request (PutFile) or a response (GetFile): binary bodies
 * travel base64-encoded, 4 bytes for every 3.
 */
export const MAX_BODY_BYTES = Math.floor((LAMBDA_PAYLOAD_LIMIT_BYTES - EVENT_ENVELOPE_ALLOWANCE_BYTES) / 4) * 3;

const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');

/**
 * A file's bytes as the request carries them, or 413 when too large. API Gateway passes text Content-Types as
 * UTF-8 text, so a body that was not UTF-8 arrives with U+FFFD in place of its bytes: refused, never saved altered.
 */
export function fileBody(req: WopiRequest): Buffer {
  if (req.bodyWasText && req.body.includes(REPLACEMENT_CHARACTER)) {
    throw new BadRequestError(
      `The body arrived as text (Content-Type ${req.headers['content-type']}) and is not UTF-8; send it as application/octet-stream`,
    );
  }
  if (req.body.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The body is ${req.body.byteLength} bytes; this host accepts ${MAX_BODY_BYTES}`);
  }
  return req.body;
}
