// `npx wopi-host <command>`: administer users, files, shares, versions and tokens, locally or on AWS.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { getSystemErrorMap, parseArgs } from 'node:util';
import { mintAccessToken } from '../auth/access-token';
import { mintHostLink } from '../auth/host-link';
import { rightsOf } from '../domain/access';
import { createFile } from '../domain/create-file';
import { deleteFile } from '../domain/delete-file';
import { NotFoundError } from '../domain/errors';
import { isGeneratedFileId } from '../domain/file-id';
import type { Share } from '../domain/file-record';
import { listRecoveryCopies, restoreRecoveryCopy } from '../domain/recovery';
import { issueApiKey } from '../domain/users';
import { type Connection, connect } from './connect';
import { withProgress } from './progress';

const usage = `Usage: wopi-host <command> [arguments]

  users add <userId> <displayName>     add (or rename) a user; prints a new API key
  users list                           list users
  keys add <userId>                    issue another API key for a user
  keys list <userId>                   a user's keys (hash prefix and creation time; keys are not stored)
  files upload <path> --owner <userId> [--name <name>]
  files list --owner <userId>          (by name index) list a user's files
  files download <fileId> <outPath>
  files delete <fileId>
  files share <fileId> <userId> view|edit|none
  versions <fileId>                    current content, earlier versions and recovery copies
  restore <fileId> <copyId> --as <userId>   make a recovery copy current (owner only)
  token <fileId> <userId>              a WOPI access token, if the share list allows
  open-url <fileId> <userId>           the WOPI source URL with a fresh access token, and a host page link
                                       (valid 10 minutes) that opens the file in the WOPI client

A word starting with - is an option, except a file id (22 letters, digits, - and _: older ids may start with -),
which is read as an argument wherever one goes; after -- every word is an argument.

Local by default (the data folder of npm start, WOPI_DATA_DIR); with WOPI_TABLE_NAME, WOPI_BUCKET_NAME and
WOPI_TOKEN_SECRET_ID set (stack outputs) and AWS credentials, against the deployed stack.`;

class UsageError extends Error {}

const options = { owner: { type: 'string' }, name: { type: 'string' }, as: { type: 'string' } } as const;
const takesValue = new Set(Object.keys(options).map((name) => `--${name}`));

