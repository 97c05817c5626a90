// The DynamoDB words for a rule (domain/conditions.ts) and a change (domain/ports.ts FileChange) on a file item:
// a condition that is one flat OR of ANDs, and one update expression, with every name and value a placeholder.
import type { Fact, Rule } from '../domain/conditions';
import type { FileChange } from '../domain/ports';
import { packList } from './packed-list';

/** Placeholders for one request: values that are equal share one. */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly byValue = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  value(value: unknown): string {
    // A packed list is never equal to another value of the request, and serialising its bytes to find out is costly.
    if (value instanceof Uint8Array) return this.fresh(value);
    const key = JSON.stringify(value);
    let placeholder = this.byValue.get(key);
    if (placeholder === undefined) {
      placeholder = this.fresh(value);
      this.byValue.set(key, placeholder);
    }
    return placeholder;
  }

  private fresh(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  name(name: string): string {
    let placeholder = this.byName.get(name);
    if (placeholder === undefined) {
      placeholder = `#n${this.byName.size}`;
      this.byName.set(name, placeholder);
      this.names[placeholder] = name;
    }
    return placeholder;
  }
}

// Facts a missing item cannot satisfy; a clause without one also requires the item, or UpdateItem would create it.
const impliesItem = new Set<Fact['kind']>([
  'active',
  'revision',
  'lockIs',
  'lockHeldBy',
  'empty',
  'checkedOutBy',
  'roleIn',
]);

export function conditionExpression(rule: Rule, now: number, p: Placeholders): string {
  return rule
    .map((clause) => {
      const terms = clause.map((fact) => factExpression(fact, now, p));
      if (!clause.some((fact) => impliesItem.has(fact.kind))) terms.unshift('attribute_exists(pk)');
      return terms.join(' AND ');
    })
    .join(' OR ');
}

function factExpression(fact: Fact, now: number, p: Placeholders): string {
  switch (fact.kind) {
    case 'active':
      return `${p.name('state')} = ${p.value('active')}`;
    case 'unlocked':
      return `lockExpiresAt <= ${p.value(now)}`;
    case 'lockIs':
      return `lockId = ${p.value(fact.lockId)} AND lockExpiresAt > ${p.value(now)}`;
    case 'lockHeldBy':
      return `lockedBy = ${p.value(fact.userId)} AND lockExpiresAt > ${p.value(now)}`;
    case 'empty':
      return `${p.name('content')}.${p.name('size')} = ${p.value(0)}`;
    case 'notCheckedOut':
      return 'attribute_not_exists(checkoutBy)';
    case 'checkedOutBy':
      return `checkoutBy = ${p.value(fact.userId)}`;
    case 'roleIn':
      return `${p.name('access')}.${p.name(fact.userId)} IN (${fact.roles.map((role) => p.value(role)).join(', ')})`;
    case 'revision':
      return `rev = ${p.value(fact.rev)}`;
    case 'numberless':
      return 'attribute_not_exists(docNo)';
  }
}

export function updateExpression(change: FileChange, p: Placeholders): string {
  const set: string[] = [];
  const remove: string[] = [];
  const assign = (path: string, value: unknown) => set.push(`${path} = ${p.value(value)}`);
  if (change.lock === null) {
    assign('lockExpiresAt', 0);
    remove.push('lockId', 'lockedBy', 'lockedByName');
  } else if (change.lock !== undefined) {
    assign('lockId', change.lock.id);
    assign('lockExpiresAt', change.lock.expiresAt);
    assign('lockedBy', change.lock.holder);
    assign('lockedByName', change.lock.holderName ?? change.lock.holder);
  }
  if (change.checkOut === null) remove.push('checkoutBy', 'checkoutByName', 'checkoutAt');
  else if (change.checkOut !== undefined) {
    assign('checkoutBy', change.checkOut.holder);
    assign('checkoutByName', change.checkOut.holderName);
    assign('checkoutAt', change.checkOut.at);
  }
  if (change.content !== undefined) assign(p.name('content'), change.content);
  // A list written is written packed; the plain one an older item may still have goes with it.
  if (change.versions !== undefined) {
    assign('versionsPacked', packList(change.versions));
    remove.push('versions');
  }
  if (change.name !== undefined) assign(p.name('name'), change.name);
  if (change.folderId === null) remove.push('folderId');
  else if (change.folderId !== undefined) assign('folderId', change.folderId);
  for (const [userId, role] of Object.entries(change.access ?? {})) {
    const path = `${p.name('access')}.${p.name(userId)}`;
    if (role === null) remove.push(path);
    else assign(path, role);
  }
  if (change.trashed === null) {
    assign(p.name('state'), 'active');
    remove.push('trashedAt', 'trashedBy');
  } else if (change.trashed !== undefined) {
    assign(p.name('state'), 'trashed');
    assign('trashedAt', change.trashed.at);
    assign('trashedBy', change.trashed.by);
  }
  if (change.activity !== undefined) {
    assign('activityPacked', packList(change.activity));
    remove.push('activity');
  }
  if (change.rev !== undefined) assign('rev', change.rev);
  if (change.docNo !== undefined) assign('docNo', change.docNo);
  return [set.length > 0 && `SET ${set.join(', ')}`, remove.length > 0 && `REMOVE ${remove.join(', ')}`]
    .filter(Boolean)
    .join(' ');
}
