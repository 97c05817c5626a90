// A linearizability checker for small histories (tens of operations on one object).
//
// A history is linearizable when there is one total order of its operations that (1) respects real time:
// if A's response arrived before B was invoked, A comes before B, and (2) is a legal run of the sequential
// model: replaying the operations in that order through the model gives every operation exactly the answer
// the client recorded. Each operation then appears to take effect at one instant between its invocation and
// its response.
//
// The search is Wing & Gong's, with the memoization of Lowe ("WGL"):
// - A state of the search is (the set of operations already linearized, the model state they produce).
// - An operation may be linearized next iff it is not linearized yet and it was invoked no later than the
//   earliest response among all operations not linearized yet: anything invoked after that response must
//   follow that operation, so it cannot be next.
// - For each such candidate, in invocation order, the model takes the operation; if the model's answer equals
//   the recorded one, the search goes deeper with the candidate added, otherwise (or if the deeper search
//   fails) the next candidate is tried. Reaching the full set means a linearization was found.
// - Two different orders that linearize the same set and end in the same model state have the same future,
//   so each failed (set, state) pair is remembered and never explored again. With at most k operations
//   concurrent at any instant, the sets reachable are few (each is "all operations up to some point in time,
//   plus some of the <= k open ones"), so 8 clients x 6 operations stay at a few thousand states at most.
// The set is a bigint bitmask over the operations' indices, so histories of any length are representable.

export interface HistoryEntry<Op, Out> {
  readonly client: number;
  readonly op: Op;
  readonly outcome: Out;
  /** performance.now() just before the request left the client. */
  readonly invokedAt: number;
  /** performance.now() once the whole response was read. */
  readonly returnedAt: number;
}

export interface SequentialSpec<State, Op, Out> {
  readonly initial: State;
  step(state: State, op: Op): { readonly next: State; readonly outcome: Out };
  same(expected: Out, actual: Out): boolean;
  /** Equal keys for states with the same future. */
  key(state: State): string;
  describeOp(op: Op): string;
  describeOutcome(outcome: Out): string;
}

export type Verdict =
  | { readonly linearizable: true; readonly order: readonly number[] }
  | { readonly linearizable: false; readonly explanation: string };

export function checkLinearizable<State, Op, Out>(
  history: readonly HistoryEntry<Op, Out>[],
  spec: SequentialSpec<State, Op, Out>,
): Verdict {
  const byInvocation = history.map((_, i) => i).sort((a, b) => at(a).invokedAt - at(b).invokedAt);
  const failed = new Set<string>();
  const order: number[] = [];
  let deepest: { order: number[]; state: State } = { order: [], state: spec.initial };

  function at(i: number): HistoryEntry<Op, Out> {
    const entry = history[i];
    if (entry === undefined) throw new Error(`No operation ${i}`);
    return entry;
  }

  const bit = (i: number) => 1n << BigInt(i);

  /** Operations that may be linearized next after `done`, in invocation order. */
  function candidates(done: bigint): number[] {
    let horizon = Number.POSITIVE_INFINITY;
    for (let i = 0; i < history.length; i++) {
      if ((done & bit(i)) === 0n) horizon = Math.min(horizon, at(i).returnedAt);
    }
    const open: number[] = [];
    for (const i of byInvocation) {
      if (at(i).invokedAt > horizon) break;
      if ((done & bit(i)) === 0n) open.push(i);
    }
    return open;
  }

  function search(done: bigint, state: State): boolean {
    if (order.length === history.length) return true;
    const memo = `${done.toString(36)}|${spec.key(state)}`;
    if (failed.has(memo)) return false;
    for (const i of candidates(done)) {
      const { next, outcome } = spec.step(state, at(i).op);
      if (!spec.same(outcome, at(i).outcome)) continue;
      order.push(i);
      if (order.length > deepest.order.length) deepest = { order: [...order], state: next };
      if (search(done | bit(i), next)) return true;
      order.pop();
    }
    failed.add(memo);
    return false;
  }

  if (search(0n, spec.initial)) return { linearizable: true, order: [...order] };
  return { linearizable: false, explanation: explain(history, spec, deepest, candidates, bit) };
}

/** The history as a table, the longest legal prefix the search found, and why nothing could follow it. */
function explain<State, Op, Out>(
  history: readonly HistoryEntry<Op, Out>[],
  spec: SequentialSpec<State, Op, Out>,
  deepest: { order: number[]; state: State },
  candidates: (done: bigint) => number[],
  bit: (i: number) => bigint,
): string {
  const t0 = Math.min(...history.map((entry) => entry.invokedAt));
  const ms = (t: number) => (t - t0).toFixed(1).padStart(7);
  const entry = (i: number) => history[i] as HistoryEntry<Op, Out>;
  const line = (i: number) => {
    const e = entry(i);
    return `#${String(i).padStart(2)} client ${e.client} [${ms(e.invokedAt)} .. ${ms(e.returnedAt)}] ms  ${spec.describeOp(e.op)} -> ${spec.describeOutcome(e.outcome)}`;
  };
  const sorted = history.map((_, i) => i).sort((a, b) => entry(a).invokedAt - entry(b).invokedAt);
  const done = deepest.order.reduce((mask, i) => mask | bit(i), 0n);
  const stuck = candidates(done).map((i) => {
    const expected = spec.step(deepest.state, entry(i).op).outcome;
    return `${line(i)}\n      but the model answers ${spec.describeOutcome(expected)} in state ${spec.key(deepest.state)}`;
  });
  return [
    `Not linearizable: no order of these ${history.length} operations is a legal run of the model.`,
    'History (by invocation):',
    ...sorted.map((i) => `  ${line(i)}`),
    `Longest legal prefix found (${deepest.order.length} operations): ${deepest.order.map((i) => `#${i}`).join(' ')}`,
    `After it the model is in state ${spec.key(deepest.state)}, and none of the operations that may come next fits:`,
    ...stuck.map((text) => `  ${text}`),
  ].join('\n');
}
