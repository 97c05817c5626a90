// Issue 11, finding 5: "A crash during RenameFile corrupts the per-owner name index ... PutRelativeFile with
// overwrite onto that stale name then replaced a different file. DeleteFile ignores a failed release". For create,
// rename, delete (trash), restore from the trash and PutRelativeFile, a fault is injected after each of their writes
// (fault injection: the real NameClaims, FileStore, ContentStore and TrashIndex wrapped so that the write after the
// Nth throws, and, for a crash, every call after it too). Afterwards: every live file's name claim points at it,
// names are unique among live files, files the operation did not touch are unchanged, once CLAIM_GRACE_MS has passed
// a name no live file has is free, and PutRelativeFile with overwrite onto any name the operation touched never
// replaces a file of another name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from '../../lambda/domain/create-file';
import type { FileRecord } from '../../lambda/domain/file-record';
import { CLAIM_GRACE_MS, nameIsFree } from '../../lambda/domain/names';
import type { Stores } from '../../lambda/domain/ports';
import { restoreFromTrash, trashFile } from '../../lambda/domain/trash';
import type { Deps } from '../../lambda/wiring/all';
import { addTestFile, filesOf, recordOf, uniqueOwner, useDeps, withReplaced } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

type Mode = 'crash' | 'failed write';

/** Where the fault is: after `after` writes, the next write throws; after a crash, every call throws. */
class Fault {
  private writes = 0;
  private crashed = false;
  met = false;

  constructor(
    private readonly after: number,
    private readonly mode: Mode,
  ) {}

  async write<T>(what: string, run: () => Promise<T>): Promise<T> {
    this.read(what);
    if (this.writes++ === this.after) {
      this.met = true;
      this.crashed = this.mode === 'crash';
      throw new Error(`injected ${this.mode} at write ${this.after + 1} (${what})`);
    }
    return run();
  }

  read(what: string): void {
    if (this.crashed) throw new Error(`injected crash: the process is gone (${what})`);
  }
}

/** The real store, each named method going through the fault first; every other method is the real one. */
function faulty<T extends object>(real: T, fault: Fault, writes: readonly (keyof T)[], reads: readonly (keyof T)[]) {
  const replaced: Partial<T> = {};
  const wrap = (name: keyof T, isWrite: boolean) => {
    const method = real[name] as (...args: unknown[]) => Promise<unknown>;
    const call = (...args: unknown[]) => method.apply(real, args);
    const label = String(name);
    replaced[name] = (
      isWrite
        ? (...args: unknown[]) => fault.write(label, () => call(...args))
        : (...args: unknown[]) => {
            fault.read(label);
            return call(...args);
          }
    ) as T[keyof T];
  };
  for (const name of writes) wrap(name, true);
  for (const name of reads) wrap(name, false);
  return withReplaced(real, replaced);
}

type FaultyStores = Pick<Stores, 'files' | 'names' | 'contents' | 'trash' | 'numbers'> & Pick<Deps, 'quota'>;

function faultyStores(fault: Fault): FaultyStores {
  const { files, names, contents, trash, quota, numbers } = host.deps;
  return {
    quota,
    numbers: faulty(numbers, fault, ['claim', 'release'], ['holder']),
    files: faulty(files, fault, ['create', 'update', 'purge'], ['get']),
    names: faulty(names, fault, ['put', 'delete'], ['get', 'list']),
    contents: faulty(contents, fault, ['put', 'copy', 'delete'], ['get', 'downloadUrl']),
    trash: faulty(trash, fault, ['add', 'remove'], ['list']),
  };
}

interface Scene {
  readonly owner: string;
  /** The names the operation claims, frees or overwrites. */
  readonly names: readonly string[];
  /** Files of the owner the operation must not touch. */
  readonly bystanders: readonly FileRecord[];
  /** The operation, on these stores; through the HTTP handlers where WOPI has it. */
  run(stores: FaultyStores): Promise<unknown>;
}

