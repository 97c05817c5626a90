// Folders (WOPI containers): made, renamed, moved, shared and deleted by one conditional write on the folder's own
// item each, so nothing inside is ever rewritten; a role on a folder extends to everything inside it, read from the
// chain of folders at the moment of the request.
import type { Role, Share } from './access';
import { EDIT_ROLES, READ_ROLES, readable } from './access';
import { withActivity } from './activity';
import { ConflictError, ForbiddenError, NotFoundError, NotPermittedError, RelativeTargetTakenError } from './errors';
import { newFileId } from './file-id';
import { candidateNames, sanitizeFileName, validateFolderName } from './file-name';
import type { FileRecord } from './file-record';
import { childNamespace, type FolderRecord, ROOT_FOLDER_NAME, rootFolderId } from './folder-record';
import { claimName, fileNamespace, folderNamespace, freeNameLike, type NameDeps, releaseName } from './names';
import type { FileStore, FolderStore, NameClaims, SharedWith } from './ports';

export interface FolderDeps extends NameDeps {
  readonly folders: FolderStore;
  readonly files: FileStore;
  readonly names: NameClaims;
  readonly now: number;
  /** Who acts: a user id, or "cli:<account>" for an administrator. */
  readonly userId: string;
  /** An administrator's command (the CLI): it may change any folder, as the owner would. */
  readonly asAdministrator?: boolean;
}

/** Deeper than any real tree; a chain longer than this is a cycle a racing move left, and is refused. */
const MAX_DEPTH = 64;
const ATTEMPTS = 5;

/** The user's root folder ("My documents"), made the first time it is needed. */
export async function rootFolder(deps: Pick<FolderDeps, 'folders' | 'now'>, ownerId: string): Promise<FolderRecord> {
  const folderId = rootFolderId(ownerId);
  const existing = await deps.folders.get(folderId);
  if (existing !== undefined) return existing;
  const root: FolderRecord = {
    folderId,
    name: ROOT_FOLDER_NAME,
    ownerId,
    access: { [ownerId]: 'owner' },
    rev: 1,
    activity: [],
    createdAt: deps.now,
  };
  // Two requests may make it at once; the one that loses reads the winner's.
  if (await deps.folders.create(root)) return root;
  const made = await deps.folders.get(folderId);
  if (made === undefined) throw new Error(`Root folder ${folderId} vanished`);
  return made;
}

/** A live folder, or 404. */
export async function liveFolder(folders: FolderStore, folderId: string): Promise<FolderRecord> {
  const folder = await folders.get(folderId);
  if (folder === undefined || folder.trashed !== undefined)
    throw new NotFoundError(`Folder ${folderId} does not exist`);
  return folder;
}

/** The folder and its ancestors, nearest first, up to its root. */
export async function chainOf(folders: FolderStore, folder: FolderRecord): Promise<FolderRecord[]> {
  const chain = [folder];
  for (let current = folder; current.parentId !== undefined; ) {
    if (chain.length > MAX_DEPTH) throw new ConflictError(`Folder ${folder.folderId} is nested too deep`);
    const parent = await folders.get(current.parentId);
    if (parent === undefined) break; // a root not made yet: it grants nothing beyond its owner's own role
    chain.push(parent);
    current = parent;
  }
  return chain;
}

const rank: Readonly<Record<Role, number>> = { view: 1, edit: 2, 'edit+delete': 3, owner: 4, disabled: 0 };

/** The most generous of these roles; a disabled user's role ends everything. */
export function bestRole(roles: readonly (Role | undefined)[]): Role | undefined {
  if (roles.includes('disabled')) return 'disabled';
  return roles.reduce<Role | undefined>(
    (best, role) => (role && (!best || rank[role] > rank[best]) ? role : best),
    undefined,
  );
}

/** The user's role on the folder: the most generous over it and every folder above it. */
export async function roleOnFolder(
  folders: FolderStore,
  folder: FolderRecord,
  userId: string,
): Promise<Role | undefined> {
  return bestRole((await chainOf(folders, folder)).map((link) => link.access[userId]));
}

/**
 * The user's role on a file: its own, or what its folders give. A file in a root asks no folder: a root is never
 * shared, so only its owner has a role there, which the file's own access already holds.
 */
export async function roleOnFile(folders: FolderStore, file: FileRecord, userId: string): Promise<Role | undefined> {
  const own = file.access[userId];
  if (file.folderId === undefined || folders === undefined || own === 'owner' || own === 'disabled') return own;
  const folder = await folders.get(file.folderId);
  if (folder === undefined) return own;
  return bestRole([own, await roleOnFolder(folders, folder, userId)]);
}

/**
 * The record as the user's rights see it: their role on it replaced by the most generous of it and their folders'
 * (roleOnFile), so every rule that reads a role from the record reads the right one. One read per folder above, and
 * only for a file in a folder whose own roles do not already settle it.
 */
