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
  readonly method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path with {parameters}. */
  readonly path: string;
  /** Module under lambda/ that exports `handler`. */
  readonly entry: string;
  readonly grants: Grants;
}

// Every WOPI operation verifies its access token. Updating a file's record may meet an item of the earlier layout,
// which the adapter rewrites once with a PutItem (adapters/file-item.ts), so every route that updates one may put one.
// The API routes authenticate with an API key (apikey#) and the user it belongs to (user#).
export const routes: readonly Route[] = [
  {
    method: 'GET',
    path: '/wopi/files/{file_id}',
    entry: 'check-file-info',
    // The record and the user's PutUserInfo string in one BatchGetItem, and FileUrl: a presigned GET of the content.
    grants: { tokenSecret: true, table: { BatchGetItem: ['file#', 'user#'] }, bucket: { GetObject: ['files/'] } },
  },
  {
    method: 'GET',
    path: '/wopi/files/{file_id}/contents',
    entry: 'get-file',
    // The bytes, or a presigned GET of them when they are too large for the response.
    grants: { tokenSecret: true, table: { GetItem: ['file#'] }, bucket: { GetObject: ['files/'] } },
  },
  {
    method: 'POST',
    path: '/wopi/files/{file_id}/contents',
    entry: 'put-file',
    // A save uploads and commits; a refused one becomes a recovery copy beside the record (uploaded, or copied from
    // the upload), and the oldest copies beyond WOPI_RECOVERY_KEPT are listed (Query) and removed.
    grants: {
      tokenSecret: true,
      table: { GetItem: ['file#'], UpdateItem: ['file#'], PutItem: ['file#'], Query: ['file#'], DeleteItem: ['file#'] },
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
        GetItem: ['file#', 'names#'],
        UpdateItem: ['file#'],
        PutItem: ['file#', 'names#', 'user#'],
        Query: ['file#'],
        DeleteItem: ['file#', 'names#', 'user#'],
      },
      bucket: { GetObject: ['files/'], PutObject: ['files/', 'recovery/'], DeleteObject: ['files/', 'recovery/'] },
    },
  },
  // Check-out in the shapes of ONLYOFFICE DocSpace (seed 003) and SuperOffice (seed 004).
  {
    method: 'PUT',
    path: '/api/2.0/files/file/{file_id}/lock',
    entry: 'docspace-lock',
    grants: {
      tokenSecret: false,
      table: { GetItem: ['apikey#', 'user#', 'file#'], UpdateItem: ['file#'], PutItem: ['file#'] },
    },
  },
  {
    method: 'GET',
    path: '/api/2.0/files/file/{file_id}/protectusers',
    entry: 'docspace-protect-users',
    // The record and the profile of each user it lists.
    grants: { tokenSecret: false, table: { GetItem: ['apikey#', 'user#', 'file#'] } },
  },
  {
    method: 'POST',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-lock',
    grants: {
      tokenSecret: false,
      table: { GetItem: ['apikey#', 'user#', 'file#'], UpdateItem: ['file#'], PutItem: ['file#'] },
    },
  },
  {
    method: 'POST',
    path: '/api/v1/Document/{file_id}/Unlock',
    entry: 'superoffice-unlock',
    grants: {
      tokenSecret: false,
      table: { GetItem: ['apikey#', 'user#', 'file#'], UpdateItem: ['file#'], PutItem: ['file#'] },
    },
  },
  {
    method: 'GET',
    path: '/host/files/{file_id}',
    entry: 'host-page',
    // The page that opens a file in the WOPI client (discovery), for an API key or a short-lived link; it mints the
    // access token the client gets.
    grants: { tokenSecret: true, table: { GetItem: ['apikey#', 'user#', 'file#'] } },
  },
];

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
