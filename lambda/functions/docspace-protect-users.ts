// DocSpace: GET /api/2.0/files/file/{fileId}/protectusers lists the users with access and their rights.
import { visibleFile } from '../domain/check-out';
import { apiHandler } from '../http/api-handler';
import { docSpaceAccess, docSpaceError, docSpaceOk } from '../http/docspace';
import { apiBase } from '../wiring/api-base';
import { fileStore } from '../wiring/dynamo';

const wire = async () => ({ ...(await apiBase()), files: fileStore() });

export const handler = apiHandler('DocSpaceProtectUsers', docSpaceError, wire, async (req, ctx) => {
  const record = await visibleFile(ctx.files, req.fileId, ctx.user);
  const entries = Object.entries(record.access).filter(([, role]) => role !== 'disabled');
  const users = await Promise.all(
    entries.map(async ([userId, role]) => ({
      id: userId,
      displayName: (await ctx.users.getUser(userId))?.displayName ?? userId,
      ...docSpaceAccess[role === 'view' ? 'view' : 'edit'],
      isOwner: userId === record.ownerId,
    })),
  );
  return docSpaceOk(users);
});
