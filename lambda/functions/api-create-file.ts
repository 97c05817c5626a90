// POST /host/api/files: a new file. JSON {"name"} makes a blank document from the built-in template for its
// extension; JSON {"name", "size", "sha256"?} plans an upload straight to S3 (a URL to PUT the bytes to, and a ticket
// to commit them with, POST .../commit); any other body is the file's bytes, named by ?name=, up to the request limit.
import { mintUploadTicket, UPLOAD_TTL_SECONDS } from '../auth/upload-ticket';
import { createFile } from '../domain/create-file';
import { BadRequestError, PayloadTooLargeError } from '../domain/errors';
import { extensionOf } from '../domain/file-name';
import { newFilePlace } from '../domain/new-file-place';
import { planUpload } from '../domain/uploads';
import { templatesBase64 } from '../generated/templates';
import type { ApiRequest } from '../http/api-handler';
import { apiJson, type FilesApiContext, filesApiHandler, jsonFields, required } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { MAX_BODY_BYTES } from '../http/limits';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims, numberClaims, quota } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { tokenSecret } from '../wiring/token-secret';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
  numbers: numberClaims(),
  contents: contentStore(),
  quota: quota(),
  tokenSecret: await tokenSecret(),
});

type Context = FilesApiContext<Awaited<ReturnType<typeof wire>>>;

export const handler = filesApiHandler('CreateFile', wire, async (req, ctx) => {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return createInline(req, ctx);
  const fields = jsonFields(req);
  const name = required(fields.string('name'), 'name');
  const size = fields.number('size');
  const place = await placeOf(ctx, fields.string('folderId'));
  if (size === undefined) return created(ctx, await createFile(ctx, { name, ...place, bytes: blank(name) }, ctx.now));
  const upload = await planUpload(ctx, { name, ...place, size, sha256: fields.string('sha256') }, ctx.now);
  const { ticket, expiresAt } = await mintUploadTicket(ctx.tokenSecret, upload, ctx.now);
  return apiJson(200, {
    fileId: upload.fileId,
    method: 'PUT',
    url: await ctx.contents.uploadUrl(upload.contentKey, upload.size, UPLOAD_TTL_SECONDS),
    expiresAt: new Date(expiresAt).toISOString(),
    ticket,
    commitUrl: `${ctx.config.publicUrl ?? req.baseUrl}/host/api/files/${upload.fileId}/commit`,
  });
});

/** The new file's owner and folder, and its maker: the caller. */
async function placeOf(ctx: Context, folderId: string | undefined) {
  return { ...(await newFilePlace({ ...ctx, userId: ctx.user.userId }, folderId)), createdBy: ctx.user.userId };
}

function created(ctx: Context, record: Parameters<typeof fileJson>[0]) {
  return apiJson(201, fileJson(record, ctx.user.userId, ctx.now));
}

async function createInline(req: ApiRequest, ctx: Context) {
  const name = required(req.query.name, 'the name query parameter');
  if (req.body.byteLength > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(
      `The body is ${req.body.byteLength} bytes; send larger files to an upload URL (POST {"name", "size"})`,
    );
  }
  const place = await placeOf(ctx, req.query.folderId);
  return created(ctx, await createFile(ctx, { name, ...place, bytes: req.body }, ctx.now));
}

/** The blank document for the name's extension. */
function blank(name: string): Buffer {
  const extension = extensionOf(name).toLowerCase();
  const template = templatesBase64.get(extension);
  if (template === undefined) {
    const known = [...templatesBase64.keys()].join(', ');
    throw new BadRequestError(`No blank template for "${extension || name}"; there are ${known}, or upload the bytes`);
  }
  return Buffer.from(template, 'base64');
}
