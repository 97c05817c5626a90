// EnumerateChildren: everything directly inside a folder. The spec has no paging ("responses are expected to
// include all immediate children"), so the pages of listChildren (one Query each) are read to the end here.
import { BadRequestError } from './errors';
import { extensionOf } from './file-name';
import type { FileRecord } from './file-record';
import type { FolderRecord } from './folder-record';
import { type FolderDeps, listChildren, visibleFolder } from './folders';

/** Claims read per Query: DynamoDB returns at most 1 MB a page, far more than this many claims. */
const PAGE = 500;

export interface Children {
  /** The folder itself, as read for this listing. */
  readonly folder: FolderRecord;
  readonly files: readonly FileRecord[];
  readonly folders: readonly FolderRecord[];
}

/**
 * X-WOPI-FileExtensionFilterList: ".doc,.docx", leading dots, no spaces or wildcards; matched without regard to
 * case, on files only. Anything else is refused, so a filter is never silently ignored.
 */
export function parseExtensionFilter(header: string | undefined): ReadonlySet<string> | undefined {
  if (header === undefined || header === '') return undefined;
  const extensions = header.split(',');
  const bad = extensions.find((ext) => !/^\.[^.,\s*?]+$/u.test(ext));
  if (bad !== undefined) throw new BadRequestError(`X-WOPI-FileExtensionFilterList has "${bad}", not ".ext"`);
  return new Set(extensions.map((ext) => ext.toLowerCase()));
}

export async function folderChildren(
  deps: Pick<FolderDeps, 'names' | 'files' | 'folders'>,
  folderId: string,
  userId: string,
  extensions: ReadonlySet<string> | undefined,
  pageSize = PAGE,
): Promise<Children> {
  const { folder } = await visibleFolder(deps.folders, folderId, userId);
  const files: FileRecord[] = [];
  const folders: FolderRecord[] = [];
  let after: string | undefined;
  do {
    const page = await listChildren(deps, folder, { limit: pageSize, ...(after !== undefined && { after }) });
    for (const item of page.items) {
      if (item.kind === 'folder') folders.push(item.folder);
      else if (extensions === undefined || extensions.has(extensionOf(item.file.name).toLowerCase()))
        files.push(item.file);
    }
    after = page.next;
  } while (after !== undefined);
  return { folder, files, folders };
}
