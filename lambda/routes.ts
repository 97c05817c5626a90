// The one route table: the CDK stack makes an API Gateway route and a Lambda function of each row, and the
// local server dispatches to the same entry modules, so the two can never disagree.
import type { PartitionPrefix } from './adapters/partition-keys';
import type { FILE_KEY_PREFIXES } from './domain/content-keys';

/** The DynamoDB actions a function may be granted: item actions and Query, each naming its partition key. */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem';
/** The S3 actions a function may be granted: on objects, and ListBucket on the bucket under a key prefix. */
export type BucketAction = 'GetObject' | 'PutObject' | 'DeleteObject' | 'ListBucket';
export type ObjectPrefix = (typeof FILE_KEY_PREFIXES)[number];
/** At least one: an action granted on no keys is an action not granted, so it is left out instead. */
export type Prefixes<Prefix extends string> = readonly [Prefix, ...Prefix[]];

/**
 * Exactly what a function may do: per action, the key prefixes it may touch (table: the partition key, scoped by
 * dynamodb:LeadingKeys; bucket: the object key). The stack grants this and nothing else, and
 * test/integration/iam-grants.test.ts runs every operation of the function against the emulators and fails when it
 * sends a request this does not allow, or when this allows anything none of the runs used.
 */
export interface Grants {
  readonly table?: Readonly<Partial<Record<TableAction, Prefixes<PartitionPrefix>>>>;
  /** A presigned GET URL is a GetObject: S3 checks it against the role that signed it. */
  readonly bucket?: Readonly<Partial<Record<BucketAction, Prefixes<ObjectPrefix>>>>;
  /** It verifies or signs access tokens or host-page links: GetSecretValue on the signing key. */
  readonly tokenSecret: boolean;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path with {parameters}. */
  readonly path: string;
  /** Module under lambda/ that exports `handler`. */
  readonly entry: string;
  readonly grants: Grants;
}

// Every WOPI operation verifies its access token. Updating a file's record may meet an item of the earlier layout,
// which the adapter rewrites once with a PutItem (adapters/file-item.ts), so every route that updates one may put one.
// The API routes authenticate with an API key (apikey#) and the user it belongs to (user#). A user's role on a file
// in a folder may come from the folder or one above it (folder#), read at the request.
/**
 * DocSpace: authenticate (apikey#, user#), find the file by id or document number (docno#), change its record (an
 * item of the earlier layout is rewritten once, file#), and answer its document number, which a file made before
 * numbers gets on first use: a claim put, the record updated, the claim of a race's loser deleted.
 */
const DOCSPACE_GRANTS = {
  GetItem: ['apikey#', 'user#', 'file#', 'docno#', 'folder#'],
  UpdateItem: ['file#'],
  PutItem: ['file#', 'docno#'],
  DeleteItem: ['docno#'],
} as const satisfies Grants['table'];

/** SuperOffice's check-out, check-in and undo: as DocSpace, but its answers carry our file id, not the number. */
const SUPEROFFICE_CHANGE_GRANTS = {
  GetItem: ['apikey#', 'user#', 'file#', 'docno#', 'folder#'],
  UpdateItem: ['file#'],
  PutItem: ['file#'],
} as const satisfies Grants['table'];

/** SuperOffice's check-out state names the holder by associate number, which a user made before numbers gets now. */
const SUPEROFFICE_STATE_GRANTS = {
  GetItem: ['apikey#', 'user#', 'file#', 'docno#', 'folder#'],
  UpdateItem: ['user#'],
  PutItem: ['assoc#'],
  DeleteItem: ['assoc#'],
} as const satisfies Grants['table'];

