// X-WOPI-Override: the operation of a POST endpoint, looked up in its table (API Gateway cannot route on headers).
import { BadRequestError, NotImplementedError } from '../domain/errors';
import type { WopiCall } from './wopi-request';

/** The table's entry for the request's override: 400 when there is none, 501 for one the endpoint does not offer. */
export function pickOverride<T>(req: WopiCall, table: ReadonlyMap<string, T>): T {
  const override = req.headers['x-wopi-override'];
  if (override === undefined || override === '') throw new BadRequestError('X-WOPI-Override is missing');
  const entry = table.get(override.trim().toUpperCase());
  if (entry === undefined) throw new NotImplementedError(`X-WOPI-Override "${override}" is not supported`);
  return entry;
}
