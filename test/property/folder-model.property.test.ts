// Model-based test of folders (issue 13): random sequences of create, rename, move and delete of folders and files
// in one user's tree, run through the host's domain against the real stores (dynalite) and through the reference
// model in test/support/folder-model.ts; every outcome, and every folder's listing (walked in pages of 2), must be
// the model's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from '../../lambda/domain/create-file';
import { ConflictError, FileNameTakenError, ForbiddenError, InvalidFileNameError } from '../../lambda/domain/errors';
import type { FolderRecord } from '../../lambda/domain/folder-record';
import {
  createFolder,
  deleteFolder,
  listChildren,
  liveFolder,
  moveFolder,
  renameFolder,
  rootFolder,
} from '../../lambda/domain/folders';
import { moveFile } from '../../lambda/domain/move-file';
import { renameFile } from '../../lambda/domain/rename-file';
import {
  listingOf,
  newTreeModel,
  stepTree,
  type TreeCommand,
  type TreeModel,
  type TreeOutcome,
} from '../support/folder-model';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const LONG = process.env.WOPI_LONG !== undefined && process.env.WOPI_LONG !== '';
const NUM_RUNS = LONG ? 300 : 25;
const MAX_COMMANDS = 20;
const PAGE = 2;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

interface Real {
  readonly owner: string;
}

/** A command names folders and files by their place in the model's lists, so that it always names one that exists. */
type Picked = (model: TreeModel) => TreeCommand;

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;
const foldersOf = (model: TreeModel) => [...model.folders.keys()];
const filesOf = (model: TreeModel) => [...model.files.keys()];

const acting = (owner: string) => ({ ...host.deps, now: host.clock.now(), userId: owner });

/** Which rule refused the host's call; any other failure fails the test as it is. */
function refusalOf(error: unknown): TreeOutcome {
  const message = String(error);
  if (error instanceof ForbiddenError && /root/i.test(message)) return 'root';
  if (error instanceof ConflictError && /into itself/.test(message)) return 'into-itself';
  if (error instanceof ConflictError && /not empty/.test(message)) return 'not-empty';
  if (error instanceof FileNameTakenError || error instanceof InvalidFileNameError) return 'taken';
  if (error instanceof ConflictError && /already exists/.test(message)) return 'taken';
  throw error;
}

/** Runs the command on the host; the id of what it made, if it made something. */
async function perform(owner: string, command: TreeCommand): Promise<string | undefined> {
  const deps = acting(owner);
  switch (command.kind) {
    case 'createFolder':
      return (await createFolder(deps, command.parent, { mode: 'exact', name: command.name })).folderId;
    case 'createFile': {
      const file = { name: command.name, ownerId: owner, folderId: command.folder, bytes: Buffer.from('x') };
      return (await createFile(host.deps, file, deps.now)).fileId;
    }
    case 'renameFolder':
      await renameFolder(deps, command.folder, command.name);
      return undefined;
    case 'renameFile':
      await renameFile(deps, command.file, undefined, command.base);
      return undefined;
    case 'moveFolder':
      await moveFolder(deps, command.folder, command.parent);
      return undefined;
    case 'moveFile':
      await moveFile(deps, command.file, command.folder);
      return undefined;
    case 'deleteFolder':
      await deleteFolder(deps, command.folder);
      return undefined;
  }
}

/** The folder's listing on the host, walked page by page. */
async function hostListing(folder: FolderRecord): Promise<string[]> {
  const names: string[] = [];
  let after: string | undefined;
  do {
    const page = await listChildren(host.deps, folder, { limit: PAGE, ...(after !== undefined && { after }) });
    for (const item of page.items) names.push(item.kind === 'folder' ? `${item.folder.name}/` : item.file.name);
    after = page.next;
  } while (after !== undefined);
  return names.sort();
}

