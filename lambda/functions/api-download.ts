// GET /host/api/files/{file_id}/content: the file's bytes, or a redirect to a short-lived S3 URL when they are larger
// than a response may be.
import { visibleFile } from '../domain/check-out';
import { filesApiHandler, pathFileId } from '../http/files-api';
import { MAX_BODY_BYTES } from '../http/limits';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  contents: contentStore(),
});

export const handler = filesApiHandler('DownloadFile', wire, async (req, ctx) => {
  const { name, content } = await visibleFile(ctx, pathFileId(req), ctx.user);
  const headers = { 'Cache-Control': 'no-store' };
  if (content.size > MAX_BODY_BYTES) {
    const location = await ctx.contents.downloadUrl(content.contentKey, ctx.config.downloadUrlTtlSeconds);
    return { status: 302, headers: { ...headers, Location: location } };
  }
  return {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
    body: await ctx.contents.get(content.contentKey),
  };
});
