// Reading the WOPI request headers whose wire format is more than a plain string.
import type { SaveContext } from '../domain/file-record';
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

/** Collabora's X-COOL-WOPI-Timestamp (or the legacy X-LOOL-WOPI-Timestamp). */
export function expectedLastModified(req: WopiRequest): string | undefined {
  return req.headers['x-cool-wopi-timestamp'] ?? req.headers['x-lool-wopi-timestamp'];
}
