// Runs the restated validator cases against a WOPI host over HTTP, by the validator's rules:
// - a case runs only if every prerequisite of its group passes first; one that fails makes the case "skipped",
//   the validator's only reason to skip (a host that does not advertise a capability skips its groups);
// - a step with no checks must answer 200; a step with checks is held to those alone;
// - the first step that fails a check fails the case; the cleanup steps run whatever happened;
// - every answer's Content-Length, when sent, must match its body;
// - a request names its file by WOPI source plus access_token and access_token_ttl, carries the token as a bearer
//   header too, and, when the runner has proof keys, X-WOPI-Proof / X-WOPI-ProofOld / X-WOPI-TimeStamp signed over
//   the URL exactly as sent.
import type { KeyObject } from 'node:crypto';
import iconv from 'iconv-lite';
import { proofHeaders } from '../support/proof-signing';
import { checkFileInfoSchemaErrors } from './checkfileinfo-schema';
import { prereqSteps } from './prereqs';
import type { Category, Check, Group, Keep, Operation, PropertyCheck, Resource, Step } from './validator-model';

/** Distinct bodies standing in for the validator's sample documents; a host stores bytes, it never opens them. */
export const resourceBytes: Record<Resource, Buffer> = {
  WordBlankDocument: Buffer.from('PK\u0003\u0004 blank document stand-in'),
  WordSimpleDocument: Buffer.from('PK\u0003\u0004 simple document stand-in, a little longer than the blank one'),
  WordComplexDocument: Buffer.from(`PK\u0003\u0004 complex document stand-in ${'x'.repeat(4096)}`),
  ZeroByteFile: Buffer.alloc(0),
};

interface OperationShape {
  readonly method: 'GET' | 'POST';
  readonly path?: string;
  readonly override?: string;
}

const operations: Record<Exclude<Operation, 'GetFromFileUrl'>, OperationShape> = {
  CheckFileInfo: { method: 'GET' },
  GetFile: { method: 'GET', path: '/contents' },
  Lock: { method: 'POST', override: 'LOCK' },
  UnlockAndRelock: { method: 'POST', override: 'LOCK' },
  Unlock: { method: 'POST', override: 'UNLOCK' },
  RefreshLock: { method: 'POST', override: 'REFRESH_LOCK' },
  GetLock: { method: 'POST', override: 'GET_LOCK' },
  PutFile: { method: 'POST', path: '/contents', override: 'PUT' },
  PutRelativeFile: { method: 'POST', override: 'PUT_RELATIVE' },
  PutUserInfo: { method: 'POST', override: 'PUT_USER_INFO' },
  RenameFile: { method: 'POST', override: 'RENAME_FILE' },
  DeleteFile: { method: 'POST', override: 'DELETE' },
  GetShareUrl: { method: 'POST', override: 'GET_SHARE_URL' },
  AddActivities: { method: 'POST', override: 'ADD_ACTIVITIES' },
  CheckContainerInfo: { method: 'GET' },
  CheckEcosystem: { method: 'GET' },
  CreateChildContainer: { method: 'POST', override: 'CREATE_CHILD_CONTAINER' },
  CreateChildFile: { method: 'POST', override: 'CREATE_CHILD_FILE' },
  DeleteContainer: { method: 'POST', override: 'DELETE_CONTAINER' },
  RenameContainer: { method: 'POST', override: 'RENAME_CONTAINER' },
  EnumerateChildren: { method: 'GET', path: '/children' },
  EnumerateAncestors: { method: 'GET', path: '/ancestry' },
  GetEcosystem: { method: 'GET', path: '/ecosystem_pointer' },
  GetRootContainer: { method: 'GET', path: '/root_container_pointer' },
};

export interface ProofKeys {
  readonly current: KeyObject;
  readonly old: KeyObject;
}

