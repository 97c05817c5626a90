// Environment -> typed configuration, read once per container; a bad value fails fast naming its variable.
import { parseJsonObject } from './json-object';

export interface Config {
  readonly region: string;
  readonly tableName: string;
  readonly bucketName: string;
  /** WOPI locks expire this long after they were set or last refreshed (spec: 30 minutes). */
  readonly lockTtlMs: number;
  readonly tokenTtlSeconds: number;
  /** The HS256 key itself (local use and tests) or the Secrets Manager secret holding it (AWS). */
  readonly tokenSecret: { readonly value: string } | { readonly secretId: string };
  /** The latest earlier contents always kept per file; older ones are thinned to one per hour, then per day. */
  readonly versionsKept: number;
  /** How long a refused save's recovery copy is kept. */
  readonly recoveryKeepMs: number;
  /** How many recovery copies a file keeps at most (the newest). */
  readonly recoveryKept: number;
  /** How long a deleted file stays restorable in its owner's trash. */
  readonly trashKeepMs: number;
  /** An access token older than this is refused whatever its expiry says. */
  readonly tokenMaxAgeSeconds: number;
  /** Each owner's stored bytes (contents, versions, recovery copies, trash) may not pass this; unset: no quota. */
  readonly quotaBytes: number | undefined;
  /** How long a save by the lock holder keeps retrying when other saves land first (within the request's time). */
  readonly saveRetryMs: number;
  /** Lifetime of CheckFileInfo's FileUrl link and of the redirects to large files' bytes. */
  readonly downloadUrlTtlSeconds: number;
  /** Whether CheckFileInfo offers FileUrl (off locally unless on loopback: large files redirect to the S3 emulator). */
  readonly offerFileUrl: boolean;
  /** The base URL clients call (custom domain, stage); derived from the request when unset. */
  readonly publicUrl: string | undefined;
  /** Extra CheckFileInfo properties for the WOPI client (e.g. Collabora's PostMessageOrigin, HidePrintOption). */
  readonly checkFileInfoExtra: Readonly<Record<string, unknown>>;
  /** The WOPI client's discovery URL (Collabora: https://<server>/hosting/discovery). */
  readonly discoveryUrl: string | undefined;
  /** Verify X-WOPI-Proof on every WOPI request: on by default when a discovery URL is set. */
  readonly proofKeys: boolean;
  /** Who may frame the host page, as CSP frame-ancestors sources: 'self' (the default), 'none' or origins. */
  readonly frameAncestors: readonly string[];
  /** Sign-in with OpenID Connect besides API keys (WOPI_OIDC_ISSUER, WOPI_OIDC_AUDIENCE); unset: API keys only. */
  readonly oidc: { readonly issuer: string; readonly audience: string } | undefined;
  readonly dynamodbEndpoint: string | undefined;
  readonly s3Endpoint: string | undefined;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    tableName: required(env, 'WOPI_TABLE_NAME'),
    bucketName: required(env, 'WOPI_BUCKET_NAME'),
    lockTtlMs: positiveInteger(env, 'WOPI_LOCK_TTL_SECONDS', 1800) * 1000,
    tokenTtlSeconds: positiveInteger(env, 'WOPI_TOKEN_TTL_SECONDS', 10 * 3600),
    tokenSecret: tokenSecret(env),
    versionsKept: positiveInteger(env, 'WOPI_VERSIONS_KEPT', 10),
    recoveryKeepMs: positiveInteger(env, 'WOPI_RECOVERY_DAYS', 30) * 24 * 3600 * 1000,
    recoveryKept: positiveInteger(env, 'WOPI_RECOVERY_KEPT', 20),
    trashKeepMs: positiveInteger(env, 'WOPI_TRASH_DAYS', 30) * 24 * 3600 * 1000,
    tokenMaxAgeSeconds: positiveInteger(env, 'WOPI_TOKEN_MAX_AGE_SECONDS', 24 * 3600),
    quotaBytes: optionalPositiveInteger(env, 'WOPI_QUOTA_BYTES'),
    // Under the functions' 29 s timeout, with room for the upload and the answer.
    saveRetryMs: positiveInteger(env, 'WOPI_SAVE_RETRY_SECONDS', 20) * 1000,
    downloadUrlTtlSeconds: positiveInteger(env, 'WOPI_DOWNLOAD_URL_TTL_SECONDS', 300),
    offerFileUrl: env.WOPI_OFFER_FILE_URL !== 'false',
    publicUrl: env.WOPI_PUBLIC_URL ? env.WOPI_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    checkFileInfoExtra: jsonObject(env, 'WOPI_CHECK_FILE_INFO_EXTRA'),
    discoveryUrl: env.WOPI_DISCOVERY_URL || undefined,
    proofKeys: proofKeys(env),
    frameAncestors: frameAncestors(env),
    oidc: oidc(env),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    s3Endpoint: env.S3_ENDPOINT || undefined,
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`Configuration: ${name} must be set`);
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  return optionalPositiveInteger(env, name) ?? fallback;
}

