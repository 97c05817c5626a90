// The shape of Microsoft's WOPI validator (microsoft/wopi-validator-core) restated as TypeScript data: what a
// request sends, what is checked of its answer, what is kept for later requests, and how cases gather into groups
// that run only when their prerequisite CheckFileInfo checks pass. The meaning of each field follows the validator's
// own rules (see validator-runner.ts); the cases themselves live in prereqs.ts, file-groups.ts and
// container-groups.ts.

/** The validator's test categories: WopiCore runs always, OfficeOnline only in category All or OfficeOnline. */
export type Category = 'WopiCore' | 'OfficeOnline';

/** The validator's sample documents, by their ids; only their bytes and their being distinct matter to a host. */
export type Resource = 'WordBlankDocument' | 'WordSimpleDocument' | 'WordComplexDocument' | 'ZeroByteFile';

/** The WOPI operations a case can call; validator-runner.ts knows each one's method, path and headers. */
export type Operation =
  | 'CheckFileInfo'
  | 'GetFile'
  | 'Lock'
  | 'Unlock'
  | 'RefreshLock'
  | 'UnlockAndRelock'
  | 'GetLock'
  | 'PutFile'
  | 'PutRelativeFile'
  | 'PutUserInfo'
  | 'RenameFile'
  | 'DeleteFile'
  | 'GetShareUrl'
  | 'AddActivities'
  | 'GetFromFileUrl'
  | 'CheckContainerInfo'
  | 'CreateChildContainer'
  | 'CreateChildFile'
  | 'DeleteContainer'
  | 'RenameContainer'
  | 'EnumerateChildren'
  | 'EnumerateAncestors'
  | 'GetEcosystem'
  | 'CheckEcosystem'
  | 'GetRootContainer';

/** How PutRelativeFile, CreateChildFile and CreateChildContainer name their target (the names go out in UTF-7). */
export type TargetMode = 'suggested' | 'exact' | 'both';

/** How the validator tampers with its proof headers (the ProofKeys group). */
export interface ProofMutation {
  /** X-WOPI-Proof replaced by a value that is no signature. */
  readonly breakCurrent?: boolean;
  /** X-WOPI-ProofOld replaced likewise. */
  readonly breakOld?: boolean;
  /** 'ahead': the current signature is sent as X-WOPI-ProofOld and the current one broken; 'behind': the old one is sent as X-WOPI-Proof and the old one broken. */
  readonly relation?: 'ahead' | 'behind';
  /** Signed at this instant (ISO 8601) instead of now. */
  readonly signedAt?: string;
}

export interface Step {
  readonly op: Operation;
  /** X-WOPI-Lock (for Lock, Unlock, RefreshLock, PutFile, GetFile, RenameFile). */
  readonly lock?: string;
  /** UnlockAndRelock: X-WOPI-OldLock, and `lock` is the new one. */
  readonly oldLock?: string;
  /** The request body, one of the sample documents (PutFile, PutRelativeFile). */
  readonly resource?: Resource;
  /** A request body given as text (PutUserInfo, AddActivities). */
  readonly body?: string;
  /** The requested name: PutRelativeFile's and CreateChild*'s target, RenameFile's and RenameContainer's new name. */
  readonly name?: string;
  readonly mode?: TargetMode;
  /** X-WOPI-OverwriteRelativeTarget, sent only when given. */
  readonly overwrite?: boolean;
  /** GetShareUrl's X-WOPI-UrlType. */
  readonly urlType?: string;
  /** EnumerateChildren's X-WOPI-FileExtensionFilterList. */
  readonly extensionFilter?: string;
  /** Call the URL kept under this state name (its own access_token included) instead of the file under test. */
  readonly at?: string;
  /** Send this string as the access token (the validator's "invalid token" mutation). */
  readonly token?: string;
  readonly proof?: ProofMutation;
  /** What the answer must satisfy; left out, the validator expects 200 and nothing else. */
  readonly expect?: readonly Check[];
  /** Values of the answer kept for later steps, by state name. */
  readonly keep?: Readonly<Record<string, Keep>>;
}

/** A JSON value (a path such as `Url`, `ActivityResponses[0].Id` or `AncestorsWithRootFirst[-1:].Url`) or a header. */
export type Keep = { readonly json: string } | { readonly header: string };

