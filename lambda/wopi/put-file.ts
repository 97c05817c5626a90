// WOPI PutFile: POST /wopi/files/{file_id}/contents with X-WOPI-Override PUT (seed 002).
import { BadRequestError } from '../domain/errors';
import { putFileRequirement, saveFile } from '../domain/save-file';
import { fileBody } from '../http/limits';
import type { WopiOperation } from '../http/operation';
import { expectedLastModified, saveContextOf } from '../http/wopi-headers';
import { json } from '../http/wopi-response';
import { type SaveStores, saveDeps } from './contexts';

export const putFile: WopiOperation<SaveStores> = {
  name: 'PutFile',
  needs: 'write',
  run: async (req, ctx) => {
    const override = req.headers['x-wopi-override'];
    if (override !== undefined && override.trim().toUpperCase() !== 'PUT') {
      throw new BadRequestError(`X-WOPI-Override must be PUT on /contents, got "${override}"`);
    }
    const bytes = fileBody(req);
    const lockId = req.headers['x-wopi-lock'];
    const content = await saveFile(saveDeps(ctx), req.fileId, {
      requirement: putFileRequirement(lockId === '' ? undefined : lockId),
      bytes,
      saveContext: saveContextOf(req),
      expectedLastModified: expectedLastModified(req),
    });
    // Collabora reads LastModifiedTime from the body and sends it back as X-COOL-WOPI-Timestamp next time.
    return json(
      200,
      { LastModifiedTime: new Date(content.modifiedAt).toISOString() },
      { 'X-WOPI-ItemVersion': String(content.version) },
    );
  },
};
