// A request body that must be a JSON object, for the API routes and the WOPI operations that take one.
import { BadRequestError } from '../domain/errors';
import { parseJsonObject } from '../json-object';

/** The JSON object a request body must be, or 400 saying why. */
export function jsonObjectBody(body: Buffer): Record<string, unknown> {
  const value = parseJsonObject(body.toString('utf8'));
  if (value === undefined) throw new BadRequestError('The body must be a JSON object');
  return value;
}