/** One property check of the validator's JSON content validator; `name` is a path as in Keep. */
export type PropertyCheck =
  | {
      readonly type: 'string';
      readonly name: string;
      readonly required?: boolean;
      readonly equals?: string;
      /** Compare with a kept state value instead, when that value was kept and is not empty. */
      readonly equalsKept?: string;
      readonly endsWith?: string;
      readonly ignoreCase?: boolean;
    }
  | { readonly type: 'regex'; readonly name: string; readonly pattern: RegExp; readonly shouldMatch: boolean }
  | { readonly type: 'boolean'; readonly name: string; readonly required?: boolean; readonly equals?: boolean }
  | { readonly type: 'integer'; readonly name: string; readonly required?: boolean; readonly equals?: number }
  | { readonly type: 'url'; readonly name: string; readonly required?: boolean; readonly withAccessToken?: boolean }
  | { readonly type: 'array'; readonly name: string; readonly required?: boolean; readonly contains?: string };

export type Check =
  | { readonly status: number }
  | { readonly anyOf: readonly Check[] }
  | { readonly json: readonly PropertyCheck[] }
  /** The answer has no body at all (the validator's JSON validator with ShouldExist false). */
  | { readonly noBody: true }
  | {
      readonly header: string;
      readonly required?: boolean;
      readonly equals?: string;
      readonly equalsKept?: string;
      /** false: the header must differ from the expected value. */
      readonly shouldMatch?: boolean;
    }
  /** 409 with X-WOPI-Lock equal to this (required unless it is the empty string). */
  | { readonly lockMismatch: string }
  | { readonly bodyIs: Resource }
  /** The CheckFileInfo JSON schema of a host without coauthoring (see checkfileinfo-schema.ts). */
  | { readonly checkFileInfoSchema: true };

export interface Case {
  readonly name: string;
  readonly category: Category;
  readonly steps: readonly Step[];
  /** Sent after the steps whatever happened, their answers unchecked. */
  readonly cleanup?: readonly Step[];
}

/** The prerequisite checks the validator knows by name (prereqs.ts). */
export type PrereqName =
  | 'WopiValidator'
  | 'UserCanWrite'
  | 'UserCanNotWriteRelative'
  | 'UserCanWriteRelative'
  | 'Containers'
  | 'ContainersUnsupported'
  | 'Ecosystem'
  | 'Locks'
  | 'FileEditing'
  | 'GetLock'
  | 'ExtendedLockLength'
  | 'DeleteFile'
  | 'FileUrlUsage'
  | 'SupportedShareUrlTypesForFile'
  | 'ShareUrlTypeReadOnlyForFile'
  | 'ShareUrlTypeReadWriteForFile'
  | 'SupportedShareUrlTypesForContainer'
  | 'ShareUrlTypeReadOnlyForContainer'
  | 'ShareUrlTypeReadWriteForContainer'
  | 'RenameFile'
  | 'UserCanCreateChildFile'
  | 'AddActivities'
  | 'UserCanRenameContainer'
  | 'SupportsUserInfo';

export interface Group {
  readonly name: string;
  /** Each is run before every case; one that fails skips the case (the validator's only reason to skip). */
  readonly prereqs: readonly PrereqName[];
  readonly cases: readonly Case[];
}

// Builders for the steps most cases are made of, so that a case reads like the validator's sequence.
export const checkFileInfo = (more: Partial<Step> = {}): Step => ({ op: 'CheckFileInfo', ...more });
export const getFile = (more: Partial<Step> = {}): Step => ({ op: 'GetFile', ...more });
export const lock = (id: string, more: Partial<Step> = {}): Step => ({ op: 'Lock', lock: id, ...more });
export const unlock = (id: string, more: Partial<Step> = {}): Step => ({ op: 'Unlock', lock: id, ...more });
export const refreshLock = (id: string, more: Partial<Step> = {}): Step => ({ op: 'RefreshLock', lock: id, ...more });
export const unlockAndRelock = (oldLock: string, newLock: string, more: Partial<Step> = {}): Step => ({
  op: 'UnlockAndRelock',
  oldLock,
  lock: newLock,
  ...more,
});
export const getLock = (more: Partial<Step> = {}): Step => ({ op: 'GetLock', ...more });
export const putFile = (resource: Resource, id?: string, more: Partial<Step> = {}): Step => ({
  op: 'PutFile',
  resource,
  ...(id !== undefined && { lock: id }),
  ...more,
});
export const deleteFileAt = (kept: string): Step => ({ op: 'DeleteFile', at: kept });

/** The validator's "invalid access token" mutation and the answer it accepts for it. */
export const invalidToken: Partial<Step> = {
  token: 'INVALID',
  expect: [{ anyOf: [{ status: 401 }, { status: 404 }] }],
};
