// Racing clients through the local HTTP server: each lock operation is one conditional write, so two racing
// requests can never both win and there are never two holders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLock, lock, lockedFile, unlock, unlockAndRelock } from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

interface Answer {
  readonly lockId: string;
  readonly status: number;
  readonly lock: string | null;
  readonly reason: string | null;
}

/** Starts every call at once and waits for all of them; each answer names the lock ID it asked for. */
async function race(lockIds: readonly string[], call: (lockId: string) => Promise<Response>): Promise<Answer[]> {
  return Promise.all(
    lockIds.map(async (lockId) => {
      const res = await call(lockId);
      await res.arrayBuffer();
      return {
        lockId,
        status: res.status,
        lock: res.headers.get('x-wopi-lock'),
        reason: res.headers.get('x-wopi-lockfailurereason'),
      };
    }),
  );
}

function lockIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

describe('Lock under concurrency', () => {
  it('100 concurrent Lock requests with different lock IDs on one file: exactly one gets 200', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const answers = await race(lockIds('client', 100), (lockId) => lock(host, fileId, lockId));
    // Assess
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });

  it("100 concurrent Lock requests: the other 99 get 409 naming the winner's lock ID, with a reason", async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const answers = await race(lockIds('client', 100), (lockId) => lock(host, fileId, lockId));
    // Assess
    const winner = answers.find((a) => a.status === 200)?.lockId;
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers.map((a) => ({ status: a.status, lock: a.lock, hasReason: Boolean(a.reason) }))).toEqual(
      Array.from({ length: 99 }, () => ({ status: 409, lock: winner, hasReason: true })),
    );
  });

  it("100 concurrent Lock requests: the file ends locked with the winner's lock ID", async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const answers = await race(lockIds('client', 100), (lockId) => lock(host, fileId, lockId));
    // Assess
    const winner = answers.find((a) => a.status === 200)?.lockId;
    expect(await currentLock(host, fileId)).toBe(winner);
  });
});

describe('UnlockAndRelock under concurrency ("This operation must be atomic.")', () => {
  it('50 concurrent UnlockAndRelock(A -> B_i), round after round: exactly one wins each round and holds the lock', async () => {
    // Prepare
    let held = 'round-0';
    const fileId = await lockedFile(host, held);
    const rounds: { winners: number; winnerHoldsLock: boolean; losersNameWinner: boolean }[] = [];
    // Act
    for (let round = 1; round <= 4; round++) {
      const oldLockId = held;
      const answers = await race(lockIds(`round-${round}`, 50), (newLockId) =>
        unlockAndRelock(host, fileId, oldLockId, newLockId),
      );
      const winners = answers.filter((a) => a.status === 200).map((a) => a.lockId);
      held = winners[0] ?? oldLockId;
      rounds.push({
        winners: winners.length,
        winnerHoldsLock: (await currentLock(host, fileId)) === held,
        losersNameWinner: answers.every((a) => a.status === 200 || (a.status === 409 && a.lock === held)),
      });
    }
    // Assess
    expect(rounds).toEqual(
      Array.from({ length: 4 }, () => ({ winners: 1, winnerHoldsLock: true, losersNameWinner: true })),
    );
  });

  it('Unlock(A) racing 49 UnlockAndRelock(A -> B_i): exactly one of the 50 succeeds, never two holders', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const answers = await race(['unlock', ...lockIds('relock', 49)], (lockId) =>
      lockId === 'unlock' ? unlock(host, fileId, 'lock-a') : unlockAndRelock(host, fileId, 'lock-a', lockId),
    );
    // Assess
    const winner = answers.find((a) => a.status === 200)?.lockId;
    expect({
      winners: answers.filter((a) => a.status === 200).length,
      lock: await currentLock(host, fileId),
    }).toEqual({ winners: 1, lock: winner === 'unlock' ? '' : winner });
  });
});
