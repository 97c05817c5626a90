// X-WOPI-SuggestedTarget / X-WOPI-RelativeTarget (UTF-7) and X-WOPI-OverwriteRelativeTarget, as PutRelativeFile,
// CreateChildFile and CreateChildContainer read them: exactly one of the two names, or the request is refused.
import { BadRequestError } from '../domain/errors';
import type { TargetName } from '../domain/target-name';
import { decodeUtf7 } from './wopi-headers';
import type { WopiCall } from './wopi-request';

/**
 * The name the request asks for. Both headers at once is `whenBoth` (PutRelativeFile answers 400; the validator's
 * CreateChildFile.ConflictingHeaders expects 501), neither is 400.
 */
export function targetOf(req: WopiCall, whenBoth: new (reason: string) => Error = BadRequestError): TargetName {
  const suggested = req.headers['x-wopi-suggestedtarget'];
  const relative = req.headers['x-wopi-relativetarget'];
  if (suggested !== undefined && relative !== undefined) {
    throw new whenBoth('X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget exclude each other');
  }
  if (suggested !== undefined) return { mode: 'suggested', name: decodeUtf7(suggested) };
  if (relative === undefined) throw new BadRequestError('Send X-WOPI-SuggestedTarget or X-WOPI-RelativeTarget');
  const overwrite = req.headers['x-wopi-overwriterelativetarget']?.trim().toLowerCase() === 'true';
  return { mode: 'relative', name: decodeUtf7(relative), overwrite };
}
