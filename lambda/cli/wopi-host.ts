// `npx wopi-host <command>`: administer users, files, shares, versions and tokens, locally or on AWS.
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { getSystemErrorMap, parseArgs } from 'node:util';
import { mintAccessToken } from '../auth/access-token';
import { mintHostLink } from '../auth/host-link';
import { rightsOf, type Share } from '../domain/access';
import { createFile } from '../domain/create-file';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { isGeneratedFileId } from '../domain/file-id';
import type { FileVersion } from '../domain/file-record';
import { childrenOf, filesBelow } from '../domain/folder-tree';
import { createFolder, effectiveRecord, liveFolder, moveFolder, rootFolder, shareFolder } from '../domain/folders';
import { moveFile } from '../domain/move-file';
import { addUser, associateNumberOf, documentNumberOf } from '../domain/numbers';
import { listRecoveryCopies } from '../domain/recovery';
import { restoreRecoveryCopy, restoreVersion } from '../domain/restore';
import { noRetry } from '../domain/retry';
import { shareFile } from '../domain/shares';
import { SIGNED_IN_PREFIX } from '../domain/sign-in';
import { listTrash, restoreFromTrash, trashFile } from '../domain/trash';
import { disableUser, revokeApiKey } from '../domain/user-admin';
import { issueApiKey, keyHashPrefix } from '../domain/users';
import { DEFAULT_SCHEDULE } from '../domain/versions';
import { type Connection, connect } from './connect';
import { withProgress } from './progress';

const usage = `Usage: wopi-host <command> [arguments]

  users add <userId> <displayName> [--email <address>] [--expires-days <n>]
                                       add a user; prints their first API key
  users list                           list users: id, associate number, name, e-mail
  users disable <userId>               the user's keys and tokens stop working at their next request
  keys add <userId> [--expires-days <n>]   issue another API key for a user
  keys list <userId>                   a user's keys (hash prefix, creation and expiry; keys are not stored)
  keys revoke <userId> <hashPrefix>    the key stops working at once
  files upload <path> --owner <userId>|--folder <folderId> [--name <name>]
                                       prints the file's id and document number (the DocSpace and
                                       SuperOffice APIs take either); in the owner's My documents
                                       unless --folder names one of their folders
  files list --owner <userId>          a user's files in all their folders: id, document number, path, size
  files move <fileId> <folderId>       into another folder of the same owner
  files download <fileId> <outPath>
  files delete <fileId>                move a file to its owner's trash
  files share <fileId> <userId> view|edit|edit+delete|none
  folders add <name> --owner <userId>|--folder <folderId>
                                       make a folder in the owner's My documents, or in the folder named
  folders list --owner <userId>|--folder <folderId>
                                       what a folder holds (My documents without --folder): kind, id, name
  folders move <folderId> <toFolderId>
  folders share <folderId> <userId> view|edit|edit+delete|none
                                       a folder's share extends to everything inside it
  trash list --owner <userId>          a user's trash, newest first
  trash restore <fileId>               bring a file back from the trash
  versions <fileId>                    current content, earlier versions and recovery copies
  restore <fileId> <version|copyId> [--as <userId>]
                                       make an earlier version or a recovery copy current, as a new version
                                       (acting as the owner unless --as names an editor)
  activity <fileId>                    who did what to the file, and when
  token <fileId> <userId>              a WOPI access token, if the file gives the user access
  open-url <fileId> <userId>           the WOPI source URL with a fresh access token, and a host page link
                                       (valid 10 minutes) that opens the file in the WOPI client

A word starting with - is an option, except a file id (22 letters, digits, - and _: older ids may start with -),
which is read as an argument wherever one goes; after -- every word is an argument.

Local by default (the data folder of npm start, WOPI_DATA_DIR); with WOPI_TABLE_NAME, WOPI_BUCKET_NAME and
WOPI_TOKEN_SECRET_ID set (stack outputs) and AWS credentials, against the deployed stack.`;

class UsageError extends Error {}

const options = {
  owner: { type: 'string' },
  name: { type: 'string' },
  folder: { type: 'string' },
  as: { type: 'string' },
  email: { type: 'string' },
  'expires-days': { type: 'string' },
} as const;
const takesValue = new Set(Object.keys(options).map((name) => `--${name}`));

interface Arguments {
  readonly values: { readonly [name in keyof typeof options]?: string };
  readonly positionals: readonly string[];
}

/**
 * parseArgs, except that a file id is an argument even when it starts with "-" (ids made before newFileId avoided
 * that may: one in 64), unless it is an option's value. parseArgs reads every word after "--" as an argument, so
 * such ids are moved there, and their tokens' indexes put them back in their places.
 */
