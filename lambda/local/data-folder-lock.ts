// One owner per data folder: dynalite's LevelDB and s3rver's files must be opened by one process at a time, and
// `npm start` and the CLI both may start emulators on the same folder. The owner is the emulator process itself,
// so the lock is free exactly when the files are closed, however its parent ended.
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmulatorEndpoints {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
}

/** What the lock file says: who holds the folder and, once its emulators answer, where they are. */
export type Owner = { readonly pid: number } & Partial<EmulatorEndpoints>;

export interface DataFolderLock {
  /** Tells later comers where the owner's emulators answer. */
  publish(endpoints: EmulatorEndpoints): void;
  release(): void;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly owner: Owner,
    lockFile: string,
  ) {
    super(
      `The data folder is in use by emulator process ${owner.pid} (${lockFile}): stop the npm start or CLI ` +
        'command it belongs to, or use another WOPI_DATA_DIR',
    );
  }
}

export function lockFileOf(dataDir: string): string {
  return join(dataDir, 'emulators.lock');
}

/** The owner recorded in the folder, if that process is still alive; a dead owner's lock is stale. */
export function liveOwner(dataDir: string): Owner | undefined {
  const owner = readOwner(lockFileOf(dataDir));
  return owner !== undefined && isAlive(owner.pid) ? owner : undefined;
}

/** Takes the folder for process `pid`, over a stale lock if need be; throws DataFolderInUseError if it is held. */
export function claimDataFolder(dataDir: string, pid: number): DataFolderLock {
  const lockFile = lockFileOf(dataDir);
  const write = (owner: Owner, exclusive: boolean) => {
    // Written aside first, so that no reader ever sees a half-written lock; link() fails if the lock exists.
    const draft = `${lockFile}.${pid}`;
    writeFileSync(draft, JSON.stringify(owner), { mode: 0o600 });
    if (!exclusive) return renameSync(draft, lockFile);
    try {
      linkSync(draft, lockFile);
    } finally {
      rmSync(draft, { force: true });
    }
  };
  for (;;) {
    try {
      write({ pid }, true);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(lockFile);
    if (holder !== undefined && isAlive(holder.pid)) throw new DataFolderInUseError(holder, lockFile);
    // Two processes taking over the same stale lock at once could both get here; LevelDB's own LOCK then
    // refuses the second dynalite, so the race ends in an error, never in two writers.
    rmSync(lockFile, { force: true });
  }
  return {
    publish: (endpoints) => write({ pid, ...endpoints }, false),
    release() {
      if (readOwner(lockFile)?.pid === pid) rmSync(lockFile, { force: true });
    },
  };
}

function readOwner(lockFile: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as Owner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
