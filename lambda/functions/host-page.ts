// GET /host/files/{file_id}: the page that opens a file in the WOPI client (Collabora Online, Office for the web),
// for a user with an API key (Authorization: Bearer) or a short-lived link from the CLI (?link=); a share URL's
// ?mode=view opens it read-only.
import { randomBytes } from 'node:crypto';
import type { DiscoveryClient } from '../adapters/wopi-discovery';
import { verifyHostLink } from '../auth/host-link';
import { type Rights, rightsOf } from '../domain/access';
import { visibleFile } from '../domain/check-out';
import { BadRequestError, NotFoundError } from '../domain/errors';
import type { FileStore, FolderStore } from '../domain/ports';
import { activeUser, authenticate } from '../domain/users';
import { credentialsOf } from '../http/api-credentials';
import { type Authenticator, apiHandler } from '../http/api-handler';
import { launchInClient } from '../http/client-launch';
import { hostPage, hostPageError } from '../http/host-page-html';
import { checkedFileId } from '../http/wopi-request';
import { apiBase } from '../wiring/api-base';
import { discovery } from '../wiring/discovery';
import { fileStore, folderStore } from '../wiring/dynamo';
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

/** A share URL's ?mode= lowers what the page opens the file for (view), never raises it. */
function openedFor(mode: string | undefined, ceiling: Rights): Rights {
  if (mode === undefined || mode === 'edit') return ceiling;
  if (mode === 'view') return 'read';
  throw new BadRequestError('mode must be view or edit');
}

interface HostPageStores {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly tokenSecret: Uint8Array;
  readonly discovery: DiscoveryClient | undefined;
}

const wire = async () => ({
  ...(await apiBase()),
  files: fileStore(),
  folders: folderStore(),
  tokenSecret: await tokenSecret(),
  discovery: discovery(),
});

export const handler = apiHandler(
  'HostPage',
  hostPageError,
  wire,
  async (req, ctx) => {
    const fileId = checkedFileId(req.pathId);
    const record = await visibleFile(ctx, fileId, ctx.user);
    const rights = rightsOf(record, ctx.user.userId, openedFor(req.query.mode, ctx.ceiling));
    if (rights === undefined) throw new NotFoundError(`File ${fileId} does not exist`); // visibleFile checked
    const launch = await launchInClient(ctx, req.baseUrl, record, rights);
    const nonce = randomBytes(16).toString('base64');
    return hostPage({ ...launch, title: record.name, nonce, frameAncestors: ctx.config.frameAncestors });
  },
  byLinkOrApiKey,
);
