// The README's grants table is the deployed functions': a route added or a grant changed without
// `npm run readme:grants` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deployedFunctions, grantsTable, withGrantsTable } from '../../infra/grants-table';
import { type Route, routes } from '../../lambda/routes';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's grants table", () => {
  it('is the one the route table makes', () => {
    expect(withGrantsTable(readme, deployedFunctions())).toBe(readme);
  });

  it('is found stale when a route gains a grant the README does not show', () => {
    // Prepare
    const [first, ...rest] = routes as [Route, ...Route[]];
    const widened: Route = {
      ...first,
      grants: { ...first.grants, table: { ...first.grants.table, Query: ['file#'] } },
    };
    // Act
    const rewritten = withGrantsTable(readme, deployedFunctions([widened, ...rest]));
    // Assess
    expect(rewritten).not.toBe(readme);
  });

  it('names every route once, with its grants, and the sweep', () => {
    const table = grantsTable(deployedFunctions());
    expect(table).toContain('| the orphan sweep (daily) |');
    for (const route of routes) expect(table.split(`${route.method} \`${route.path}\``)).toHaveLength(2);
    expect(table).toContain('GetItem `file#` `folder#`');
  });
});
