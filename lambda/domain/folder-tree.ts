// Walking a folder tree for an administrator's whole-tree commands (listing a user's files, disabling a user); WOPI
// and the files API page through one folder at a time instead.
import type { FileRecord } from './file-record';
import type { FolderRecord } from './folder-record';
import { type ChildrenPage, type FolderDeps, listChildren } from './folders';

type TreeDeps = Pick<FolderDeps, 'names' | 'files' | 'folders'>;
const PAGE = 100;

/** Everything in the folder, page by page. */
export async function* childrenOf(deps: TreeDeps, folder: FolderRecord): AsyncGenerator<ChildrenPage['items'][number]> {
  let after: string | undefined;
  do {
    const page = await listChildren(deps, folder, { limit: PAGE, ...(after !== undefined && { after }) });
    yield* page.items;
    after = page.next;
  } while (after !== undefined);
}

/** Every file in the folder and the folders inside it, with its path from there. */
export async function* filesBelow(
  deps: TreeDeps,
  folder: FolderRecord,
  prefix = '',
): AsyncGenerator<{ readonly path: string; readonly record: FileRecord }> {
  for await (const item of childrenOf(deps, folder)) {
    if (item.kind === 'file') yield { path: `${prefix}${item.file.name}`, record: item.file };
    else yield* filesBelow(deps, item.folder, `${prefix}${item.folder.name}/`);
  }
}
