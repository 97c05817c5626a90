// Microsoft's WOPI validator cases (restated in test/conformance/) against `npm start` serving an empty
// test.wopitest, as issue 13 asks: every group the host advertises passes, and a group is skipped only because
// the host's CheckFileInfo does not advertise what the group's prerequisites ask for. Three runs, each printing
// its per-group tally: the plain host with the owner's token (categories WopiCore and OfficeOnline), the same host
// with a token of a user who may only view, and a host given discovery with the runner's proof keys, where every
// request is signed as the validator signs them and the ProofKeys group runs too.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerGroups } from '../conformance/container-groups';
import { allGroups, categories, emptyWopitest, signedRun, targetOf } from '../conformance/npm-start-runs';
import { type CaseResult, formatReport, runSuite, tallyByGroup } from '../conformance/validator-runner';
import { type StartedHost, startNpmStart } from '../support/npm-start';

/** The groups of files that the host on main advertises, all of whose cases must run and pass. */
const advertised = [
  'CheckFileInfoSchema',
  'BaseWopiViewing',
  'Locks',
  'GetLock',
  'ExtendedLockLength',
  'EditFlows',
  'FileVersion',
  'PutUserInfo',
  'PutRelativeFile',
  'FileUrlUsage',
  'FileUrlViewOnly',
  'GetSharingUrlForFileWithTypeReadOnly',
  'GetSharingUrlForFileWithTypeReadWrite',
  'GetSharingUrlForFileWithUnknownType',
  'AddActivities',
];

let sample: ReturnType<typeof emptyWopitest>;
let plain: StartedHost;
let plainResults: CaseResult[];
let viewerResults: CaseResult[];
let signedResults: CaseResult[];
let plainInfo: Record<string, unknown>;

/** `npx wopi-host` against the running host's data folder, as a user beside it runs it. */
async function cli(host: StartedHost, ...argv: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['lambda/cli/bin.mjs', ...argv], {
    env: { ...process.env, WOPI_DATA_DIR: host.dataDir },
  });
  return stdout.trim();
}

/** A token of a new user to whom the owner gave a view share of the file. */
async function viewerToken(host: StartedHost): Promise<string> {
  const fileId = new URL(host.printed['WOPI source'] ?? '').pathname.split('/').pop() ?? '';
  await cli(host, 'users', 'add', 'viewer', 'Validator Viewer');
  await cli(host, 'files', 'share', fileId, 'viewer', 'view');
  return cli(host, 'token', fileId, 'viewer');
}

const byName = (names: readonly string[]) => allGroups.filter((group) => names.includes(group.name));

beforeAll(async () => {
  sample = emptyWopitest();
  plain = await startNpmStart({ WOPI_SAMPLE_FILE: sample.path });
  const target = targetOf(plain);
  const info = await fetch(`${target.wopiSrc}?access_token=${encodeURIComponent(target.accessToken)}`);
  plainInfo = (await info.json()) as Record<string, unknown>;
  plainResults = await runSuite(allGroups, target, { categories });
  console.log(formatReport('validator, npm start, owner token (WopiCore + OfficeOnline):', plainResults));

  const viewer = targetOf(plain, await viewerToken(plain));
  const viewing = byName(['CheckFileInfoSchema', 'BaseWopiViewing', 'FileUrlViewOnly', 'EditFlows']);
  viewerResults = await runSuite(viewing, viewer, { categories });
  console.log(formatReport('validator, npm start, view-only token:', viewerResults));

  signedResults = await signedRun(sample.path);
  console.log(formatReport('validator, npm start with discovery, every request signed:', signedResults));
}, 300_000);

afterAll(async () => {
  await plain?.stop();
  sample?.remove();
});

const failures = (results: readonly CaseResult[]) => results.filter((r) => r.outcome === 'failed');
const tally = (results: readonly CaseResult[], group: string) => tallyByGroup(results).find((t) => t.group === group);
const caseCount = (group: string) => allGroups.find((g) => g.name === group)?.cases.length;

describe('WOPI validator cases against npm start serving an empty test.wopitest', () => {
  it('fails no case, with the owner token, in categories WopiCore and OfficeOnline', () => {
    expect(failures(plainResults)).toEqual([]);
  });

  it.each(advertised)('runs and passes every case of %s', (group) => {
    expect(tally(plainResults, group)).toEqual({ group, passed: caseCount(group), failed: 0, skipped: 0 });
  });

  it('passes PutRelativeFile.IncludeHostUrls (category OfficeOnline): HostEditUrl and HostViewUrl on the new file', () => {
    expect(plainResults.find((r) => r.name === 'PutRelativeFile.IncludeHostUrls')?.outcome).toBe('passed');
  });

  it('skips PutRelativeFileUnsupported, the alternative for hosts whose users may not write relative files', () => {
    expect(plainInfo.UserCanNotWriteRelative).not.toBe(true);
    expect(tally(plainResults, 'PutRelativeFileUnsupported')).toMatchObject({ passed: 0, failed: 0, skipped: 6 });
  });

  it('runs RenameFileIfCreateChildFileIsNotSupported exactly when CheckFileInfo does not say SupportsContainers', () => {
    const outcome = plainInfo.SupportsContainers === true ? { passed: 0, skipped: 6 } : { passed: 6, skipped: 0 };
    expect(tally(plainResults, 'RenameFileIfCreateChildFileIsNotSupported')).toMatchObject({ ...outcome, failed: 0 });
  });

  it.each(containerGroups.map((group) => group.name))(
    'skips %s only because CheckFileInfo does not say SupportsContainers, and fails none of it when it does',
    (group) => {
      const results = plainResults.filter((r) => r.group === group);
      if (plainInfo.SupportsContainers === true) expect(failures(results)).toEqual([]);
      else expect(results.filter((r) => !r.reason?.startsWith('prerequisite Containers:'))).toEqual([]);
    },
  );

  it('skips a case only for a prerequisite the host does not meet, never for another reason', () => {
    const skipped = plainResults.filter((r) => r.outcome === 'skipped');
    expect(skipped.filter((r) => !r.reason?.startsWith('prerequisite '))).toEqual([]);
  });
});

describe('WOPI validator cases with a view-only token', () => {
  it('passes the viewing groups and FileUrlViewOnly, and skips EditFlows because UserCanWrite is false', () => {
    expect(failures(viewerResults)).toEqual([]);
    expect(tallyByGroup(viewerResults)).toEqual([
      { group: 'CheckFileInfoSchema', passed: 3, failed: 0, skipped: 0 },
      { group: 'BaseWopiViewing', passed: 2, failed: 0, skipped: 0 },
      { group: 'EditFlows', passed: 0, failed: 0, skipped: 5 },
      { group: 'FileUrlViewOnly', passed: 1, failed: 0, skipped: 0 },
    ]);
    expect(viewerResults.find((r) => r.group === 'EditFlows')?.reason).toMatch(/^prerequisite UserCanWrite/);
  });
});

describe('WOPI validator cases with proof keys (host given discovery with the runner keys)', () => {
  it('fails no case when every request is signed as the validator signs it', () => {
    expect(failures(signedResults)).toEqual([]);
  });

  it('passes the ProofKeys group: both valid, one broken, rotated either way, both broken, a stale timestamp', () => {
    expect(tally(signedResults, 'ProofKeys')).toEqual({ group: 'ProofKeys', passed: 7, failed: 0, skipped: 0 });
  });
});
