// POST /wopi/ecosystem: API Gateway cannot route on headers, so X-WOPI-Override picks the operation.
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { pickOverride } from '../http/override';
import type { WopiCall } from '../http/wopi-request';
import { getFileWopiSrc } from './get-file-wopi-src';
import { getRootContainer } from './get-root-container';

export type EcosystemOverrideStores = Pick<Stores, 'files' | 'folders'>;

// A Map, so that "__proto__" or "constructor" are not keys. GET_ROOT_CONTAINER is GetRootContainer's shortcut form.
const operations = new Map<string, WopiOperation<EcosystemOverrideStores, WopiCall>>([
  ['GET_WOPI_SRC', getFileWopiSrc],
  ['GET_ROOT_CONTAINER', getRootContainer],
]);

export function selectEcosystemOverride(req: WopiCall): WopiOperation<EcosystemOverrideStores, WopiCall> {
  return pickOverride(req, operations);
}