interface Arguments {
  readonly values: { readonly owner?: string; readonly name?: string; readonly as?: string };
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

function arg(values: string[], index: number, name: string): string {
  const value = values[index];
  if (value === undefined || value === '') throw new UsageError(`Missing <${name}>`);
  return value;
}

async function run(conn: Connection, { values, positionals }: Arguments): Promise<void> {
  const { deps } = conn;
  const now = Date.now();
  const [command, sub] = positionals;
  const rest = positionals.slice(command === 'users' || command === 'keys' || command === 'files' ? 2 : 1);
  const file = async (fileId: string) => {
    const record = await deps.files.get(fileId);
    if (record === undefined) throw new NotFoundError(`No file ${fileId}`);
    return record;
  };
  const user = async (userId: string) => {
    const found = await deps.users.getUser(userId);
    if (found === undefined) throw new NotFoundError(`No user ${userId}; add it with: wopi-host users add`);
    return found;
  };
  switch (`${command} ${command === 'users' || command === 'keys' || command === 'files' ? sub : ''}`.trim()) {
    case 'users add': {
      const userId = arg(rest, 0, 'userId');
      await deps.users.putUser({ userId, displayName: arg(rest, 1, 'displayName') });
      console.log(`API key: ${await issueApiKey(deps.users, userId, now)}`);
      return;
    }
    case 'users list':
      for (const u of await deps.users.listUsers()) console.log(`${u.userId}\t${u.displayName}`);
      return;
    case 'keys add':
      await user(arg(rest, 0, 'userId'));
      console.log(`API key: ${await issueApiKey(deps.users, arg(rest, 0, 'userId'), now)}`);
      return;
    case 'keys list':
      for (const key of await deps.users.listApiKeys((await user(arg(rest, 0, 'userId'))).userId)) {
        console.log(`${key.keyHashPrefix}…\t${new Date(key.createdAt).toISOString()}`);
      }
      return;
    case 'files upload': {
      const path = arg(rest, 0, 'path');
      const owner = values.owner ?? '';
      if (owner === '') throw new UsageError('files upload needs --owner <userId>');
      await user(owner);
      const bytes = readFileSync(path);
      const contents = withProgress(deps.contents, bytes.byteLength);
      const record = await createFile(
        { ...deps, contents },
        { name: values.name ?? basename(path), ownerId: owner, bytes },
        now,
      );
      console.log(`${record.fileId}\t${record.name}\t${record.content.size} bytes`);
      return;
    }
    case 'files list': {
      const owner = values.owner ?? '';
      if (owner === '') throw new UsageError('files list needs --owner <userId>');
      for (const fileId of await deps.names.list(owner)) {
        const record = await deps.files.get(fileId);
        if (record !== undefined) console.log(`${record.fileId}\t${record.name}\t${record.content.size} bytes`);
      }
      return;
    }
    case 'files download': {
      const record = await file(arg(rest, 0, 'fileId'));
      writeFileSync(arg(rest, 1, 'outPath'), await deps.contents.get(record.content.contentKey));
      console.log(`${record.name}: ${record.content.size} bytes written`);
      return;
    }
    case 'files delete':
      await deleteFile({ ...deps, now }, arg(rest, 0, 'fileId'));
      console.log('Deleted');
      return;
    case 'files share': {
      const [fileId, userId, share] = [arg(rest, 0, 'fileId'), arg(rest, 1, 'userId'), arg(rest, 2, 'view|edit|none')];
      if (share !== 'view' && share !== 'edit' && share !== 'none')
        throw new UsageError('Share must be view, edit or none');
      await user(userId);
      if (!(await deps.files.share(fileId, userId, share === 'none' ? undefined : (share as Share)))) {
        throw new NotFoundError(`No file ${fileId}`);
      }
      console.log(`${userId}: ${share}`);
      return;
    }
    case 'versions': {
      const record = await file(arg(rest, 0, 'fileId'));
      const line = (label: string, v: { version: number; size: number; modifiedAt: number; modifiedBy: string }) =>
        console.log(
          `${label}\tv${v.version}\t${v.size} bytes\t${new Date(v.modifiedAt).toISOString()}\t${v.modifiedBy}`,
        );
      line('current', record.content);
      for (const version of [...record.versions].reverse()) line('version', version);
      for (const copy of await listRecoveryCopies({ ...deps, now }, record.fileId)) {
        console.log(
          `recovery\t${copy.copyId}\t${copy.size} bytes\t${new Date(copy.sentAt).toISOString()}\t${copy.sentBy}\t${copy.reason}: ${copy.detail}`,
        );
      }
      return;
    }
    case 'restore': {
      const [fileId, copyId] = [arg(rest, 0, 'fileId'), arg(rest, 1, 'copyId')];
      const as = values.as ?? '';
      const record = await file(fileId);
      if (record.ownerId !== as)
        throw new UsageError(`Only the owner (${record.ownerId}) may restore; pass --as <owner>`);
      const { versionsKept, recoveryKeepMs } = deps.config;
      const restored = await restoreRecoveryCopy(
        { ...deps, now, userId: as, versionsKept, recoveryKeepMs },
        fileId,
        copyId,
      );
      console.log(`Restored as version ${restored.version}`);
      return;
    }
    case 'token':
    case 'open-url': {
      const record = await file(arg(rest, 0, 'fileId'));
      const who = await user(arg(rest, 1, 'userId'));
      const rights = rightsOf(record, who.userId);
      if (rights === undefined) throw new NotFoundError(`${who.userId} has no access to ${record.fileId}`);
      const { token, expiresAt } = await mintAccessToken(
        deps.tokenSecret,
        { fileId: record.fileId, userId: who.userId, userName: who.displayName, rights },
        deps.config.tokenTtlSeconds,
        now,
      );
      if (command === 'token') console.log(token);
      else {
        const publicUrl = conn.publicUrl ?? '<WOPI_PUBLIC_URL>';
        const { link } = await mintHostLink(deps.tokenSecret, { fileId: record.fileId, userId: who.userId }, now);
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
