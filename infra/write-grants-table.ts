// npm run readme:grants: rewrites the README's grants table from lambda/routes.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { deployedFunctions, withGrantsTable } from './grants-table';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withGrantsTable(readFileSync(path, 'utf8'), deployedFunctions()));