export interface Target {
  /** The WOPI source of the file under test, e.g. http://127.0.0.1:8080/wopi/files/<id>. */
  readonly wopiSrc: string;
  readonly accessToken: string;
  readonly accessTokenTtl: number;
  /** When given, every request is signed with both keys, as the validator does when it has them. */
  readonly proofKeys?: ProofKeys;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

type State = Map<string, string | null>;

/**
 * The validator's query value encoding: every character but ASCII letters and digits as %XX of its UTF-8 bytes
 * (a JWT's dots and dashes included, so a host must decode the parameter, not read it raw).
 */
export function encodeQueryValue(value: string): string {
  return value.replace(/[^A-Za-z0-9]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/**
 * The validator's X-WOPI-SuggestedTarget / X-WOPI-RelativeTarget value: the name in UTF-7, passed through a form
 * encoder and back, which leaves a space as "+" (none of the validator's names has one).
 */
export function targetNameHeader(name: string): string {
  return iconv.encode(name, 'utf7').toString('latin1').replaceAll(' ', '+');
}

function kept(state: State, name: string): string | undefined {
  return state.get(name) ?? undefined;
}

/** The URL a step calls and the token it carries. */
function locate(step: Step, target: Target, state: State): { url: string; token: string } {
  const shape = step.op === 'GetFromFileUrl' ? undefined : operations[step.op];
  const path = shape?.path ?? '';
  if (step.at !== undefined) {
    if (!state.has(step.at)) throw new Error(`state ${step.at} was never kept: a step before it failed`);
    const url = kept(state, step.at);
    if (url !== undefined) {
      const found = new URL(url);
      found.pathname += path;
      const token = found.searchParams.get('access_token') ?? '';
      return { url: withToken(found.toString(), step.token), token: step.token ?? token };
    }
    // A kept value that is empty sends the request to the file under test, except a delete, which would delete it.
    if (step.op === 'DeleteFile' || step.op === 'DeleteContainer') throw new Error(`state ${step.at} is empty`);
  }
  const url = `${target.wopiSrc}${path}?access_token=${encodeQueryValue(target.accessToken)}&access_token_ttl=${target.accessTokenTtl}`;
  return { url: withToken(url, step.token), token: step.token ?? target.accessToken };
}

function withToken(url: string, token: string | undefined): string {
  if (token === undefined) return url;
  const found = new URL(url);
  found.searchParams.set('access_token', token);
  return found.toString();
}

function targetHeaders(step: Step): Record<string, string> {
  const name = step.name ?? '';
  const headers: Record<string, string> = {};
  if (step.mode === 'suggested' || step.mode === 'both') headers['X-WOPI-SuggestedTarget'] = targetNameHeader(name);
  if (step.mode === 'exact' || step.mode === 'both') headers['X-WOPI-RelativeTarget'] = targetNameHeader(name);
  if (step.mode === 'exact' && step.overwrite !== undefined)
    headers['X-WOPI-OverwriteRelativeTarget'] = step.overwrite ? 'True' : 'False';
  return headers;
}

/** The headers the validator sends for the step's operation, before proofs and the bearer token. */
function operationHeaders(step: Step): Record<string, string> {
  const headers: Record<string, string> = {};
  const shape = step.op === 'GetFromFileUrl' ? undefined : operations[step.op];
  if (step.lock !== undefined) headers['X-WOPI-Lock'] = step.lock;
  if (step.oldLock !== undefined) headers['X-WOPI-OldLock'] = step.oldLock;
  if (step.urlType !== undefined) headers['X-WOPI-UrlType'] = step.urlType;
  if (step.extensionFilter !== undefined) headers['X-WOPI-FileExtensionFilterList'] = step.extensionFilter;
  if (step.op === 'PutRelativeFile')
    headers['X-WOPI-Size'] = String(resourceBytes[step.resource ?? 'ZeroByteFile'].length);
  if (step.op === 'RenameFile' || step.op === 'RenameContainer')
    headers['X-WOPI-RequestedName'] = iconv.encode(step.name ?? '', 'utf7').toString('latin1');
  // The validator's RenameFile always names both locks, as empty strings when the case gives none.
  if (step.op === 'RenameFile') Object.assign(headers, { 'X-WOPI-Lock': step.lock ?? '', 'X-WOPI-CoauthLockId': '' });
  if (step.mode !== undefined) Object.assign(headers, targetHeaders(step));
  if (shape?.override !== undefined) headers['X-WOPI-Override'] = shape.override;
  return headers;
}

const notASignature = Buffer.from('INVALID').toString('base64');

function signedHeaders(step: Step, keys: ProofKeys, url: string, token: string): Record<string, string> {
  const signedAt = step.proof?.signedAt === undefined ? Date.now() : Date.parse(step.proof.signedAt);
  const headers = proofHeaders({ accessToken: token, url, signedAt }, keys);
  const current = headers['X-WOPI-Proof'] ?? '';
  const old = headers['X-WOPI-ProofOld'] ?? '';
  const proof = step.proof ?? {};
  if (proof.relation === 'ahead') return { ...headers, 'X-WOPI-Proof': notASignature, 'X-WOPI-ProofOld': current };
  if (proof.relation === 'behind') return { ...headers, 'X-WOPI-Proof': old, 'X-WOPI-ProofOld': notASignature };
  return {
    ...headers,
    ...(proof.breakCurrent && { 'X-WOPI-Proof': notASignature }),
    ...(proof.breakOld && { 'X-WOPI-ProofOld': notASignature }),
  };
}

function requestBody(step: Step): Buffer | undefined {
  if (step.resource !== undefined) return resourceBytes[step.resource];
  return step.body === undefined ? undefined : Buffer.from(step.body, 'utf8');
}

async function send(step: Step, target: Target, state: State): Promise<Answer> {
  if (step.op === 'GetFromFileUrl') {
    // FileUrl is fetched as a plain GET: no token, no proof, nothing of WOPI.
    const url = step.at === undefined ? undefined : kept(state, step.at);
    if (url === undefined) throw new Error(`no FileUrl kept under ${step.at}`);
    return answer(await fetch(url, { redirect: 'manual' }));
  }
  const { url, token } = locate(step, target, state);
  const headers = operationHeaders(step);
  if (target.proofKeys !== undefined) Object.assign(headers, signedHeaders(step, target.proofKeys, url, token));
  headers.Authorization = `Bearer ${token}`;
  const body = requestBody(step);
  const init: RequestInit = { method: operations[step.op].method, headers, redirect: 'manual' };
  if (init.method === 'POST') init.body = body ?? Buffer.alloc(0);
  return answer(await fetch(url, init));
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** A value at `path` of parsed JSON: `A.B`, `A[0].B`, and `A[-1:]` for an array's last element. */
export function jsonAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+|\[-?\d+:?\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const index = /^\[(-?\d+)(:?)\]$/.exec(part);
    if (index === null) {
      current = (current as Record<string, unknown>)[part];
      continue;
    }
    if (!Array.isArray(current)) return undefined;
    const at = Number(index[1]);
    current = current[at < 0 ? current.length + at : at];
  }
  return current;
}

function parseJson(body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString('utf8')) };
  } catch {
    return undefined;
  }
}

