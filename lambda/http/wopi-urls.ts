// The WopiSrc URLs this host hands a client (PutRelativeFile's and CreateChildFile's Url, every container pointer,
// the ecosystem's Url), each with an access token scoped to what it names. A token made from a token keeps its
// ceiling on the rights and expires no later than the one that asked; what the user may do is still read from the
// items at each request.
import { mintScopedToken, type Rights, type TokenScope } from '../auth/access-token';
import type { OperationContext } from './operation';
import type { WopiCall } from './wopi-request';

const pathOf = (scope: TokenScope) =>
  scope.kind === 'file'
    ? `/wopi/files/${scope.id}`
    : scope.kind === 'container'
      ? `/wopi/containers/${scope.id}`
      : '/wopi/ecosystem';

/** The WOPI URL of the file, container or ecosystem with a token for the caller, at most `rights`. */
export async function wopiUrl(
  ctx: OperationContext,
  req: WopiCall,
  scope: TokenScope,
  rights: Rights = ctx.grant.rights,
): Promise<string> {
  const { grant } = ctx;
  const { token } = await mintScopedToken(
    ctx.tokenSecret,
    scope,
    { userId: grant.userId, userName: grant.userName, rights },
    ctx.config.tokenTtlSeconds,
    ctx.now,
    grant.expiresAt,
  );
  return `${ctx.config.publicUrl ?? req.baseUrl}${pathOf(scope)}?access_token=${encodeURIComponent(token)}`;
}

/** A ContainerPointer / ancestor / child container entry: the folder's name and its URL. */
export async function containerPointer(
  ctx: OperationContext,
  req: WopiCall,
  folder: { readonly folderId: string; readonly name: string },
): Promise<{ Name: string; Url: string }> {
  return { Name: folder.name, Url: await wopiUrl(ctx, req, { kind: 'container', id: folder.folderId }) };
}