/** The HTTP handlers on these stores for one request (the handlers read their stores on every invocation). */
async function wopiOn(stores: FaultyStores, fileId: string, override: string, headers: Record<string, string>) {
  const restore = useDeps(host, stores);
  try {
    return await host.wopi(fileId, { override, headers, body: 'the request’s bytes' });
  } finally {
    restore();
  }
}

const deps = (stores: FaultyStores, userId: string) => ({ ...host.deps, ...stores, now: host.clock.now(), userId });

const operations: Record<string, (owner: string) => Promise<Scene>> = {
  'create (CLI upload)': async (owner) => {
    const bystander = await addTestFile(host, { name: 'other.docx', owner });
    return {
      owner,
      names: ['new.docx'],
      bystanders: [bystander],
      run: (stores) =>
        createFile(stores, { name: 'new.docx', ownerId: owner, bytes: Buffer.from('new') }, host.clock.now()),
    };
  },
  RenameFile: async (owner) => {
    const file = await addTestFile(host, { name: 'a.docx', owner, bytes: 'the renamed file' });
    const bystander = await addTestFile(host, { name: 'other.docx', owner });
    return {
      owner,
      names: ['a.docx', 'b.docx'],
      bystanders: [bystander],
      run: (stores) => wopiOn(stores, file.fileId, 'RENAME_FILE', { 'X-WOPI-RequestedName': 'b' }),
    };
  },
  'DeleteFile (to the trash)': async (owner) => {
    const file = await addTestFile(host, { name: 'a.docx', owner, bytes: 'the deleted file' });
    const bystander = await addTestFile(host, { name: 'other.docx', owner });
    return {
      owner,
      names: ['a.docx'],
      bystanders: [bystander],
      run: (stores) => wopiOn(stores, file.fileId, 'DELETE', {}),
    };
  },
  'restore from the trash': async (owner) => {
    const file = await addTestFile(host, { name: 'a.docx', owner, bytes: 'the restored file' });
    await trashFile({ ...host.deps, now: host.clock.now(), userId: owner }, file.fileId);
    const bystander = await addTestFile(host, { name: 'other.docx', owner });
    return {
      owner,
      names: ['a.docx'],
      bystanders: [bystander],
      run: (stores) => restoreFromTrash(deps(stores, owner), file.fileId),
    };
  },
  'PutRelativeFile to a new name': async (owner) => {
    const source = await addTestFile(host, { name: 'source.docx', owner });
    return {
      owner,
      names: ['relative.docx'],
      bystanders: [source],
      run: (stores) => wopiOn(stores, source.fileId, 'PUT_RELATIVE', { 'X-WOPI-RelativeTarget': 'relative.docx' }),
    };
  },
  'PutRelativeFile overwriting a file': async (owner) => {
    const source = await addTestFile(host, { name: 'source.docx', owner });
    await addTestFile(host, { name: 'target.docx', owner, bytes: 'the overwritten file' });
    const headers = { 'X-WOPI-RelativeTarget': 'target.docx', 'X-WOPI-OverwriteRelativeTarget': 'true' };
    return {
      owner,
      names: ['target.docx'],
      bystanders: [source],
      run: (stores) => wopiOn(stores, source.fileId, 'PUT_RELATIVE', headers),
    };
  },
};

const live = (records: readonly FileRecord[]) => records.filter((record) => record.trashed === undefined);
const key = (name: string) => name.toLowerCase();

/** What the index promises of the owner's live files right now. */
async function indexState(owner: string) {
  const files = live(await filesOf(host, owner));
  const claims = await Promise.all(files.map((file) => host.deps.names.get(owner, file.name)));
  return {
    unique: new Set(files.map((file) => key(file.name))).size === files.length,
    claimedByThemselves: files.every((file, i) => claims[i]?.fileId === file.fileId),
  };
}

/**
 * PutRelativeFile with overwrite onto `name`, from a new file of the owner: it replaces the live file of that name,
 * or makes a new one, or is refused; every other file keeps its content.
 */
