// Opening a file in the WOPI client, as the WOPI docs describe it for hosts: the client's action for the file's
// extension from its discovery, its urlsrc filled with WOPISrc, and an access token for the user. The host page
// (GET /host/files/{id}) POSTs these into the client's frame; the files API's open (POST .../open) hands them to an
// application that embeds the editor in its own page.
import { type DiscoveryClient, fillUrlSrc, pickAction } from '../adapters/wopi-discovery';
import { mintAccessToken } from '../auth/access-token';
import type { Config } from '../config';
import type { Rights } from '../domain/access';
import { NotImplementedError, UnsupportedFileTypeError } from '../domain/errors';
import { extensionOf } from '../domain/file-name';
import type { FileRecord } from '../domain/file-record';
import type { User } from '../domain/users';

export interface LaunchContext {
  readonly config: Config;
  readonly tokenSecret: Uint8Array;
  readonly discovery: DiscoveryClient | undefined;
  readonly now: number;
  readonly user: User;
  /** Epoch ms: the token may not outlive the credential that asked for it. */
  readonly notAfter?: number | undefined;
}

export interface Launch {
  readonly wopiSrc: string;
  /** The action's URL to POST access_token and access_token_ttl to (in a form whose target is the client's frame). */
  readonly actionUrl: string;
  readonly accessToken: string;
  /** The token's absolute expiry in ms since the epoch, as access_token_ttl wants it. */
  readonly accessTokenTtl: number;
}

/** What it takes to open the file for `rights`; 501 without a WOPI client, 415 for a type the client cannot open. */
export async function launchInClient(
  ctx: LaunchContext,
  baseUrl: string,
  record: FileRecord,
  rights: Rights,
): Promise<Launch> {
  if (ctx.discovery === undefined) throw new NotImplementedError('no WOPI client configured (WOPI_DISCOVERY_URL)');
  const { actions } = await ctx.discovery.get();
  const extension = extensionOf(record.name);
  const action = pickAction(actions, extension, rights === 'write' ? 'edit' : 'view');
  if (action === undefined) {
    throw new UnsupportedFileTypeError(`The WOPI client has no action for "${extension || record.name}" files`);
  }
  const wopiSrc = `${ctx.config.publicUrl ?? baseUrl}/wopi/files/${record.fileId}`;
  const { token, expiresAt } = await mintAccessToken(
    ctx.tokenSecret,
    { fileId: record.fileId, userId: ctx.user.userId, userName: ctx.user.displayName, rights },
    ctx.config.tokenTtlSeconds,
    ctx.now,
    ctx.notAfter,
  );
  return { wopiSrc, actionUrl: fillUrlSrc(action.urlsrc, { wopiSrc }), accessToken: token, accessTokenTtl: expiresAt };
}
