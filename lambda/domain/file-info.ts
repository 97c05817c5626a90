// CheckFileInfo: the properties Office for the web and Collabora Online read, following the token's rights.

import { FILE_NAME_MAX_LENGTH } from './file-name';
import type { FileRecord } from './file-record';

export interface Viewer {
  readonly userId: string;
  readonly userName: string;
  readonly canWrite: boolean;
  /** PutUserInfo's string for this user, if any. */
  readonly userInfo: string | undefined;
}

export interface FileInfoOptions {
  /** A short-lived direct download URL (FileUrl), so downloads need not pass through the host. */
  readonly fileUrl?: string | undefined;
  /** Deployment-specific properties (Collabora's PostMessageOrigin, HidePrintOption, ...), set by configuration. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export function checkFileInfo(record: FileRecord, viewer: Viewer, options: FileInfoOptions): Record<string, unknown> {
  const { content } = record;
  return {
    ...options.extra,
    BaseFileName: record.name,
    OwnerId: record.ownerId,
    Size: content.size,
    UserId: viewer.userId,
    UserFriendlyName: viewer.userName,
    Version: String(content.version),
    LastModifiedTime: new Date(content.modifiedAt).toISOString(),
    SHA256: content.sha256,
    SupportsLocks: true,
    SupportsGetLock: true,
    SupportsExtendedLockLength: true,
    SupportsUpdate: true,
    SupportsRename: true,
    SupportsDeleteFile: true,
    SupportsUserInfo: true,
    ...(viewer.userInfo !== undefined && { UserInfo: viewer.userInfo }),
    UserCanWrite: viewer.canWrite,
    UserCanRename: viewer.canWrite,
    UserCanNotWriteRelative: !viewer.canWrite,
    ReadOnly: !viewer.canWrite,
    IsAnonymousUser: false,
    FileNameMaxLength: FILE_NAME_MAX_LENGTH,
    ...(options.fileUrl !== undefined && { FileUrl: options.fileUrl }),
  };
}
