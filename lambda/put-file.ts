// WOPI PutFile: POST /wopi/files/{file_id}/contents with X-WOPI-Override PUT (seed 002).
import { BadRequestError, PayloadTooLargeError } from './domain/errors';
import { putFileRequirement, saveFile } from './domain/save-file';
import { MAX_BODY_BYTES } from './http/limits';
import { saveDeps, type WopiOperation } from './http/operation';
import { wopiHandler } from './http/wopi-handler';
import { expectedLastModified, saveContextOf } from './http/wopi-headers';
import { json } from './http/wopi-response';

export const putFile: WopiOperation = {
  name: 'PutFile',
  needs: 'write',
  run: async (req, ctx) => {
    const override = req.headers['x-wopi-override'];
    if (override !== undefined && override.trim().toUpperCase() !== 'PUT') {
      throw new BadRequestError(`X-WOPI-Override must be PUT on /contents, got "${override}"`);
    }
    if (req.body.byteLength > MAX_BODY_BYTES) {
      throw new PayloadTooLargeError(`The body is ${req.body.byteLength} bytes; this host accepts ${MAX_BODY_BYTES}`);
    }
    const lockId = req.headers['x-wopi-lock'];
    const content = await saveFile(saveDeps(ctx), req.fileId, {
      requirement: putFileRequirement(lockId === '' ? undefined : lockId),
      bytes: req.body,
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

export const handler = wopiHandler(() => putFile);