export async function effectiveRecord(folders: FolderStore, record: FileRecord, userId: string): Promise<FileRecord> {
  const role = await roleOnFile(folders, record, userId);
  return role === record.access[userId] || role === undefined
    ? record
    : { ...record, access: { ...record.access, [userId]: role } };
}

/** The file, if `userId` may read it: 404 for no file (or one in the trash) and for a user it was not given. */
export async function readableFile(
  deps: { readonly files: FileStore; readonly folders: FolderStore },
  fileId: string,
  userId: string,
): Promise<FileRecord> {
  const record = await deps.files.get(fileId);
  return readable(record && (await effectiveRecord(deps.folders, record, userId)), fileId, userId);
}

function mayEdit(role: Role | undefined): boolean {
  return role !== undefined && EDIT_ROLES.includes(role);
}

/** A folder the user may see, with what the rules read from it. */
export interface VisibleFolder {
  readonly folder: FolderRecord;
  /** The folder and its ancestors, nearest first (chainOf). */
  readonly chain: readonly FolderRecord[];
  /** The user's role on it: the most generous over the chain. */
  readonly role: Role;
}

/** The folder, its chain and the user's role, if the user may see it (404 otherwise, so an id reveals nothing). */
export async function visibleFolder(folders: FolderStore, folderId: string, userId: string): Promise<VisibleFolder> {
  const folder = await liveFolder(folders, folderId);
  const chain = await chainOf(folders, folder);
  const role = bestRole(chain.map((link) => link.access[userId]));
  if (role === undefined || !READ_ROLES.includes(role)) throw new NotFoundError(`Folder ${folderId} does not exist`);
  return { folder, chain, role };
}

/** The folder, if the user may see it (404 otherwise, so an id reveals nothing). */
export async function readableFolder(
  deps: Pick<FolderDeps, 'folders'>,
  folderId: string,
  userId: string,
): Promise<FolderRecord> {
  return (await visibleFolder(deps.folders, folderId, userId)).folder;
}

/** The role the acting user or administrator has on the folder. */
export async function actingRole(
  deps: Pick<FolderDeps, 'folders' | 'userId' | 'asAdministrator'>,
  folder: FolderRecord,
): Promise<Role | undefined> {
  return deps.asAdministrator === true ? 'owner' : roleOnFolder(deps.folders, folder, deps.userId);
}

/** The folder, if the acting user may change it: 404 if they may not see it, 401 if they may only see it. */
export async function editableFolder(deps: FolderDeps, folderId: string): Promise<FolderRecord> {
  const folder =
    deps.asAdministrator === true
      ? await liveFolder(deps.folders, folderId)
      : await readableFolder(deps, folderId, deps.userId);
  if (!mayEdit(await actingRole(deps, folder))) {
    throw new NotPermittedError(`${deps.userId} may not change folder ${folderId}`);
  }
  return folder;
}

export type FolderName =
  /** Exactly this name; a taken name is refused (409). */
  | { readonly mode: 'exact'; readonly name: string }
  /** The host may pick a free name ("name (2)"); never refused for the name. */
  | { readonly mode: 'suggested'; readonly name: string };

/** Makes a folder in `parentId`, owned by the owner of the tree it joins. */
export async function createFolder(deps: FolderDeps, parentId: string, wanted: FolderName): Promise<FolderRecord> {
  const parent = await editableFolder(deps, parentId);
  const folderId = newFileId();
  const namespace = childNamespace(parent);
  const name = await claimFolderName(deps, namespace, wanted, folderId);
  const folder: FolderRecord = {
    folderId,
    name,
    ownerId: parent.ownerId,
    parentId: parent.folderId,
    access: { [parent.ownerId]: 'owner' },
    rev: 1,
    activity: [{ at: deps.now, by: deps.userId, what: 'create', detail: name }],
    createdAt: deps.now,
  };
  if (!(await deps.folders.create(folder))) {
    await releaseName(deps, namespace, name, folderId);
    throw new Error(`Folder id ${folderId} already exists`);
  }
  return folder;
}

/** What a suggestion that is no usable name at all becomes. */
export const NEW_FOLDER_NAME = 'New folder';

async function claimFolderName(deps: FolderDeps, namespace: string, wanted: FolderName, folderId: string) {
  const claim = async (name: string) => (await claimName(deps, namespace, name, folderId, deps.now, 'folder')).claimed;
  if (wanted.mode === 'exact') {
    const name = validateFolderName(wanted.name);
    if (await claim(name)) return name;
    throw new RelativeTargetTakenError(name, await freeNameLike(deps, namespace, name, deps.now));
  }
  // A suggestion "must never result in a 400 or 409": made legal, then made unique, at last with part of the id.
  const name = sanitizeFileName(wanted.name, NEW_FOLDER_NAME);
  for (const candidate of [...candidateNames(name, 20), sanitizeFileName(`${name} ${folderId.slice(0, 8)}`, name)]) {
    if (await claim(candidate)) return candidate;
  }
  throw new ConflictError(`No free name like "${name}" in that folder`);
}

