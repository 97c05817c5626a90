// Unique file names per namespace (an owner's documents), safe against a crash or a failed request at any step.
// A claim is only trusted when the file it points at really has that name and is not in the trash; otherwise it is
// stale, and free. A claim younger than CLAIM_GRACE_MS still blocks its name, because the request that made it
// may be about to give its file that name (a rename claims first and renames second).
import type { FileRecord, FileStore, NameClaims } from './ports';

/** Longer than any request runs (API Gateway stops at 30 s, the functions at 29 s). */
export const CLAIM_GRACE_MS = 60_000;

export interface NameDeps {
  readonly names: NameClaims;
  readonly files: FileStore;
}

export type ClaimResult =
  | { readonly claimed: true }
  /** Taken: by `holder` when that file really has the name, or by a claim still within its grace. */
  | { readonly claimed: false; readonly holder: FileRecord | undefined };

function hasName(record: FileRecord | undefined, namespace: string, name: string): record is FileRecord {
  return (
    record !== undefined &&
    record.trashed === undefined &&
    record.ownerId === namespace &&
    record.name.toLowerCase() === name.toLowerCase()
  );
}

/** Claims `name` for `fileId`; a stale claim is taken over, never trusted. */
export async function claimName(
  deps: NameDeps,
  namespace: string,
  name: string,
  fileId: string,
  now: number,
): Promise<ClaimResult> {
  const claim = { name, fileId, claimedAt: now };
  // Each round either claims, finds a real holder, or replaces one stale claim; a few rounds settle any race.
  for (let round = 0; round < 5; round++) {
    if (await deps.names.put(namespace, claim)) return { claimed: true };
    const existing = await deps.names.get(namespace, name);
    if (existing === undefined) continue; // released meanwhile
    const holder = await deps.files.get(existing.fileId);
    if (hasName(holder, namespace, name)) return { claimed: false, holder };
    if (now - existing.claimedAt < CLAIM_GRACE_MS) return { claimed: false, holder: undefined };
    if (await deps.names.put(namespace, claim, existing)) return { claimed: true };
  }
  return { claimed: false, holder: undefined };
}

/** The file that really has `name` in the namespace, if any. */
export async function resolveName(deps: NameDeps, namespace: string, name: string): Promise<FileRecord | undefined> {
  const claim = await deps.names.get(namespace, name);
  if (claim === undefined) return undefined;
  const record = await deps.files.get(claim.fileId);
  return hasName(record, namespace, name) ? record : undefined;
}

/** Whether `claimName` would claim `name` now (nothing is written). */
export async function nameIsFree(deps: NameDeps, namespace: string, name: string, now: number): Promise<boolean> {
  const claim = await deps.names.get(namespace, name);
  if (claim === undefined) return true;
  if (hasName(await deps.files.get(claim.fileId), namespace, name)) return false;
  return now - claim.claimedAt >= CLAIM_GRACE_MS;
}

/** Frees the name if `fileId` still claims it; a failure leaves a stale claim, which is harmless. */
export async function releaseName(deps: NameDeps, namespace: string, name: string, fileId: string): Promise<void> {
  await deps.names.delete(namespace, name, fileId).catch(() => undefined);
}

/** The files of the namespace whose claims are trusted, by name. */
export async function filesIn(deps: NameDeps, namespace: string): Promise<FileRecord[]> {
  const claims = await deps.names.list(namespace);
  const records = await Promise.all(claims.map((claim) => deps.files.get(claim.fileId)));
  return records.filter((record, i) => hasName(record, namespace, claims[i]?.name ?? ''));
}
