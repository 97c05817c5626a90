// The README's table of what each function may do, made from the route table, so that what the README says is what
// deploys: `npm run readme:grants` rewrites it, and a test fails while it is stale.
import { type Grants, type Route, routes } from '../lambda/routes';
import { SWEEP_GRANTS } from './constructs/orphan-sweep';

export const TABLE_START = '<!-- grants table: npm run readme:grants -->';
export const TABLE_END = '<!-- end of grants table -->';

const listed = (actions: Readonly<Partial<Record<string, readonly string[]>>> | undefined) =>
  Object.entries(actions ?? {})
    .map(([action, prefixes]) => `${action} ${(prefixes ?? []).map((p) => `\`${p}\``).join(' ')}`)
    .join('; ') || '—';

const cells = (grants: Grants) => [listed(grants.table), listed(grants.bucket), grants.tokenSecret ? 'yes' : 'no'];

export interface Granted {
  readonly label: string;
  readonly grants: Grants;
}

/** Every deployed function: a route's by its method and path, the scheduled sweep by its name. */
export function deployedFunctions(from: readonly Route[] = routes): Granted[] {
  return [
    ...from.map((route) => ({ label: `${route.method} \`${route.path}\``, grants: route.grants })),
    { label: 'the orphan sweep (daily)', grants: SWEEP_GRANTS },
  ];
}

/** One row per distinct grant, naming every function that has it. */
export function grantsTable(functions: readonly Granted[]): string {
  const rows = new Map<string, string[]>();
  for (const { label, grants } of functions) {
    const key = cells(grants).join(' | ');
    rows.set(key, [...(rows.get(key) ?? []), label]);
  }
  return [
    '| Function | DynamoDB (partition prefixes) | S3 (key prefixes) | Signing key |',
    '|---|---|---|---|',
    ...[...rows].map(([key, names]) => `| ${names.join('<br>')} | ${key} |`),
  ].join('\n');
}

/** The README with its grants table made from `routes`; throws when the README has no place for it. */
export function withGrantsTable(readme: string, functions: readonly Granted[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`The README needs the markers ${TABLE_START} and ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${grantsTable(functions)}\n${readme.slice(end)}`;
}
