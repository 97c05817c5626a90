// POST /wopi/containers/{container_id}: API Gateway cannot route on headers, so X-WOPI-Override picks the operation.
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { pickOverride } from '../http/override';
import type { ContainerRequest } from '../http/wopi-request';
import { createChildContainer } from './create-child-container';
import { createChildFile } from './create-child-file';
import { deleteContainer } from './delete-container';
import { getContainerShareUrl } from './get-container-share-url';
import { renameContainer } from './rename-container';

/** The stores the overrides use between them: the containers-override function wires all of them. */
export type ContainerOverrideStores = Pick<
  Stores,
  'files' | 'folders' | 'contents' | 'names' | 'recovery' | 'usage' | 'numbers'
>;

// A Map, so that "__proto__" or "constructor" are not keys.
const operations = new Map<string, WopiOperation<ContainerOverrideStores, ContainerRequest>>([
  ['CREATE_CHILD_CONTAINER', createChildContainer],
  ['CREATE_CHILD_FILE', createChildFile],
  ['DELETE_CONTAINER', deleteContainer],
  ['RENAME_CONTAINER', renameContainer],
  ['GET_SHARE_URL', getContainerShareUrl],
]);

export function selectContainerOverride(
  req: ContainerRequest,
): WopiOperation<ContainerOverrideStores, ContainerRequest> {
  return pickOverride(req, operations);
}