function parseArguments(argv: readonly string[]): Arguments {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const isDashId = (i: number) => {
    const word = argv[i] ?? '';
    return i < end && word.startsWith('-') && isGeneratedFileId(word) && !takesValue.has(argv[i - 1] ?? '');
  };
  const indexes = [...argv.keys()];
  const moved = indexes.filter((i) => isDashId(i) || i > end);
  const order = [...indexes.filter((i) => i < end && !isDashId(i)), ...(moved.length > 0 ? [end] : []), ...moved];
  try {
    const { values, tokens } = parseArgs({
      args: order.map((i) => argv[i] ?? '--'),
      options,
      allowPositionals: true,
      tokens: true,
    });
    const positionals = tokens
      .flatMap((token) => (token.kind === 'positional' ? [order[token.index] ?? 0] : []))
      .sort((a, b) => a - b)
      .map((i) => argv[i] ?? '');
    return { values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message); // an unknown option, or one without its value
  }
}

function arg(values: readonly string[], index: number, name: string): string {
  const value = values[index];
  if (value === undefined || value === '') throw new UsageError(`Missing <${name}>`);
  return value;
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY_MS = 24 * 3600 * 1000;

function expiryOf(days: string | undefined, now: number): number | undefined {
  if (days === undefined) return undefined;
  const count = Number(days);
  if (!Number.isSafeInteger(count) || count <= 0)
    throw new UsageError('--expires-days must be a positive whole number');
  return now + count * DAY_MS;
}

function shareOf(text: string): Share | undefined {
  if (text === 'none') return undefined;
  if (text === 'view' || text === 'edit' || text === 'edit+delete') return text;
  throw new UsageError('Share must be view, edit, edit+delete or none');
}

async function run(conn: Connection, { values, positionals }: Arguments): Promise<void> {
  const { deps } = conn;
  const now = Date.now();
  // What an administrator did is recorded under their account, not as any user of the host.
  const actor = `cli:${userInfo().username}`;
  const [command, sub] = positionals;
  const grouped = ['users', 'keys', 'files', 'folders', 'trash'].includes(command ?? '');
  const rest = positionals.slice(grouped ? 2 : 1);
  const file = async (fileId: string) => {
    const record = await deps.files.get(fileId);
    if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`No file ${fileId}`);
    return record;
  };
  const user = async (userId: string) => {
    const found = await deps.users.getUser(userId);
    if (found === undefined) throw new NotFoundError(`No user ${userId}; add it with: wopi-host users add`);
    return found;
  };
  const owner = () => {
    const id = values.owner ?? '';
    if (id === '') throw new UsageError(`${command} ${sub} needs --owner <userId>`);
    return id;
  };
  const asAdministrator = { ...deps, now, userId: actor, asAdministrator: true };
  // The folder --folder names, else the root of the --owner's tree.
  const folderArg = async () =>
    values.folder !== undefined
      ? liveFolder(deps.folders, values.folder)
      : rootFolder(asAdministrator, (await user(owner())).userId);
  const needsUser = async (userId: string, share: Share | undefined) => {
    // A share would let a disabled user's unexpired tokens in again: tokens name the user, the file gives the rights.
    if (share !== undefined && (await user(userId)).disabled) throw new ForbiddenError(`${userId} is disabled`);
  };
  const line = (...fields: (string | number)[]) => console.log(fields.join('\t'));
  switch (`${command} ${grouped ? sub : ''}`.trim()) {
    case 'users add': {
      const userId = arg(rest, 0, 'userId');
      if (userId.startsWith(SIGNED_IN_PREFIX)) {
        throw new UsageError(`User ids starting with ${SIGNED_IN_PREFIX} are those of people who sign in with OpenID`);
      }
      const created = await addUser(deps, {
        userId,
        displayName: arg(rest, 1, 'displayName'),
        ...(values.email && { email: values.email }),
      });
      if (created === undefined)
        throw new UsageError(`User ${userId} exists already; issue another key with: wopi-host keys add`);
      console.log(`API key: ${await issueApiKey(deps.users, userId, now, expiryOf(values['expires-days'], now))}`);
      return;
    }
    case 'users list':
      // A user made before associate numbers gets one here: whoever lists users is about to need it.
      for (const u of await deps.users.listUsers()) {
        line(u.userId, await associateNumberOf(deps, u), u.displayName, u.email ?? '', u.disabled ? 'disabled' : '');
      }
      return;
    case 'users disable': {
      const userId = (await user(arg(rest, 0, 'userId'))).userId;
      const { files, folders } = await disableUser({ ...deps, now, actor }, userId);
      console.log(`${userId} disabled; access taken away on ${files} file(s) and ${folders} shared folder(s)`);
      return;
    }
    case 'keys add': {
      const userId = (await user(arg(rest, 0, 'userId'))).userId;
      console.log(`API key: ${await issueApiKey(deps.users, userId, now, expiryOf(values['expires-days'], now))}`);
      return;
    }
    case 'keys list':
      for (const key of await deps.users.listApiKeys((await user(arg(rest, 0, 'userId'))).userId)) {
        line(
          `${keyHashPrefix(key.keyHash)}…`,
          iso(key.createdAt),
          key.expiresAt ? `expires ${iso(key.expiresAt)}` : '',
        );
      }
      return;
    case 'keys revoke': {
      const userId = (await user(arg(rest, 0, 'userId'))).userId;
      console.log(`Revoked ${await revokeApiKey(deps.users, userId, arg(rest, 1, 'hashPrefix'))}…`);
      return;
    }
    case 'files upload': {
      const path = arg(rest, 0, 'path');
      const folder = await folderArg();
      const bytes = readFileSync(path);
      const contents = withProgress(deps.contents, deps.uploads, bytes.byteLength);
      const record = await createFile(
        { ...deps, contents },
        { name: values.name ?? basename(path), ownerId: folder.ownerId, folderId: folder.folderId, bytes },
        now,
      );
      line(record.fileId, await documentNumberOf(deps, record, now), record.name, `${record.content.size} bytes`);
      return;
    }
    case 'files list':
      for await (const { path, record } of filesBelow(
        deps,
        await rootFolder(asAdministrator, (await user(owner())).userId),
      )) {
        line(record.fileId, await documentNumberOf(deps, record, now), path, `${record.content.size} bytes`);
      }
      return;
    case 'files move': {
      const moved = await moveFile(asAdministrator, arg(rest, 0, 'fileId'), arg(rest, 1, 'folderId'));
      console.log(`${moved.name} moved`);
      return;
    }
    case 'folders add': {
      const parent = await folderArg();
      const made = await createFolder(asAdministrator, parent.folderId, { mode: 'exact', name: arg(rest, 0, 'name') });
      line(made.folderId, `${parent.name}/${made.name}`);
      return;
    }
    case 'folders list': {
      const folder = await folderArg();
      line('folder', folder.folderId, `${folder.name}/`);
      for await (const item of childrenOf(deps, folder)) {
        if (item.kind === 'folder') line('folder', item.folder.folderId, `  ${item.folder.name}/`);
        else line('file', item.file.fileId, `  ${item.file.name}`, `${item.file.content.size} bytes`);
      }
      return;
    }
    case 'folders move': {
      const moved = await moveFolder(asAdministrator, arg(rest, 0, 'folderId'), arg(rest, 1, 'toFolderId'));
      console.log(`${moved.name} moved`);
      return;
    }
    case 'folders share': {
      const [folderId, userId, shareText] = [arg(rest, 0, 'folderId'), arg(rest, 1, 'userId'), arg(rest, 2, 'share')];
      const share = shareOf(shareText);
      await needsUser(userId, share);
      await shareFolder(asAdministrator, folderId, userId, share);
      console.log(`${userId}: ${share ?? 'none'} on everything in the folder`);
      return;
    }
    case 'files download': {
      const record = await file(arg(rest, 0, 'fileId'));
      writeFileSync(arg(rest, 1, 'outPath'), await deps.contents.get(record.content.contentKey));
      console.log(`${record.name}: ${record.content.size} bytes written`);
      return;
    }
    case 'files delete':
      await trashFile({ ...deps, now, userId: actor }, arg(rest, 0, 'fileId'), true);
      console.log('Moved to the trash (wopi-host trash restore brings it back)');
      return;
    case 'files share': {
      const [fileId, userId, shareText] = [arg(rest, 0, 'fileId'), arg(rest, 1, 'userId'), arg(rest, 2, 'share')];
      const share = shareOf(shareText);
      await needsUser(userId, share);
      await shareFile({ ...deps, now, actor }, fileId, userId, share);
      console.log(`${userId}: ${share ?? 'none'}`);
      return;
    }
    case 'trash list':
      for (const record of await listTrash(deps, owner())) {
        line(record.fileId, record.name, `deleted ${iso(record.trashed?.at ?? 0)} by ${record.trashed?.by ?? ''}`);
      }
      return;
    case 'trash restore': {
      const restored = await restoreFromTrash({ ...deps, now, userId: actor }, arg(rest, 0, 'fileId'), true);
      console.log(`Restored as ${restored.name}`);
      return;
    }
    case 'versions': {
      const record = await file(arg(rest, 0, 'fileId'));
      const version = (label: string, v: FileVersion) =>
        line(label, `v${v.version}`, `${v.size} bytes`, iso(v.modifiedAt), v.modifiedBy, v.description ?? '');
      version('current', record.content);
      for (const earlier of [...record.versions].reverse()) version('version', earlier);
      for (const copy of await listRecoveryCopies({ ...deps, now }, record.fileId)) {
        line(
          'recovery',
          copy.copyId,
          `${copy.size} bytes`,
          iso(copy.sentAt),
          copy.sentBy,
          `${copy.reason}: ${copy.detail}`,
        );
      }
      return;
    }
    case 'restore': {
      const [fileId, which] = [arg(rest, 0, 'fileId'), arg(rest, 1, 'version|copyId')];
      const record = await file(fileId);
      const { versionsKept, recoveryKeepMs, recoveryKept } = deps.config;
      const saveDeps = {
        ...deps,
        now,
        userId: values.as ?? record.ownerId,
        schedule: { ...DEFAULT_SCHEDULE, latest: versionsKept },
        recoveryKeepMs,
        recoveryKept,
        retry: noRetry,
      };
      const restored = /^\d+$/.test(which)
        ? await restoreVersion(saveDeps, fileId, Number(which))
        : await restoreRecoveryCopy(saveDeps, fileId, which);
      console.log(`Restored as version ${restored.version}`);
      return;
    }
    case 'activity': {
      const record = await file(arg(rest, 0, 'fileId'));
      for (const entry of record.activity) line(iso(entry.at), entry.by, entry.what, entry.detail ?? '');
      return;
    }
    case 'token':
    case 'open-url': {
      const record = await file(arg(rest, 0, 'fileId'));
      const who = await user(arg(rest, 1, 'userId'));
      // The file's own share or a folder's above it, whichever gives more.
      const rights = rightsOf(await effectiveRecord(deps.folders, record, who.userId), who.userId);
      if (rights === undefined || who.disabled)
        throw new NotFoundError(`${who.userId} has no access to ${record.fileId}`);
      const { token, expiresAt } = await mintAccessToken(
        deps.tokenSecret,
        { fileId: record.fileId, userId: who.userId, userName: who.displayName, rights },
        deps.config.tokenTtlSeconds,
        now,
      );
      if (command === 'token') console.log(token);
      else {
        const publicUrl = conn.publicUrl ?? '<WOPI_PUBLIC_URL>';
        const grant = { fileId: record.fileId, userId: who.userId, rights };
        const { link } = await mintHostLink(deps.tokenSecret, grant, now);
        console.log(`WOPI source: ${publicUrl}/wopi/files/${record.fileId}`);
        console.log(`Access token: ${token}`);
        console.log(`access_token_ttl: ${expiresAt}`);
        console.log(`Host page: ${publicUrl}/host/files/${record.fileId}?link=${link}`);
      }
      return;
    }
    default:
      throw new UsageError(command === undefined ? 'No command given' : `Unknown command: ${positionals.join(' ')}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    console.log(usage);
    return argv.length === 0 ? 1 : 0;
  }
  let conn: Connection | undefined;
  try {
    const args = parseArguments(argv);
    conn = await connect();
    await run(conn, args);
    return 0;
  } catch (error) {
    return reportFailure(error);
  } finally {
    await conn?.close();
  }
}

// JavaScript's own error types, without a Node error code, mean the code did what it must not. Any other error
// carries a reason: ours (usage, the WOPI rules, configuration), the system's (ENOENT, ECONNREFUSED) or AWS's.
const bugTypes = [TypeError, RangeError, ReferenceError];

function isBug(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  if (typeof (error as { code?: unknown }).code === 'string') return false;
  return bugTypes.some((type) => error instanceof type);
}

/** "cannot open notes.docx: no such file or directory" for a file the command names, not Node's "ENOENT: ...". */
function fileReason(error: NodeJS.ErrnoException): string | undefined {
  if (error.path === undefined || error.syscall === undefined || error.errno === undefined) return undefined;
  const description = getSystemErrorMap().get(error.errno)?.[1];
  return description && `cannot ${error.syscall} ${error.path}: ${description}`;
}

/** Says why a command failed, in one line unless it is a bug, and returns the exit code. */
export function reportFailure(error: unknown): number {
  if (isBug(error)) {
    console.error(error instanceof Error ? error.stack : error);
    console.error('wopi-host: an unexpected error, which is a bug in wopi-host; please report it with the lines above');
    return 1;
  }
  const { message, name } = error as Error;
  const reason = (fileReason(error as NodeJS.ErrnoException) ?? (message || name)).replace(/\s*\n\s*/g, ' ');
  if (error instanceof UsageError) {
    console.error(`wopi-host: ${reason} (wopi-host --help lists the commands)`);
    return 2;
  }
  console.error(`wopi-host: ${reason}`);
  return 1;
}