/**
 * Renames a folder; what is inside is not touched. A root has no siblings, so its new name claims nothing (the
 * validator's RenameContainer cases rename the container a file is in, which for a file of one's own is the root).
 */
export async function renameFolder(deps: FolderDeps, folderId: string, requested: string): Promise<FolderRecord> {
  const name = validateFolderName(requested);
  return changeFolder(deps, folderId, async (folder) => {
    if (name === folder.name) return undefined;
    return { namespace: folderNamespace(folder), name, change: { name } };
  });
}

/** Moves a folder under another of the same owner's folders; refused if that is inside the folder itself. */
export async function moveFolder(deps: FolderDeps, folderId: string, newParentId: string): Promise<FolderRecord> {
  const target = await editableFolder(deps, newParentId);
  return changeFolder(deps, folderId, async (folder) => {
    if (folderNamespace(folder) === undefined) throw new ForbiddenError('A root folder stays where it is');
    if (target.ownerId !== folder.ownerId) throw new ForbiddenError("A folder moves only within its owner's folders");
    const above = await chainOf(deps.folders, target);
    if (above.some((link) => link.folderId === folder.folderId)) {
      throw new ConflictError('A folder cannot move into itself or into a folder inside it');
    }
    if (folder.parentId === target.folderId) return undefined;
    return { namespace: childNamespace(target), name: folder.name, change: { parentId: target.folderId } };
  });
}

interface PlannedMove {
  /** Where the name must be free; undefined for a root, whose name is among no siblings. */
  readonly namespace: string | undefined;
  readonly name: string;
  readonly change: { readonly name?: string; readonly parentId?: string };
}

/**
 * Claims the folder's new name (in its new place), writes the change if the folder is still as read, then frees
 * the old claim; a crash between the steps leaves a stale claim only, as a file's rename does.
 */
async function changeFolder(
  deps: FolderDeps,
  folderId: string,
  plan: (folder: FolderRecord) => Promise<PlannedMove | undefined>,
): Promise<FolderRecord> {
  for (let attempt = 1; ; attempt++) {
    const folder = await editableFolder(deps, folderId);
    const planned = await plan(folder);
    if (planned === undefined) return folder;
    const oldNamespace = folderNamespace(folder);
    const newNamespace = planned.namespace;
    const same = newNamespace === oldNamespace && planned.name.toLowerCase() === folder.name.toLowerCase();
    // A root (no namespace) claims and frees no name.
    const claims = !same && newNamespace !== undefined && oldNamespace !== undefined;
    if (claims && !(await claimName(deps, newNamespace, planned.name, folderId, deps.now, 'folder')).claimed) {
      // RenameContainer: "409 Target container already exists".
      throw new ConflictError(`Something named "${planned.name}" already exists in that folder`);
    }
    const entry = { at: deps.now, by: deps.userId, what: 'rename' as const, detail: planned.name };
    const change = { ...planned.change, activity: withActivity(folder.activity, entry), rev: folder.rev + 1 };
    const result = await deps.folders.update(folderId, folder.rev, change);
    if (claims) {
      const [released, namespace] = result.applied ? [folder.name, oldNamespace] : [planned.name, newNamespace];
      await releaseName(deps, namespace, released, folderId);
    }
    if (result.applied) return result.record;
    if (attempt === ATTEMPTS) throw new ConflictError(`Folder ${folderId} kept changing; try again`);
  }
}

/** Deletes an empty folder (never a root); WOPI DeleteContainer: 409 while anything is inside. */
export async function deleteFolder(deps: FolderDeps, folderId: string): Promise<void> {
  const folder = await editableFolder(deps, folderId);
  const namespace = folderNamespace(folder);
  if (namespace === undefined) throw new ForbiddenError('A root folder cannot be deleted');
  const role = await actingRole(deps, folder);
  if (role !== 'owner' && role !== 'edit+delete') {
    throw new NotPermittedError('Only the owner, or an editor the owner allowed to, may delete a folder');
  }
  const children = await listChildren(deps, folder, { limit: 1 });
  if (children.items.length > 0) throw new ConflictError(`Folder ${folder.name} is not empty`);
  const entry = { at: deps.now, by: deps.userId, what: 'trash' as const };
  const change = {
    trashed: { at: deps.now, by: deps.userId },
    activity: withActivity(folder.activity, entry),
    rev: folder.rev + 1,
  };
  const result = await deps.folders.update(folderId, folder.rev, change);
  if (!result.applied) throw new ConflictError(`Folder ${folderId} changed meanwhile; try again`);
  await releaseName(deps, namespace, folder.name, folderId);
}

