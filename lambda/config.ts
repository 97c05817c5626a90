// Environment -> typed configuration, read once per container; a bad value fails fast naming its variable.

export interface Config {
  readonly region: string;
  readonly tableName: string;
  readonly bucketName: string;
  /** WOPI locks expire this long after they were set or last refreshed (spec: 30 minutes). */
  readonly lockTtlMs: number;
  readonly tokenTtlSeconds: number;
  /** The HS256 key itself (local use and tests) or the Secrets Manager secret holding it (AWS). */
  readonly tokenSecret: { readonly value: string } | { readonly secretId: string };
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
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`Configuration: ${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

function tokenSecret(env: Env): Config['tokenSecret'] {
  if (env.WOPI_TOKEN_SECRET) {
    // 32 bytes is the HS256 key size; a shorter key would be guessable.
    if (env.WOPI_TOKEN_SECRET.length < 32) throw new Error('Configuration: WOPI_TOKEN_SECRET must be 32+ characters');
    return { value: env.WOPI_TOKEN_SECRET };
  }
  return { secretId: required(env, 'WOPI_TOKEN_SECRET_ID') };
}