function keepValue(keep: Keep, reply: Answer): string | null {
  if ('header' in keep) return reply.headers.get(keep.header) || null;
  const value = jsonAt(parseJson(reply.body)?.value, keep.json);
  return value === undefined || value === null ? null : String(value);
}

/** Absent, null, an empty string, array or object: what the validator treats as "not provided". */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/** An error sentence for a property that breaks `check`, or undefined. */
function propertyError(check: PropertyCheck, root: unknown, state: State): string | undefined {
  const value = jsonAt(root, check.name);
  const where = `'${check.name}'`;
  if (check.type === 'regex') {
    if (value === undefined) return undefined;
    if (value === null || value === '') return `${where} is empty, so it cannot be checked against ${check.pattern}`;
    return check.pattern.test(String(value)) === check.shouldMatch
      ? undefined
      : `${where} = ${JSON.stringify(value)} ${check.shouldMatch ? 'does not match' : 'matches'} ${check.pattern}`;
  }
  if (isEmpty(value)) return check.required ? `${where} is required but not provided` : undefined;
  switch (check.type) {
    case 'url':
      if (typeof value !== 'string' || !isAbsoluteUrl(value)) return `${where} is not an absolute URL: ${value}`;
      if (check.withAccessToken && !new URL(value).searchParams.has('access_token'))
        return `${where} lacks the access_token parameter: ${value}`;
      return undefined;
    case 'boolean':
      if (check.equals === undefined) return undefined;
      return asBoolean(value) === check.equals ? undefined : `${where}: expected ${check.equals}, got ${value}`;
    case 'integer':
      if (check.equals === undefined) return undefined;
      return Number(value) === check.equals ? undefined : `${where}: expected ${check.equals}, got ${value}`;
    case 'array': {
      if (check.contains === undefined) return undefined;
      const items = Array.isArray(value) ? value.map(String) : [];
      return items.some((item) => item.toLowerCase() === check.contains?.toLowerCase())
        ? undefined
        : `${where} = ${JSON.stringify(value)} does not contain ${check.contains}`;
    }
    case 'string': {
      const text = String(value);
      const same = (a: string, b: string) => (check.ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
      const expected = (check.equalsKept !== undefined && kept(state, check.equalsKept)) || check.equals;
      if (expected !== undefined && !same(text, expected)) return `${where}: expected '${expected}', got '${text}'`;
      const ends = check.endsWith;
      if (
        ends !== undefined &&
        !(check.ignoreCase ? text.toLowerCase().endsWith(ends.toLowerCase()) : text.endsWith(ends))
      )
        return `${where} = '${text}' does not end with '${ends}'`;
      return undefined;
    }
  }
}

function headerErrors(check: Extract<Check, { header: string }>, reply: Answer, state: State): string[] {
  const value = reply.headers.get(check.header);
  if (value === null) return check.required ? [`${check.header} is missing`] : [];
  const expected = (check.equalsKept !== undefined && kept(state, check.equalsKept)) || check.equals;
  if (expected === undefined) return [];
  const same = value.toLowerCase() === expected.toLowerCase();
  if (check.shouldMatch === false) {
    if (value === '' && expected === '') return [`${check.header} must not be empty`];
    return same ? [`${check.header} must differ from '${expected}'`] : [];
  }
  return same ? [] : [`${check.header}: expected '${expected}', got '${value}'`];
}

/** The ways `reply` breaks `check`, one sentence each. */
export function checkErrors(check: Check, reply: Answer, state: State = new Map()): string[] {
  if ('status' in check)
    return reply.status === check.status ? [] : [`status ${reply.status}, expected ${check.status}`];
  if ('anyOf' in check) {
    const each = check.anyOf.map((option) => checkErrors(option, reply, state));
    return each.some((errors) => errors.length === 0) ? [] : [`none of: ${each.map((e) => e.join('; ')).join(' | ')}`];
  }
  if ('lockMismatch' in check) {
    const header = { header: 'X-WOPI-Lock', equals: check.lockMismatch, required: check.lockMismatch !== '' };
    return [...checkErrors({ status: 409 }, reply, state), ...headerErrors(header, reply, state)];
  }
  if ('header' in check) return headerErrors(check, reply, state);
  if ('bodyIs' in check)
    return reply.body.equals(resourceBytes[check.bodyIs])
      ? []
      : [`body of ${reply.body.length} bytes is not ${check.bodyIs} (${resourceBytes[check.bodyIs].length} bytes)`];
  if ('noBody' in check) return reply.body.length === 0 ? [] : ['the answer has a body and should not'];
  const parsed = reply.body.length === 0 ? undefined : parseJson(reply.body);
  if (parsed === undefined) return [`the body is not JSON: ${reply.body.toString('utf8').slice(0, 200)}`];
  if ('checkFileInfoSchema' in check) return checkFileInfoSchemaErrors(parsed.value);
  return check.json.flatMap((property) => propertyError(property, parsed.value, state) ?? []);
}

function contentLengthErrors(reply: Answer): string[] {
  const declared = reply.headers.get('content-length');
  return declared === null || Number(declared) === reply.body.length
    ? []
    : [`Content-Length ${declared} but ${reply.body.length} bytes`];
}

async function runStep(step: Step, target: Target, state: State): Promise<string[]> {
  let reply: Answer;
  try {
    reply = await send(step, target, state);
  } catch (error) {
    return [`${step.op} could not be sent: ${(error as Error).message}`];
  }
  const checks = step.expect ?? [{ status: 200 }];
  const errors = [...contentLengthErrors(reply), ...checks.flatMap((check) => checkErrors(check, reply, state))];
  if (errors.length > 0) return errors.map((error) => `${step.op}: ${error}`);
  for (const [name, keep] of Object.entries(step.keep ?? {})) state.set(name, keepValue(keep, reply));
  return [];
}

/** Runs steps in order until one fails, then the cleanup steps; the first failure's errors, or none. */
async function runSteps(steps: readonly Step[], cleanup: readonly Step[], target: Target): Promise<string[]> {
  const state: State = new Map();
  try {
    for (const step of steps) {
      const errors = await runStep(step, target, state);
      if (errors.length > 0) return errors;
    }
    return [];
  } finally {
    for (const step of cleanup) await send(step, target, state).catch(() => undefined);
  }
}

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  readonly group: string;
  readonly name: string;
  readonly outcome: Outcome;
  /** Why it failed, or which prerequisite skipped it and why. */
  readonly reason?: string;
}

