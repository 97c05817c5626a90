// Model-based test of the lock family, PutFile and check-out (seeds 000-004): random command sequences by two users
// (the owner and an editor), with clock jumps across the 30-minute expiry, run through the real handlers (local
// HTTP server, dynalite, s3rver) and through the reference model in test/support/wopi-model.ts; every answer must
// be the model's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../lambda/domain/users';
import { performOp } from '../support/wopi-calls';
import { recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';
import {
  describeOp,
  type FileModel,
  LOCK_TTL_MS,
  liveLockOf,
  newFileModel,
  sizeOf,
  step,
  type WopiOp,
} from '../support/wopi-model';

const LONG = process.env.WOPI_LONG !== undefined && process.env.WOPI_LONG !== '';
const NUM_RUNS = LONG ? 500 : 40;
const MAX_COMMANDS = 25;

const MINUTE = 60 * 1000;
// Jumps that, alone or summed, land just before (29m59s), exactly on (30m, 29m59s + 1s) and after the expiry.
const CLOCK_JUMPS_MS = [1, 1000, MINUTE, LOCK_TTL_MS - 1000, LOCK_TTL_MS, LOCK_TTL_MS + MINUTE];

/** The model's side of a run: the file and the instant the host's clock shows. */
interface ModelRun {
  file: FileModel;
  now: number;
}

interface RealRun {
  readonly host: TestHost;
  readonly fileId: string;
  /** The users' API keys, for check-out through DocSpace's route. */
  readonly apiKeys: Readonly<Record<string, string>>;
  /** The clock when the run began, so failures say how far into the run a command was. */
  readonly startedAt: number;
}

/** One request: the host must answer exactly what the model answers, and the model moves on. */
class OpCommand implements fc.AsyncCommand<ModelRun, RealRun> {
  constructor(readonly op: WopiOp) {}
  check(): boolean {
    return true;
  }
  async run(model: ModelRun, real: RealRun): Promise<void> {
    const actual = await performOp(real.host, real.fileId, this.op, real.apiKeys);
    const expected = step(model.file, this.op, model.now);
    expect(actual, `${describeOp(this.op)} at +${model.now - real.startedAt} ms`).toEqual(expected.outcome);
    model.file = expected.next;
  }
  toString(): string {
    return describeOp(this.op);
  }
}

/** Time passes: the host's TestClock and the model's instant move together. */
class ClockJump implements fc.AsyncCommand<ModelRun, RealRun> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(model: ModelRun, real: RealRun): Promise<void> {
    real.host.clock.advance(this.ms);
    model.now += this.ms;
  }
  toString(): string {
    return `ClockJump(${formatDuration(this.ms)})`;
  }
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / MINUTE);
  const seconds = Math.floor((ms % MINUTE) / 1000);
  return [minutes > 0 ? `${minutes}m` : '', seconds > 0 ? `${seconds}s` : ''].join('');
}

// A small alphabet, so that clients often send the lock that is on the file and often one that is not.
const lockId = fc.constantFrom('A', 'B', 'C');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
// Empty bodies matter: an unlocked file takes a PutFile only while it is 0 bytes.
const body = fc.oneof(fc.constant(''), fc.uint8Array({ minLength: 1, maxLength: 6 }).map(hex));

const OWNER = 'owner-1';
const EDITOR = 'editor-1';
const user = fc.constantFrom(OWNER, EDITOR);
const op = (arbitrary: fc.Arbitrary<WopiOp>) =>
  fc.tuple(arbitrary, user).map(([value, by]) => new OpCommand({ ...value, user: by }));
// An entry listed twice is drawn twice as often: Lock, PutFile and clock jumps drive most state changes.
const commandArbitraries: fc.Arbitrary<fc.AsyncCommand<ModelRun, RealRun>>[] = [
  op(lockId.map((id) => ({ kind: 'Lock', lockId: id }))),
  op(lockId.map((id) => ({ kind: 'Lock', lockId: id }))),
  op(fc.constant({ kind: 'GetLock' })),
  op(lockId.map((id) => ({ kind: 'RefreshLock', lockId: id }))),
  op(lockId.map((id) => ({ kind: 'Unlock', lockId: id }))),
  op(fc.tuple(lockId, lockId).map(([oldId, newId]) => ({ kind: 'UnlockAndRelock', oldLockId: oldId, lockId: newId }))),
  op(
    fc
      .tuple(fc.option(lockId, { nil: undefined }), body)
      .map(([id, bytes]) => ({ kind: 'PutFile', lockId: id, body: bytes })),
  ),
  op(fc.tuple(lockId, body).map(([id, bytes]) => ({ kind: 'PutFile', lockId: id, body: bytes }))),
  op(fc.constant({ kind: 'GetFile' })),
  op(fc.constant({ kind: 'CheckOut' })),
  op(fc.constant({ kind: 'CheckOut' })),
  op(fc.constant({ kind: 'UndoCheckOut' })),
  fc.constantFrom(...CLOCK_JUMPS_MS).map((ms) => new ClockJump(ms)),
  fc.constantFrom(...CLOCK_JUMPS_MS).map((ms) => new ClockJump(ms)),
];

let host: TestHost;
const apiKeys: Record<string, string> = {};
beforeAll(async () => {
  host = await startTestHost();
  for (const userId of [OWNER, EDITOR]) {
    await host.deps.users.putUser({ userId, displayName: userId });
    apiKeys[userId] = await issueApiKey(host.deps.users, userId, host.clock.now());
  }
});
afterAll(() => host.close());

describe('Lock, GetLock, RefreshLock, Unlock, UnlockAndRelock, PutFile and check-out against the reference model', () => {
  it(
    'answers every command of a random sequence (with clock jumps across the 30-minute expiry) as the seeds say, and keeps the content and version the model keeps',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          body,
          fc.commands(commandArbitraries, { maxCommands: MAX_COMMANDS, size: 'max' }),
          async (initial, cmds) => {
            // Prepare: a fresh file per run, unlocked, with content that is empty or not.
            const file = await host.addFile(Buffer.from(initial, 'hex'), undefined, OWNER);
            await host.share(file.fileId, EDITOR, 'edit');
            const model: ModelRun = { file: newFileModel(initial, OWNER), now: host.clock.now() };
            const real: RealRun = { host, fileId: file.fileId, apiKeys, startedAt: model.now };
            // Act + Assess: each command compares its own answer.
            await fc.asyncModelRun(() => ({ model, real }), cmds);
            // Assess: what GetFile serves and what the record holds are the model's content, version and lock.
            const read = await performOp(host, file.fileId, { kind: 'GetFile' });
            expect(read, 'GetFile after the run').toEqual(step(model.file, { kind: 'GetFile' }, model.now).outcome);
            const record = await recordOf(host, file.fileId);
            const stored = {
              version: record.content.version,
              size: record.content.size,
              lock: liveOf(record.lock, model.now),
              checkOut: record.checkOut?.holder,
            };
            expect(stored, 'the stored record after the run').toEqual({
              version: model.file.version,
              size: sizeOf(model.file),
              lock: liveOf(liveLockOf(model.file, model.now), model.now),
              checkOut: model.file.checkOut,
            });
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    LONG ? 60 * 60 * 1000 : 120_000,
  );
});

// Locks as the two sides are compared: by id, holder and expiry.
function liveOf(lock: { id: string; holder: string; expiresAt: number } | undefined, now: number) {
  if (lock === undefined || lock.expiresAt <= now) return undefined;
  return { id: lock.id, holder: lock.holder, expiresAt: lock.expiresAt };
}
