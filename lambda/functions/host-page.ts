// GET /host/files/{file_id}: the page that opens a file in the WOPI client (Collabora Online, Office for the web),
// for a user with an API key (Authorization: Bearer) or a short-lived link from the CLI (?link=).
import { randomBytes } from 'node:crypto';
import type { DiscoveryClient } from '../adapters/wopi-discovery';
import { verifyHostLink } from '../auth/host-link';
import { rightsOf } from '../domain/access';
import { visibleFile } from '../domain/check-out';
import { NotFoundError } from '../domain/errors';
import type { FileStore } from '../domain/ports';
import { activeUser, authenticate } from '../domain/users';
import { credentialsOf } from '../http/api-credentials';
import { type Authenticator, apiHandler } from '../http/api-handler';
import { launchInClient } from '../http/client-launch';
import { hostPage, hostPageError } from '../http/host-page-html';
import { checkedFileId } from '../http/wopi-request';
import { apiBase } from '../wiring/api-base';
import { discovery } from '../wiring/discovery';
import { fileStore } from '../wiring/dynamo';
import { tokenSecret } from '../wiring/token-secret';

// A link names its user; an API key is the fallback, so a script with a key needs no link.
const byLinkOrApiKey: Authenticator<HostPageStores> = async (event, deps) => {
  const link = event.queryStringParameters?.link;
  const now = deps.clock.now();
  if (link === undefined) return { user: await authenticate(deps.users, credentialsOf(event), now), ceiling: 'write' };
  const grant = await verifyHostLink(deps.tokenSecret, link, event.pathParameters?.file_id ?? '', now);
  const user = await activeUser(deps.users, grant.userId, 'The link');
  return { user, ceiling: grant.rights, ...(grant.notAfter !== undefined && { notAfter: grant.notAfter }) };
};

interface HostPageStores {
  readonly files: FileStore;
  readonly tokenSecret: Uint8Array;
  readonly discovery: DiscoveryClient | undefined;
}

const wire = async () => ({
  ...(await apiBase()),
  files: fileStore(),
  tokenSecret: await tokenSecret(),
  discovery: discovery(),
});

export const handler = apiHandler(
  'HostPage',
  hostPageError,
  wire,
  async (req, ctx) => {
    const record = await visibleFile(ctx.files, checkedFileId(req.pathId), ctx.user);
    const rights = rightsOf(record, ctx.user.userId, ctx.ceiling);
    if (rights === undefined) throw new NotFoundError(`File ${record.fileId} does not exist`); // visibleFile checked
    const launch = await launchInClient(ctx, req.baseUrl, record, rights);
    const nonce = randomBytes(16).toString('base64');
    return hostPage({ ...launch, title: record.name, nonce, frameAncestors: ctx.config.frameAncestors });
  },
  byLinkOrApiKey,
);