export interface SuiteOptions {
  readonly categories: readonly Category[];
}

export async function runGroup(group: Group, target: Target, options: SuiteOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const testCase of group.cases.filter((c) => options.categories.includes(c.category))) {
    const base = { group: group.name, name: testCase.name };
    let skippedBy: string | undefined;
    for (const prereq of group.prereqs) {
      const errors = await runSteps(prereqSteps[prereq], [], target);
      if (errors.length > 0) {
        skippedBy = `prerequisite ${prereq}: ${errors.join('; ')}`;
        break;
      }
    }
    if (skippedBy !== undefined) {
      results.push({ ...base, outcome: 'skipped', reason: skippedBy });
      continue;
    }
    const errors = await runSteps(testCase.steps, testCase.cleanup ?? [], target);
    results.push(
      errors.length === 0 ? { ...base, outcome: 'passed' } : { ...base, outcome: 'failed', reason: errors.join('; ') },
    );
  }
  return results;
}

export async function runSuite(groups: readonly Group[], target: Target, options: SuiteOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const group of groups) results.push(...(await runGroup(group, target, options)));
  return results;
}

export interface GroupTally {
  readonly group: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function tallyByGroup(results: readonly CaseResult[]): GroupTally[] {
  const tallies = new Map<string, { passed: number; failed: number; skipped: number }>();
  for (const result of results) {
    const tally = tallies.get(result.group) ?? { passed: 0, failed: 0, skipped: 0 };
    tally[result.outcome]++;
    tallies.set(result.group, tally);
  }
  return [...tallies].map(([group, tally]) => ({ group, ...tally }));
}

/** One line per group, then each case that did not pass with its reason: what `npm run validator` prints. */
export function formatReport(title: string, results: readonly CaseResult[]): string {
  const lines = [
    title,
    ...tallyByGroup(results).map(
      (t) => `  ${t.group.padEnd(44)} passed ${t.passed}  failed ${t.failed}  skipped ${t.skipped}`,
    ),
  ];
  for (const result of results.filter((r) => r.outcome !== 'passed'))
    lines.push(`  ${result.outcome === 'failed' ? 'FAIL' : 'skip'} ${result.name}: ${result.reason}`);
  return lines.join('\n');
}