/** Gives `userId` a share of the folder and all inside it, or with undefined takes it away. Owner only. */
export async function shareFolder(
  deps: FolderDeps & { readonly sharedWith: SharedWith },
  folderId: string,
  userId: string,
  share: Share | undefined,
): Promise<FolderRecord> {
  const check = async (folder: FolderRecord) => {
    const role = await actingRole(deps, folder);
    if (role === undefined) throw new NotFoundError(`Folder ${folderId} does not exist`);
    if (role !== 'owner') throw new NotPermittedError('Only the owner shares a folder');
    if (folder.parentId === undefined) {
      throw new ForbiddenError("A root folder is its owner's own; share a folder in it");
    }
    if (folder.ownerId === userId) throw new ForbiddenError(`${userId} owns ${folder.name}; an owner is not shared`);
  };
  // The hint comes before the write (a crash leaves a hint without a share, never a share nobody can list), and only
  // for a share the rules allow: a refused request writes nothing.
  if (share !== undefined) {
    await check(await liveFolder(deps.folders, folderId));
    await deps.sharedWith.add(userId, folderHint(folderId));
  }
  const shared = await setFolderRole(deps, folderId, userId, share ?? null, `${userId}: ${share ?? 'none'}`, check);
  if (share === undefined) await deps.sharedWith.remove(userId, folderHint(folderId)).catch(() => undefined);
  return shared;
}

/** Sets one user's role on the folder, if `check` allows it on the folder as read; one conditional write. */
export async function setFolderRole(
  deps: Pick<FolderDeps, 'folders' | 'now' | 'userId'>,
  folderId: string,
  userId: string,
  role: Role | null,
  detail: string,
  check: (folder: FolderRecord) => Promise<void> = async () => undefined,
): Promise<FolderRecord> {
  for (let attempt = 1; ; attempt++) {
    const folder = await liveFolder(deps.folders, folderId);
    await check(folder);
    const entry = { at: deps.now, by: deps.userId, what: 'share' as const, detail };
    const change = { access: { [userId]: role }, activity: withActivity(folder.activity, entry), rev: folder.rev + 1 };
    const result = await deps.folders.update(folderId, folder.rev, change);
    if (result.applied) return result.record;
    if (attempt === ATTEMPTS) throw new ConflictError(`Folder ${folderId} kept changing; try again`);
  }
}

/** A shared-with hint names a folder by this prefix, a file by its bare id. */
export const FOLDER_HINT_PREFIX = 'folder:';
export const folderHint = (folderId: string) => `${FOLDER_HINT_PREFIX}${folderId}`;

export interface ChildrenPage {
  readonly items: readonly (
    | { readonly kind: 'folder'; readonly folder: FolderRecord }
    | { readonly kind: 'file'; readonly file: FileRecord }
  )[];
  /** Where the next page starts; absent on the last page. */
  readonly next?: string;
}

/**
 * A page of what is in the folder, by name: one Query over its children's claims, then their records in one batch
 * read per kind, so a page costs the same few requests in a folder of any size.
 */
export async function listChildren(
  deps: Pick<FolderDeps, 'names' | 'files' | 'folders'>,
  folder: FolderRecord,
  page: { readonly limit: number; readonly after?: string },
): Promise<ChildrenPage> {
  const namespace = childNamespace(folder);
  const claims = await deps.names.page(namespace, page.limit, page.after);
  const idsOf = (kind: 'file' | 'folder') =>
    claims.claims.filter((claim) => (claim.kind === 'folder') === (kind === 'folder')).map((claim) => claim.fileId);
  const [folders, files] = await Promise.all([
    idsOf('folder').length > 0 ? deps.folders.getMany(idsOf('folder')) : new Map<string, FolderRecord>(),
    idsOf('file').length > 0 ? deps.files.getMany(idsOf('file')) : new Map<string, FileRecord>(),
  ]);
  // A claim is trusted only when what it names is there, not trashed, and has that name in this folder.
  const named = (item: { name: string; trashed?: unknown } | undefined, name: string) =>
    item !== undefined && item.trashed === undefined && item.name.toLowerCase() === name.toLowerCase();
  const items = claims.claims.flatMap((claim): ChildrenPage['items'][number][] => {
    if (claim.kind === 'folder') {
      const child = folders.get(claim.fileId);
      return named(child, claim.name) && child && folderNamespace(child) === namespace
        ? [{ kind: 'folder', folder: child }]
        : [];
    }
    const file = files.get(claim.fileId);
    return named(file, claim.name) && file && fileNamespace(file) === namespace ? [{ kind: 'file', file }] : [];
  });
  return { items, ...(claims.next !== undefined && { next: claims.next }) };
}
