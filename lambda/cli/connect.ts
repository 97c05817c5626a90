// Where the CLI's commands act: the local host's data folder (the running `npm start`'s emulators, or its own
// on the same folder), or, with WOPI_TABLE_NAME set, a deployed stack through the caller's AWS credentials.
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { type Emulators, startEmulators } from '../local/emulators';
import { localSettings, localTokenSecret } from '../local/local-settings';
import { buildDeps, type Deps } from '../wiring/all';

export interface Connection {
  readonly deps: Deps;
  /** Base URL WOPI clients call, for printed links. */
  readonly publicUrl: string | undefined;
  close(): Promise<void>;
}

export async function connect(env: Record<string, string | undefined> = process.env): Promise<Connection> {
  if (env.WOPI_TABLE_NAME && !env.WOPI_DATA_DIR) {
    const config = loadConfig(env);
    return { deps: await buildDeps(config), publicUrl: config.publicUrl, close: async () => {} };
  }
  const settings = localSettings(env);
  const running = settings.path('endpoints.json');
  let endpoints: { dynamodbEndpoint: string; s3Endpoint: string; publicUrl?: string } | undefined;
  let own: Emulators | undefined;
  if (existsSync(running)) endpoints = JSON.parse(readFileSync(running, 'utf8'));
  if (endpoints === undefined || !(await reachable(endpoints.dynamodbEndpoint))) {
    own = await startEmulators({
      tableName: settings.tableName,
      bucketName: settings.bucketName,
      dataDir: settings.dataDir,
    });
    endpoints = { dynamodbEndpoint: own.dynamodbEndpoint, s3Endpoint: own.s3Endpoint };
  }
  const config = loadConfig({
    ...env,
    WOPI_TABLE_NAME: settings.tableName,
    WOPI_BUCKET_NAME: settings.bucketName,
    WOPI_TOKEN_SECRET: localTokenSecret(settings),
    DYNAMODB_ENDPOINT: endpoints.dynamodbEndpoint,
    S3_ENDPOINT: endpoints.s3Endpoint,
  });
  const publicUrl = env.WOPI_PUBLIC_URL ?? endpoints.publicUrl ?? `http://127.0.0.1:${env.PORT || 8080}`;
  return { deps: await buildDeps(config), publicUrl, close: async () => own?.close() };
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