export const routes: readonly Route[] = [
  {
    method: 'GET',
    path: '/wopi/files/{file_id}',
    entry: 'check-file-info',
    // The record and the user's PutUserInfo string in one BatchGetItem; FileUrl is a link signed with the token key.
    grants: { tokenSecret: true, table: { BatchGetItem: ['file#', 'user#'], GetItem: ['folder#'] } },
  },
  {
    method: 'GET',
    path: '/wopi/files/{file_id}/contents',
    entry: 'get-file',
    // The bytes, or a presigned GET of them when they are too large for the response.
    grants: { tokenSecret: true, table: { GetItem: ['file#', 'folder#'] }, bucket: { GetObject: ['files/'] } },
  },
  {
    method: 'GET',
    path: '/download/files/{file_id}',
    entry: 'file-url',
    // CheckFileInfo's FileUrl: GetFile's reads, for the user its link names.
    grants: { tokenSecret: true, table: { GetItem: ['file#', 'folder#'] }, bucket: { GetObject: ['files/'] } },
  },
  {
    method: 'POST',
    path: '/wopi/files/{file_id}/contents',
    entry: 'put-file',
    // A save uploads and commits; a refused one becomes a recovery copy beside the record (uploaded, or copied from
    // the upload), and the oldest copies beyond WOPI_RECOVERY_KEPT are listed (Query) and removed.
    grants: {
      tokenSecret: true,
      table: {
        GetItem: ['file#', 'folder#'],
        UpdateItem: ['file#'],
        PutItem: ['file#'],
        Query: ['file#'],
        DeleteItem: ['file#'],
      },
      bucket: { GetObject: ['files/'], PutObject: ['files/', 'recovery/'], DeleteObject: ['files/', 'recovery/'] },
    },
  },
  {
    method: 'POST',
    path: '/wopi/files/{file_id}',
    entry: 'files-override',
    // Lock, GetLock, RefreshLock, Unlock, UnlockAndRelock, PutRelativeFile, RenameFile, DeleteFile, PutUserInfo,
    // picked by X-WOPI-Override, so the union of theirs: the file's record, its name claims (names#), the owner's
    // trash hint and the user's PutUserInfo string (user#); PutRelativeFile creates a file, or overwrites one by a
    // save, with that save's recovery copies.
    grants: {
      tokenSecret: true,
      table: {
        GetItem: ['file#', 'names#', 'folder#'],
        UpdateItem: ['file#'],
        // A new file's document number is claimed at its creation (docno#).
        PutItem: ['file#', 'names#', 'user#', 'docno#'],
        Query: ['file#'],
        DeleteItem: ['file#', 'names#', 'user#'],
      },
      bucket: { GetObject: ['files/'], PutObject: ['files/', 'recovery/'], DeleteObject: ['files/', 'recovery/'] },
    },
  },
  {
    method: 'GET',
    path: '/wopi/files/{file_id}/ancestry',
    entry: 'enumerate-file-ancestors',
    // The file, its folders up to the root, and the owner's root made on first need.
    grants: { tokenSecret: true, table: { GetItem: ['file#', 'folder#'], PutItem: ['folder#'] } },
  },
  {
    method: 'GET',
    path: '/wopi/files/{file_id}/ecosystem_pointer',
    entry: 'get-file-ecosystem',
    grants: { tokenSecret: true, table: { GetItem: ['file#', 'folder#'] } },
  },
  // WOPI containers: the folders, each a folder# item; what is inside one is its children's name claims (names#).
  {
    method: 'GET',
    path: '/wopi/containers/{container_id}',
    entry: 'check-container-info',
    grants: { tokenSecret: true, table: { GetItem: ['folder#'] } },
  },
  {
    method: 'POST',
    path: '/wopi/containers/{container_id}',
    entry: 'containers-override',
    // CreateChildContainer, CreateChildFile, DeleteContainer and RenameContainer, picked by X-WOPI-Override: the
    // folders and the name claims they hold (a claim is checked against the file or folder it names); a new file
    // as PutRelativeFile makes one (its number, docno#), or an overwrite by a save with that save's recovery copies;
    // a delete asks for one child (Query names#) and reads it (BatchGetItem).
    grants: {
      tokenSecret: true,
      table: {
        GetItem: ['folder#', 'names#', 'file#'],
        BatchGetItem: ['folder#', 'file#'],
        UpdateItem: ['folder#', 'file#'],
        PutItem: ['folder#', 'names#', 'file#', 'docno#'],
        Query: ['names#', 'file#'],
        DeleteItem: ['names#', 'file#'],
      },
      bucket: { GetObject: ['files/'], PutObject: ['files/', 'recovery/'], DeleteObject: ['files/', 'recovery/'] },
    },
  },
  {
    method: 'GET',
    path: '/wopi/containers/{container_id}/children',
    entry: 'enumerate-children',
    // One Query of the children's claims per page, and the items they name in a batch read per kind.
    grants: {
      tokenSecret: true,
      table: { GetItem: ['folder#'], BatchGetItem: ['folder#', 'file#'], Query: ['names#'] },
    },
  },
  {
    method: 'GET',
    path: '/wopi/containers/{container_id}/ancestry',
    entry: 'enumerate-container-ancestors',
    grants: { tokenSecret: true, table: { GetItem: ['folder#'] } },
  },
  {
    method: 'GET',
    path: '/wopi/containers/{container_id}/ecosystem_pointer',
    entry: 'get-container-ecosystem',
    grants: { tokenSecret: true, table: { GetItem: ['folder#'] } },
  },
  // The WOPI ecosystem: the user's own, named by the token alone.
  {
    method: 'GET',
    path: '/wopi/ecosystem',
    entry: 'check-ecosystem',
    grants: { tokenSecret: true },
  },
  {
    method: 'GET',
    path: '/wopi/ecosystem/root_container_pointer',
    entry: 'get-root-container',
    // The user's root folder, made on first need.
    grants: { tokenSecret: true, table: { GetItem: ['folder#'], PutItem: ['folder#'] } },
  },
  {
    method: 'POST',
    path: '/wopi/ecosystem',
    entry: 'ecosystem-override',
    // GetFileWopiSrc (the file, and its folders for a role they give) and GetRootContainer's shortcut (the root,
    // made on first need), picked by X-WOPI-Override.
    grants: { tokenSecret: true, table: { GetItem: ['file#', 'folder#'], PutItem: ['folder#'] } },
  },
  // Check-out in the shapes of ONLYOFFICE DocSpace (seed 003) and SuperOffice (seed 004).
  {
    method: 'PUT',
    path: '/api/2.0/files/file/{file_id}/lock',
    entry: 'docspace-lock',
    grants: { tokenSecret: false, table: DOCSPACE_GRANTS },
  },
  {
    method: 'GET',
    path: '/api/2.0/files/file/{file_id}',
    entry: 'docspace-file',
    // Reads, and numbers a file made before numbers (that update needs no item of the current layout).
    grants: {
      tokenSecret: false,
      table: { GetItem: DOCSPACE_GRANTS.GetItem, UpdateItem: ['file#'], PutItem: ['docno#'], DeleteItem: ['docno#'] },
    },
  },
  {
    method: 'GET',
    path: '/api/2.0/files/file/{file_id}/protectusers',
    entry: 'docspace-protect-users',
    // The record (by id or document number) and the profile of each user it lists.
    grants: { tokenSecret: false, table: { GetItem: ['apikey#', 'user#', 'file#', 'docno#', 'folder#'] } },
  },
  {
    method: 'POST',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkout',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  {
    method: 'GET',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkout-state',
    grants: { tokenSecret: false, table: SUPEROFFICE_STATE_GRANTS },
  },
  {
    method: 'PUT',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkin',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  {
    method: 'DELETE',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-undo-checkout',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  // What SuperOffice's own client (@superoffice/webapi DocumentAgent) calls: POST, the arguments in a JSON body.
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/CheckoutDocument',
    entry: 'superoffice-agent-checkout',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/GetCheckoutState',
    entry: 'superoffice-agent-checkout-state',
    grants: { tokenSecret: false, table: SUPEROFFICE_STATE_GRANTS },
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/CheckinDocument',
    entry: 'superoffice-agent-checkin',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/UndoCheckoutDocument',
    entry: 'superoffice-agent-undo-checkout',
    grants: { tokenSecret: false, table: SUPEROFFICE_CHANGE_GRANTS },
  },
  {
    method: 'GET',
    path: '/host/files/{file_id}',
    entry: 'host-page',
    // The page that opens a file in the WOPI client (discovery), for an API key or a short-lived link; it mints the
    // access token the client gets.
    grants: { tokenSecret: true, table: { GetItem: ['apikey#', 'user#', 'file#', 'folder#'] } },
  },
  {
    method: 'GET',
    path: '/host/containers/{container_id}',
    entry: 'host-container-page',
    // A folder's page (what a container's share URL opens) for an API key: the folder, its children's claims and
    // the items they name, in a batch read per kind.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['apikey#', 'user#', 'folder#'], BatchGetItem: ['folder#', 'file#'], Query: ['names#'] },
    },
  },
];

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
