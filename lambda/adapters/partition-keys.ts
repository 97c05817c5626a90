// The partition key prefixes of the table's items, stated once: the adapters build their keys from them, and the
// stack scopes each function's table grant to the ones its route touches (dynamodb:LeadingKeys). Plain constants,
// so the CDK synth reads them without loading any AWS client.

/** A file's record (sk `file`) and its recovery copies (sk `recovery#<copyId>`): `file#<fileId>`. */
export const FILE_PARTITION = 'file#';
/** An owner's name claims (sk `name#<lower-cased name>`): `names#<ownerId>`. */
export const NAMES_PARTITION = 'names#';
/** A user's profile, API key listing, PutUserInfo string, shared-with and trash hints: `user#<userId>`. */
export const USER_PARTITION = 'user#';
/** An API key, found by the SHA-256 of the key: `apikey#<hash>`. */
export const API_KEY_PARTITION = 'apikey#';

/** An owner's count of stored bytes for the quota (sk `usage`): `usage#<ownerId>`. */
export const USAGE_PARTITION = 'usage#';
/** A folder's record (sk `folder`): `folder#<folderId>`. */
export const FOLDER_PARTITION = 'folder#';
/** A claimed document number (sk `claim`), naming the file that holds it: `docno#<n>`. */
export const DOCUMENT_NUMBER_PARTITION = 'docno#';
/** A claimed associate number (sk `claim`), naming the user that holds it: `assoc#<n>`. */
export const ASSOCIATE_NUMBER_PARTITION = 'assoc#';

export const PARTITION_PREFIXES = [
  FILE_PARTITION,
  NAMES_PARTITION,
  USER_PARTITION,
  API_KEY_PARTITION,
  DOCUMENT_NUMBER_PARTITION,
  ASSOCIATE_NUMBER_PARTITION,
  FOLDER_PARTITION,
  USAGE_PARTITION,
] as const;
export type PartitionPrefix = (typeof PARTITION_PREFIXES)[number];
