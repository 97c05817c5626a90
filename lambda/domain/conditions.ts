// The precondition of every write to a file's item, stated once as data: a disjunction of conjunctions of facts
// about the item. The DynamoDB adapter writes each rule as one flat ConditionExpression (no nesting, which the
// emulator parses slowly and DynamoDB does not need); `holds` is the same rule in plain code, used to explain a
// refused write, to retry one the emulator refused against an older state, and by the tests' reference models.
import type { Role } from './access';
import type { FileRecord } from './file-record';

export type Fact =
  /** The file exists, is not in the trash, and its item has the current layout. */
  | { readonly kind: 'active' }
  /** No live WOPI lock: none was set, it was removed, or it expired (expiry is decided here, never by TTL). */
  | { readonly kind: 'unlocked' }
  /** This live WOPI lock id is on the file. */
  | { readonly kind: 'lockIs'; readonly lockId: string }
  /** A live WOPI lock set (or last refreshed) by this user's session is on the file. */
  | { readonly kind: 'lockHeldBy'; readonly userId: string }
  /** The current content is 0 bytes (PutFile without a lock may write it). */
  | { readonly kind: 'empty' }
  /** No person has checked the file out. */
  | { readonly kind: 'notCheckedOut' }
  /** This user holds the check-out. */
  | { readonly kind: 'checkedOutBy'; readonly userId: string }
  /** The user's role on the file is one of these (the item's access map; the token only says who). */
  | { readonly kind: 'roleIn'; readonly userId: string; readonly roles: readonly Role[] }
  /** Nothing else changed the item since it was read at this revision (its lists are rewritten from that read). */
  | { readonly kind: 'revision'; readonly rev: number }
  /** The file has no document number yet (domain/numbers.ts gives it one). */
  | { readonly kind: 'numberless' };

/** OR of ANDs. */
export type Rule = readonly (readonly Fact[])[];

export const always: Rule = [[]];

export function fact(value: Fact): Rule {
  return [[value]];
}

/** Every way each rule can hold, combined: the conjunction stays a flat OR of ANDs. */
export function allOf(...rules: readonly Rule[]): Rule {
  return rules.reduce<Rule>((acc, rule) => acc.flatMap((left) => rule.map((right) => [...left, ...right])), always);
}

export function anyOf(...rules: readonly Rule[]): Rule {
  return rules.flat();
}

export function holds(rule: Rule, record: FileRecord | undefined, now: number): boolean {
  // No rule holds for a missing file, not even a clause without facts: the conditional write never creates one.
  if (record === undefined) return false;
  return rule.some((clause) => clause.every((value) => factHolds(value, record, now)));
}

function factHolds(value: Fact, record: FileRecord, now: number): boolean {
  const live = record.lock !== undefined && record.lock.expiresAt > now ? record.lock : undefined;
  switch (value.kind) {
    case 'active':
      return record.trashed === undefined;
    case 'unlocked':
      return live === undefined;
    case 'lockIs':
      return live?.id === value.lockId;
    case 'lockHeldBy':
      return live?.holder === value.userId;
    case 'empty':
      return record.content.size === 0;
    case 'notCheckedOut':
      return record.checkOut === undefined;
    case 'checkedOutBy':
      return record.checkOut?.holder === value.userId;
    case 'roleIn': {
      const role = record.access[value.userId];
      return role !== undefined && value.roles.includes(role);
    }
    case 'revision':
      return record.rev === value.rev;
    case 'numberless':
      return record.docNo === undefined;
  }
}