async function overwriteOnto(owner: string, name: string): Promise<{ status: number; othersKept: boolean }> {
  const source = await addTestFile(host, { name: `source-${Math.random().toString(36).slice(2)}.docx`, owner });
  const before = await filesOf(host, owner);
  const res = await host.wopi(source.fileId, {
    override: 'PUT_RELATIVE',
    headers: { 'X-WOPI-RelativeTarget': name, 'X-WOPI-OverwriteRelativeTarget': 'true' },
    body: `overwrites ${name}`,
  });
  const after = new Map((await filesOf(host, owner)).map((record) => [record.fileId, record]));
  const others = before.filter((record) => record.trashed !== undefined || key(record.name) !== key(name));
  const othersKept = others.every(
    (record) => after.get(record.fileId)?.content.contentKey === record.content.contentKey,
  );
  return { status: res.status, othersKept };
}

/** Runs the operation with the fault after 0, 1, 2, ... writes, until it completes without meeting the fault. */
async function eachFaultPoint(
  operation: (owner: string) => Promise<Scene>,
  mode: Mode,
  check: (scene: Scene, after: number) => Promise<void>,
): Promise<number> {
  for (let after = 0; ; after++) {
    const scene = await operation(uniqueOwner());
    // The files were made a while ago: their claims are old, as they are in use.
    host.clock.advance(10 * 60_000);
    const fault = new Fault(after, mode);
    await scene.run(faultyStores(fault)).catch(() => undefined);
    if (!fault.met) return after;
    await check(scene, after);
  }
}

describe.each<Mode>(['crash', 'failed write'])(
  'the name index after a %s (fault injection after each write)',
  (mode) => {
    describe.each(Object.keys(operations))('of %s', (operationName) => {
      const operation = operations[operationName] as (owner: string) => Promise<Scene>;

      it('leaves every live file claimed by itself, names unique, and the files it did not touch unchanged', async () => {
        // Prepare, Act, Assess at each fault point
        const points = await eachFaultPoint(operation, mode, async (scene, after) => {
          const state = await indexState(scene.owner);
          const bystanders = await Promise.all(scene.bystanders.map((file) => recordOf(host, file.fileId)));
          expect({ after, state, bystanders }).toEqual({
            after,
            state: { unique: true, claimedByThemselves: true },
            bystanders: scene.bystanders,
          });
        });
        expect(points).toBeGreaterThan(1);
      });

      it('frees a stale claim once CLAIM_GRACE_MS has passed: a name no live file has can be taken', async () => {
        // Prepare, Act, Assess at each fault point
        await eachFaultPoint(operation, mode, async (scene, after) => {
          host.clock.advance(CLAIM_GRACE_MS);
          const taken = new Set(live(await filesOf(host, scene.owner)).map((file) => key(file.name)));
          const free = await Promise.all(
            scene.names.map((name) => nameIsFree(host.deps, scene.owner, name, host.clock.now())),
          );
          expect({ after, free }).toEqual({ after, free: scene.names.map((name) => !taken.has(key(name))) });
        });
      });

      it('lets PutRelativeFile with overwrite onto a touched name replace only the file of that name, before and after the grace', async () => {
        // Prepare, Act, Assess at each fault point
        await eachFaultPoint(operation, mode, async (scene, after) => {
          const early = [];
          for (const name of scene.names) early.push(await overwriteOnto(scene.owner, name));
          host.clock.advance(CLAIM_GRACE_MS);
          const late = [];
          for (const name of scene.names) late.push(await overwriteOnto(scene.owner, name));
          expect({ after, early, late, state: await indexState(scene.owner) }).toEqual({
            after,
            // A claim within its grace may still refuse the name (409); nothing else happens to another file.
            early: early.map((result) => ({ status: result.status === 409 ? 409 : 200, othersKept: true })),
            late: late.map(() => ({ status: 200, othersKept: true })),
            state: { unique: true, claimedByThemselves: true },
          });
        });
      });
    });
  },
);
