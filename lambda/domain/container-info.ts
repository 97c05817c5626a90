// CheckContainerInfo's answer for a folder the user may see: what they may do in it, from their role over the chain
// of folders (read at this request) and never more than their token's ceiling.
import { DELETE_ROLES, EDIT_ROLES, type Rights } from './access';
import type { VisibleFolder } from './folders';

export interface ContainerInfo {
  readonly Name: string;
  readonly UserCanCreateChildContainer: boolean;
  readonly UserCanCreateChildFile: boolean;
  readonly UserCanDelete: boolean;
  readonly UserCanRename: boolean;
  readonly SupportedShareUrlTypes: readonly string[];
}

export function containerInfo(view: VisibleFolder, ceiling: Rights): ContainerInfo {
  const { folder, role } = view;
  const mayEdit = ceiling === 'write' && EDIT_ROLES.includes(role);
  // A root is never deleted (folders.ts deleteFolder); its owner may rename it, as any editor a folder.
  const isRoot = folder.parentId === undefined;
  return {
    Name: folder.name,
    UserCanCreateChildContainer: mayEdit,
    UserCanCreateChildFile: mayEdit,
    UserCanDelete: mayEdit && !isRoot && DELETE_ROLES.includes(role),
    UserCanRename: mayEdit,
    // As for files: a share URL carries no credential, so every user may have both.
    SupportedShareUrlTypes: ['ReadOnly', 'ReadWrite'],
  };
}
