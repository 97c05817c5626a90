// Unique names per folder (files and folders alike), safe against a crash or a failed request at any step. A claim
// is only trusted when the file or folder it points at really has that name in that folder and is not in the
// trash; otherwise it is stale, and free. A claim younger than CLAIM_GRACE_MS still blocks its name, because the
// request that made it may be about to give its item that name (a rename claims first and renames second).
//
// A namespace is a folder's children: for a root folder its owner's id (the namespace files had before folders
// existed, so every earlier claim stays valid), for any other folder the folder's id.
import type { FileRecord } from './file-record';
import { type FolderRecord, rootFolderId } from './folder-record';
import type { FileStore, FolderStore, NameClaim, NameClaims } from './ports';

/** Longer than any request runs (API Gateway stops at 30 s, the functions at 29 s). */
export const CLAIM_GRACE_MS = 60_000;

export interface NameDeps {
  readonly names: NameClaims;
  readonly files: FileStore;
  /** Without it, a folder's claim cannot be checked and counts as taken, which never frees a name wrongly. */
  readonly folders?: FolderStore;
}

/** The namespace a file's name lives in: its folder's children. */
export function fileNamespace(file: Pick<FileRecord, 'ownerId' | 'folderId'>): string {
  return file.folderId ?? file.ownerId;
}

/** The namespace a folder's name lives in; undefined for a root, which has no name among siblings. */
export function folderNamespace(folder: FolderRecord): string | undefined {
  if (folder.parentId === undefined) return undefined;
  return folder.parentId === rootFolderId(folder.ownerId) ? folder.ownerId : folder.parentId;
}

export type Holder =
  | { readonly kind: 'file'; readonly record: FileRecord }
  | { readonly kind: 'folder'; readonly record: FolderRecord };

export type ClaimResult =
  | { readonly claimed: true }
  /** Taken: by `holder` when that file or folder really has the name, or by a claim still within its grace. */
  | { readonly claimed: false; readonly holder: Holder | undefined };

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The file or folder the claim names, if it really has the name in the namespace; 'unknown' when unverifiable. */
async function trustedHolder(
  deps: NameDeps,
  namespace: string,
  claim: NameClaim,
): Promise<Holder | 'unknown' | undefined> {
  if (claim.kind === 'folder') {
    if (deps.folders === undefined) return 'unknown';
    const folder = await deps.folders.get(claim.fileId);
    const holds = folder !== undefined && folder.trashed === undefined && folderNamespace(folder) === namespace;
    return holds && sameName(folder.name, claim.name) ? { kind: 'folder', record: folder } : undefined;
  }
  const file = await deps.files.get(claim.fileId);
  const holds = file !== undefined && file.trashed === undefined && fileNamespace(file) === namespace;
  return holds && sameName(file.name, claim.name) ? { kind: 'file', record: file } : undefined;
}

/** Claims `name` for the file or folder `id`; a stale claim is taken over, never trusted. */
export async function claimName(
  deps: NameDeps,
  namespace: string,
  name: string,
  id: string,
  now: number,
  kind: 'file' | 'folder' = 'file',
): Promise<ClaimResult> {
  const claim: NameClaim = { name, fileId: id, claimedAt: now, ...(kind === 'folder' && { kind }) };
  // Each round either claims, finds a real holder, or replaces one stale claim; a few rounds settle any race.
  for (let round = 0; round < 5; round++) {
    if (await deps.names.put(namespace, claim)) return { claimed: true };
    const existing = await deps.names.get(namespace, name);
    if (existing === undefined) continue; // released meanwhile
    const holder = await trustedHolder(deps, namespace, existing);
    if (holder === 'unknown') return { claimed: false, holder: undefined };
    if (holder !== undefined) return { claimed: false, holder };
    if (now - existing.claimedAt < CLAIM_GRACE_MS) return { claimed: false, holder: undefined };
    if (await deps.names.put(namespace, claim, existing)) return { claimed: true };
  }
  return { claimed: false, holder: undefined };
}

/** The file that really has `name` in the namespace, if any (a folder of that name is not a file). */
export async function resolveName(deps: NameDeps, namespace: string, name: string): Promise<FileRecord | undefined> {
  const claim = await deps.names.get(namespace, name);
  if (claim === undefined || claim.kind === 'folder') return undefined;
  const holder = await trustedHolder(deps, namespace, claim);
  return typeof holder === 'object' && holder.kind === 'file' ? holder.record : undefined;
}

/** Whether `claimName` would claim `name` now (nothing is written). */
export async function nameIsFree(deps: NameDeps, namespace: string, name: string, now: number): Promise<boolean> {
  const claim = await deps.names.get(namespace, name);
  if (claim === undefined) return true;
  const holder = await trustedHolder(deps, namespace, claim);
  if (holder !== undefined) return false;
  return now - claim.claimedAt >= CLAIM_GRACE_MS;
}

/** Frees the name if `id` still claims it; a failure leaves a stale claim, which is harmless. */
export async function releaseName(deps: NameDeps, namespace: string, name: string, id: string): Promise<void> {
  await deps.names.delete(namespace, name, id).catch(() => undefined);
}

/** The files of the namespace whose claims are trusted, by name. */
export async function filesIn(deps: NameDeps, namespace: string): Promise<FileRecord[]> {
  const claims = (await deps.names.list(namespace)).filter((claim) => claim.kind !== 'folder');
  const holders = await Promise.all(claims.map((claim) => trustedHolder(deps, namespace, claim)));
  return holders.flatMap((holder) => (typeof holder === 'object' && holder.kind === 'file' ? [holder.record] : []));
}