class TreeStep implements fc.AsyncCommand<{ tree: TreeModel }, Real> {
  private shown = '';
  constructor(
    private readonly picked: Picked,
    private readonly needsFile: boolean,
  ) {}
  check(model: Readonly<{ tree: TreeModel }>): boolean {
    return !this.needsFile || model.tree.files.size > 0;
  }
  async run(model: { tree: TreeModel }, real: Real): Promise<void> {
    const command = this.picked(model.tree);
    this.shown = JSON.stringify(command);
    let outcome: TreeOutcome = 'ok';
    let made: string | undefined;
    try {
      made = await perform(real.owner, command);
    } catch (error) {
      outcome = refusalOf(error);
    }
    const expected = stepTree(model.tree, command, made ?? '');
    expect(outcome, this.shown).toBe(expected.outcome);
    model.tree = expected.next;
  }
  toString(): string {
    return this.shown || 'TreeStep';
  }
}

const index = fc.nat({ max: 50 });
// Few names, so that collisions (case-only ones included) are common; a folder may take a file's name and so collide.
const folderName = fc.constantFrom('Plans', 'plans', 'Archive', 'notes.docx');
const fileName = fc.constantFrom('notes.docx', 'Notes.docx', 'plan.docx');
const fileBase = fc.constantFrom('notes', 'Notes', 'plan', 'Plans');

const step = (arbitrary: fc.Arbitrary<Picked>, needsFile = false) => arbitrary.map((p) => new TreeStep(p, needsFile));
const commands = [
  step(
    fc.tuple(index, folderName).map(([i, name]) => (m) => ({
      kind: 'createFolder',
      parent: pick(foldersOf(m), i),
      name,
    })),
  ),
  step(
    fc.tuple(index, fileName).map(([i, name]) => (m) => ({ kind: 'createFile', folder: pick(foldersOf(m), i), name })),
  ),
  step(
    fc.tuple(index, fileName).map(([i, name]) => (m) => ({ kind: 'createFile', folder: pick(foldersOf(m), i), name })),
  ),
  step(
    fc.tuple(index, folderName).map(([i, name]) => (m) => ({
      kind: 'renameFolder',
      folder: pick(foldersOf(m), i),
      name,
    })),
  ),
  step(
    fc.tuple(index, fileBase).map(([i, base]) => (m) => ({ kind: 'renameFile', file: pick(filesOf(m), i), base })),
    true,
  ),
  step(
    fc.tuple(index, index).map(([i, j]) => (m) => ({
      kind: 'moveFolder',
      folder: pick(foldersOf(m), i),
      parent: pick(foldersOf(m), j),
    })),
  ),
  step(
    fc.tuple(index, index).map(([i, j]) => (m) => ({
      kind: 'moveFile',
      file: pick(filesOf(m), i),
      folder: pick(foldersOf(m), j),
    })),
    true,
  ),
  step(index.map((i) => (m) => ({ kind: 'deleteFolder', folder: pick(foldersOf(m), i) }))),
] as fc.Arbitrary<fc.AsyncCommand<{ tree: TreeModel }, Real>>[];

describe('folders against the reference model', () => {
  it(
    'gives every command of a random sequence the outcome the model gives, and lists every folder as the model does',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          // Prepare: a fresh user per run, with only their root.
          const owner = uniqueOwner();
          const root = await rootFolder(acting(owner), owner);
          const state = { tree: newTreeModel(root.folderId) };
          // Act + Assess: each command compares its own outcome.
          await fc.asyncModelRun(() => ({ model: state, real: { owner } }), cmds);
          // Assess: every folder lists what the model holds there.
          for (const folderId of state.tree.folders.keys()) {
            const folder = await liveFolder(host.deps.folders, folderId);
            expect(await hostListing(folder), `listing of ${folderId}`).toEqual(listingOf(state.tree, folderId));
          }
        }),
        { numRuns: NUM_RUNS },
      );
    },
    LONG ? 3_600_000 : 300_000,
  );
});
