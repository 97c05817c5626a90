// The validator's runs against `npm start` serving an empty test.wopitest, shared by the conformance test and
// `npm run validator`: the file to serve, the target a started host prints, and the run with proof keys.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDiscovery } from '../support/discovery-server';
import { officeDiscoveryXml } from '../support/discovery-xml';
import { type StartedHost, startNpmStart } from '../support/npm-start';
import { generateProofKey } from '../support/proof-signing';
import { containerGroups } from './container-groups';
import { fileGroups, proofKeyGroups } from './file-groups';
import type { Category, Group } from './validator-model';
import { type CaseResult, runSuite, type Target } from './validator-runner';

/** Every group but ProofKeys, which needs a host that knows the runner's keys. */
export const allGroups: readonly Group[] = [...fileGroups, ...containerGroups];
/** The validator's category All, less OfficeNativeClient (Office's desktop apps) and WopiCoauth (not offered). */
export const categories: readonly Category[] = ['WopiCore', 'OfficeOnline'];

/** An empty test.wopitest in a folder of its own, as the validator asks a host to serve; `remove` deletes it. */
export function emptyWopitest(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'validator-'));
  const path = join(dir, 'test.wopitest');
  writeFileSync(path, '');
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The file and token `npm start` printed, or another token for it; the token's expiry as access_token_ttl. */
export function targetOf(host: StartedHost, accessToken = host.printed['Access token'] ?? ''): Target {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
  return { wopiSrc: host.printed['WOPI source'] ?? '', accessToken, accessTokenTtl: payload.exp * 1000 };
}

/**
 * `npm start` given discovery that publishes a current and an old key of the runner's, every request signed with
 * both as the validator signs them, all groups and ProofKeys. The validator's source holds no keys of its own:
 * whoever runs it (Office's hosted validator) hands it the pair, as this does.
 */
export async function signedRun(sample: string): Promise<CaseResult[]> {
  const keys = { current: generateProofKey(), old: generateProofKey() };
  const discovery = await serveDiscovery(() => officeDiscoveryXml(keys));
  const host = await startNpmStart({ WOPI_SAMPLE_FILE: sample, WOPI_DISCOVERY_URL: discovery.url });
  try {
    const proofKeys = { current: keys.current.privateKey, old: keys.old.privateKey };
    return await runSuite([...allGroups, ...proofKeyGroups], { ...targetOf(host), proofKeys }, { categories });
  } finally {
    await host.stop();
    await discovery.close();
  }
}