function optionalPositiveInteger(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Configuration: ${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function proofKeys(env: Env): boolean {
  const raw = env.WOPI_PROOF_KEYS;
  if (raw === undefined || raw === '') return Boolean(env.WOPI_DISCOVERY_URL);
  if (raw !== 'on' && raw !== 'off') throw new Error(`Configuration: WOPI_PROOF_KEYS must be on or off, got "${raw}"`);
  if (raw === 'on' && !env.WOPI_DISCOVERY_URL) {
    throw new Error('Configuration: WOPI_PROOF_KEYS=on needs WOPI_DISCOVERY_URL, where the keys are published');
  }
  return raw === 'on';
}

function frameAncestors(env: Env): readonly string[] {
  const raw = env.WOPI_FRAME_ANCESTORS;
  if (raw === undefined || raw.trim() === '') return ["'self'"];
  const sources = parseFrameAncestors(raw);
  if (sources === undefined) {
    throw new Error(
      `Configuration: WOPI_FRAME_ANCESTORS must be 'self', 'none' or space-separated origins such as https://app.example.com, got "${raw}"`,
    );
  }
  return sources;
}

// Scheme, host and port only: anything else (a path, a wildcard, a ";") would change what the policy says.
const origin = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Space-separated frame-ancestors sources, lower-cased, or undefined if one is not 'self', 'none' or an origin. */
export function parseFrameAncestors(text: string): string[] | undefined {
  const sources = text
    .trim()
    .split(/\s+/)
    .map((source) => source.toLowerCase().replace(/\/$/, ''));
  const valid = sources.every((source) => source === "'self'" || source === "'none'" || origin.test(source));
  // Browsers ignore 'none' next to other sources, so such a list would not mean what it seems to.
  if (!valid || (sources.includes("'none'") && sources.length > 1)) return undefined;
  return sources;
}

function jsonObject(env: Env, name: string): Record<string, unknown> {
  const raw = env[name];
  if (raw === undefined || raw === '') return {};
  const value = parseJsonObject(raw);
  if (value === undefined) throw new Error(`Configuration: ${name} must be a JSON object`);
  return value;
}

function oidc(env: Env): Config['oidc'] {
  const issuer = env.WOPI_OIDC_ISSUER || undefined;
  const audience = env.WOPI_OIDC_AUDIENCE || undefined;
  if (issuer === undefined && audience === undefined) return undefined;
  if (issuer === undefined || audience === undefined) {
    throw new Error('Configuration: WOPI_OIDC_ISSUER and WOPI_OIDC_AUDIENCE (the client id) must be set together');
  }
  if (!/^https?:\/\/[^\s]+$/.test(issuer))
    throw new Error(`Configuration: WOPI_OIDC_ISSUER must be a URL, got "${issuer}"`);
  return { issuer, audience };
}

function tokenSecret(env: Env): Config['tokenSecret'] {
  if (env.WOPI_TOKEN_SECRET) {
    // 32 bytes is the HS256 key size; a shorter key would be guessable.
    if (env.WOPI_TOKEN_SECRET.length < 32) throw new Error('Configuration: WOPI_TOKEN_SECRET must be 32+ characters');
    return { value: env.WOPI_TOKEN_SECRET };
  }
  return { secretId: required(env, 'WOPI_TOKEN_SECRET_ID') };
}
