// The ticket an upload is committed with: what the host planned (file id, key, name, owner, size) signed, so the
// commit needs no stored state and a client cannot point a new file at bytes that are not its upload's.
import { UnauthorizedError } from '../domain/errors';
import type { PlannedUpload } from '../domain/uploads';
import { signFileJwt, verifyFileJwt } from './file-jwt';

/** How long an upload may take between being planned and being committed. */
export const UPLOAD_TTL_SECONDS = 3600;

export async function mintUploadTicket(
  secret: Uint8Array,
  upload: PlannedUpload,
  now: number,
): Promise<{ ticket: string; expiresAt: number }> {
  const extra = {
    key: upload.contentKey,
    name: upload.name,
    size: upload.size,
    sha256: upload.sha256,
    owner: upload.ownerId,
    folder: upload.folderId,
  };
  const claims = { fileId: upload.fileId, userId: upload.createdBy, extra };
  const { jwt, expiresAt } = await signFileJwt(secret, 'upload', claims, UPLOAD_TTL_SECONDS, now);
  return { ticket: jwt, expiresAt };
}

/** The upload the ticket plans for `fileId`, if it is valid and the caller's own; UnauthorizedError otherwise. */
export async function verifyUploadTicket(
  secret: Uint8Array,
  ticket: string,
  fileId: string,
  userId: string,
  now: number,
): Promise<PlannedUpload> {
  const payload = await verifyFileJwt(secret, 'upload', ticket, fileId, now, 'The upload ticket');
  const { key, name, size, sha256, owner, folder } = payload;
  if (typeof key !== 'string' || typeof name !== 'string' || typeof size !== 'number' || typeof owner !== 'string') {
    throw new UnauthorizedError('The upload ticket has malformed claims');
  }
  if (payload.sub !== userId) throw new UnauthorizedError('The upload ticket is for another user');
  return {
    fileId,
    contentKey: key,
    name,
    ownerId: owner,
    folderId: typeof folder === 'string' ? folder : undefined,
    createdBy: userId,
    size,
    sha256: typeof sha256 === 'string' ? sha256 : undefined,
  };
}
