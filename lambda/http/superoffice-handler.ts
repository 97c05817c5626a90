// The two SuperOffice entries differ only in the check-out function they call.
import type { CheckOutDeps } from '../domain/check-out';
import { ConflictError, ForbiddenError } from '../domain/errors';
import type { FileRecord } from '../domain/file-record';
import type { FileStore } from '../domain/ports';
import type { User } from '../domain/users';
import { type ApiBase, apiHandler } from './api-handler';
import { acceptsMessage, superOfficeError, superOfficeOk, superOfficeRefusal } from './superoffice';

type CheckOutChange = (deps: CheckOutDeps, fileId: string, user: User) => Promise<FileRecord>;

export function superOfficeHandler(
  name: string,
  change: CheckOutChange,
  wire: () => Promise<ApiBase & { readonly files: FileStore }>,
) {
  return apiHandler(name, superOfficeError, wire, async (req, ctx) => {
    try {
      return superOfficeOk(await change(ctx, req.fileId, ctx.user));
    } catch (error) {
      // A refusal the user should read is a Message result, when the client takes those.
      const refusal = error instanceof ConflictError || error instanceof ForbiddenError;
      if (!refusal || !acceptsMessage(req.query.allowedReturnTypes)) throw error;
      const current = await ctx.files.get(req.fileId);
      return superOfficeRefusal({ fileId: req.fileId }, String(current?.content.version ?? ''), error.message);
    }
  });
}
