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
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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

/** Every files API route authenticates its caller: an API key (apikey#) and the user it names, or a signed-in user. */
const API_CALLER = ['apikey#', 'user#'] as const;

/**
 * A save of the files API (restoring a version or a recovery copy) is a save like PutFile's, which a WOPI session's
 * lock can refuse: its bytes then become a recovery copy, and the oldest beyond WOPI_RECOVERY_KEPT go.
 */
const SAVE_GRANTS = {
  tokenSecret: false,
  table: {
    GetItem: ['file#', 'folder#', ...API_CALLER],
    UpdateItem: ['file#'],
    PutItem: ['file#'],
    Query: ['file#'],
    DeleteItem: ['file#'],
  },
  bucket: { GetObject: ['files/'], PutObject: ['files/', 'recovery/'], DeleteObject: ['files/', 'recovery/'] },
} as const satisfies Grants;

/** Reading one file's record for its caller, and the folders above it that may give the caller a role (folder#). */
const READ_GRANTS = {
  tokenSecret: false,
  table: { GetItem: ['file#', 'folder#', ...API_CALLER] },
} as const satisfies Grants;

/** One conditional write on the file's record (an item of the earlier layout is rewritten once, PutItem). */
const RECORD_CHANGE_GRANTS = {
  tokenSecret: false,
  table: { GetItem: ['file#', 'folder#', ...API_CALLER], UpdateItem: ['file#'], PutItem: ['file#'] },
} as const satisfies Grants;

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
  // The files API (README "The files API"): JSON for applications and the web page, described by its OpenAPI document.
  {
    method: 'GET',
    path: '/host/api/openapi.json',
    entry: 'api-openapi',
    // A constant document.
    grants: { tokenSecret: false },
  },
  {
    method: 'GET',
    path: '/host/api/me',
    entry: 'api-me',
    // A person signing in with OpenID for the first time is made a user here, with an associate number (a claim put,
    // and given back when a racing sign-in made them first); a name or e-mail the issuer changed is written too.
    grants: {
      tokenSecret: false,
      table: { GetItem: API_CALLER, PutItem: ['user#', 'assoc#'], DeleteItem: ['assoc#'] },
    },
  },
  {
    method: 'GET',
    path: '/host/api/files',
    entry: 'api-list-files',
    // The caller's name claims (names#) lead to their files; ?shared=true, their shared-with hints (user#) lead to
    // files and folders, read in a batch per kind, and each shared folder's chain above it for the caller's role.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['file#', 'folder#', ...API_CALLER],
        BatchGetItem: ['file#', 'folder#'],
        Query: ['names#', 'user#'],
      },
    },
  },
  {
    method: 'POST',
    path: '/host/api/files',
    entry: 'api-create-file',
    // A blank or inline file is stored and recorded as an upload of the CLI's: its name claimed (a claim in the way
    // is checked against its file), a document number claimed, the bytes put, the record made, and every claim and
    // the bytes taken back when a step fails. An upload to S3 is planned instead: its name checked, and a presigned
    // PUT (a PutObject of this role's) with a signed ticket handed out.
    grants: {
      tokenSecret: true,
      table: {
        GetItem: ['names#', 'file#', 'folder#', ...API_CALLER],
        PutItem: ['names#', 'docno#', 'file#'],
        DeleteItem: ['names#', 'docno#'],
      },
      bucket: { PutObject: ['files/'], DeleteObject: ['files/'] },
    },
  },
  {
    method: 'POST',
    path: '/host/api/files/{file_id}/commit',
    entry: 'api-commit-upload',
    // The ticket verified, the uploaded object read back (size, SHA-256), then the file recorded as a blank one is;
    // a failed step leaves the object and its count to the sweep, so the same upload can be committed again.
    grants: {
      tokenSecret: true,
      table: {
        GetItem: ['file#', 'names#', 'folder#', ...API_CALLER],
        PutItem: ['names#', 'docno#', 'file#'],
        DeleteItem: ['names#', 'docno#'],
      },
      bucket: { GetObject: ['files/'] },
    },
  },
  { method: 'GET', path: '/host/api/files/{file_id}', entry: 'api-get-file', grants: READ_GRANTS },
  {
    method: 'PATCH',
    path: '/host/api/files/{file_id}',
    entry: 'api-rename-file',
    // As RenameFile: the new name claimed first, the old one given back last; a move claims the name in the folder
    // it goes to (an owner's root is made on first need, folder#) and gives the old folder's claim back.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['file#', 'names#', 'folder#', ...API_CALLER],
        PutItem: ['names#', 'file#', 'folder#'],
        UpdateItem: ['file#'],
        DeleteItem: ['names#'],
      },
    },
  },
  {
    method: 'DELETE',
    path: '/host/api/files/{file_id}',
    entry: 'api-delete-file',
    // As DeleteFile: the trash hint first (user#, taken back when the write is refused), then the record, then the
    // name given back.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['file#', 'folder#', ...API_CALLER],
        PutItem: ['user#', 'file#'],
        UpdateItem: ['file#'],
        DeleteItem: ['names#', 'user#'],
      },
    },
  },
  {
    method: 'GET',
    path: '/host/api/files/{file_id}/content',
    entry: 'api-download',
    // The bytes, or a presigned GET of them when they are too large for the response.
    grants: { ...READ_GRANTS, bucket: { GetObject: ['files/'] } },
  },
  {
    method: 'GET',
    path: '/host/api/files/{file_id}/versions',
    entry: 'api-versions',
    // The record's versions, and its recovery copies (a Query of the file's partition).
    grants: { tokenSecret: false, table: { GetItem: ['file#', 'folder#', ...API_CALLER], Query: ['file#'] } },
  },
  { method: 'POST', path: '/host/api/files/{file_id}/restore', entry: 'api-restore-version', grants: SAVE_GRANTS },
  {
    method: 'GET',
    path: '/host/api/trash',
    entry: 'api-list-trash',
    // The owner's trash hints (user#) lead to the records.
    grants: { tokenSecret: false, table: { GetItem: ['file#', ...API_CALLER], Query: ['user#'] } },
  },
  {
    method: 'POST',
    path: '/host/api/trash/{file_id}/restore',
    entry: 'api-restore-from-trash',
    // Its name (or "name (2)") claimed again, the record restored, the trash hint removed; the claim given back when
    // the record changed meanwhile.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['file#', 'names#', ...API_CALLER],
        PutItem: ['names#'],
        UpdateItem: ['file#'],
        DeleteItem: ['names#', 'user#'],
      },
    },
  },
  {
    method: 'PUT',
    path: '/host/api/files/{file_id}/shares/{user_id}',
    entry: 'api-share',
    // The file is visible through its folders (folder#), so a folder's editor is told 403, not 404; the user shared
    // with is looked up (user#) and given a hint (user#) before the record's write.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['file#', 'folder#', ...API_CALLER], PutItem: ['user#'], UpdateItem: ['file#'] },
    },
  },
  {
    method: 'DELETE',
    path: '/host/api/files/{file_id}/shares/{user_id}',
    entry: 'api-unshare',
    // The file is read through its folders (folder#), then the record's write, then the user's hint removed.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['file#', 'folder#', ...API_CALLER], UpdateItem: ['file#'], DeleteItem: ['user#'] },
    },
  },
  { method: 'POST', path: '/host/api/files/{file_id}/checkout', entry: 'api-check-out', grants: RECORD_CHANGE_GRANTS },
  {
    method: 'DELETE',
    path: '/host/api/files/{file_id}/checkout',
    entry: 'api-undo-check-out',
    grants: RECORD_CHANGE_GRANTS,
  },
  {
    method: 'POST',
    path: '/host/api/files/{file_id}/open',
    entry: 'api-open',
    // It mints the access token and the host page's link.
    grants: { ...READ_GRANTS, tokenSecret: true },
  },
  {
    method: 'GET',
    path: '/host/api/folders/{folder_id}',
    entry: 'api-folder',
    // The folder (and those above it, for the caller's role; the caller's root made on first need), a Query of its
    // children's name claims, and their records in a batch read per kind.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['folder#', ...API_CALLER],
        BatchGetItem: ['folder#', 'file#'],
        PutItem: ['folder#'],
        Query: ['names#'],
      },
    },
  },
  {
    method: 'POST',
    path: '/host/api/folders',
    entry: 'api-create-folder',
    // The parent read (the caller's root made on first need), the name claimed (a claim in the way checked against
    // its holder), the folder put; the claim given back if the put fails.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['folder#', 'names#', ...API_CALLER], PutItem: ['folder#', 'names#'], DeleteItem: ['names#'] },
    },
  },
  {
    method: 'PATCH',
    path: '/host/api/folders/{folder_id}',
    entry: 'api-update-folder',
    // The folder and those above it (the caller's role; the caller's root made on first need), the new parent and
    // those above it (its owner, no cycle), the name claimed where the folder goes (a claim in the way checked
    // against its holder), the folder's write, and the claim left behind given back.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['folder#', 'names#', 'file#', ...API_CALLER],
        PutItem: ['folder#', 'names#'],
        UpdateItem: ['folder#'],
        DeleteItem: ['names#'],
      },
    },
  },
  {
    method: 'DELETE',
    path: '/host/api/folders/{folder_id}',
    entry: 'api-delete-folder',
    // The folder and those above it (the caller's role; the caller's root made on first need, to be refused), one
    // child asked for (a Query of its claims, and the record it names), the folder's write, and its name given back.
    grants: {
      tokenSecret: false,
      table: {
        GetItem: ['folder#', ...API_CALLER],
        PutItem: ['folder#'],
        Query: ['names#'],
        BatchGetItem: ['folder#', 'file#'],
        UpdateItem: ['folder#'],
        DeleteItem: ['names#'],
      },
    },
  },
  {
    method: 'PUT',
    path: '/host/api/folders/{folder_id}/shares/{user_id}',
    entry: 'api-share-folder',
    // The user shared with is looked up (user#) and given a hint (user#) before the folder's write.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['folder#', ...API_CALLER], PutItem: ['user#'], UpdateItem: ['folder#'] },
    },
  },
  {
    method: 'DELETE',
    path: '/host/api/folders/{folder_id}/shares/{user_id}',
    entry: 'api-unshare-folder',
    // The folder's write, then the user's hint removed.
    grants: {
      tokenSecret: false,
      table: { GetItem: ['folder#', ...API_CALLER], UpdateItem: ['folder#'], DeleteItem: ['user#'] },
    },
  },
  {
    method: 'GET',
    path: '/',
    entry: 'web-page',
    // The page and its script are constants; it talks to the files API from the browser.
    grants: { tokenSecret: false },
  },
];

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
