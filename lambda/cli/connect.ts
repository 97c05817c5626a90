// Where the CLI's commands act: the local host's data folder (the running `npm start`'s emulators, or its own
// on the same folder), or, with WOPI_TABLE_NAME set, a deployed stack through the caller's AWS credentials.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { loadConfig } from '../config';
import { DataFolderInUseError, liveOwner, lockFileOf } from '../local/data-folder-lock';
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
  const emulators = await folderEmulators(settings);
  // The running host's public URL, for printed links; its emulators were found through the data folder's lock.
  const running = settings.path('endpoints.json');
  const hostFile: { publicUrl?: string } = existsSync(running) ? JSON.parse(readFileSync(running, 'utf8')) : {};
  const config = loadConfig({
    ...env,
    WOPI_TABLE_NAME: settings.tableName,
    WOPI_BUCKET_NAME: settings.bucketName,
    WOPI_TOKEN_SECRET: localTokenSecret(settings),
    DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
    S3_ENDPOINT: emulators.s3Endpoint,
  });
  const publicUrl = env.WOPI_PUBLIC_URL ?? hostFile.publicUrl ?? `http://127.0.0.1:${env.PORT || 8080}`;
  return { deps: await buildDeps(config), publicUrl, close: () => emulators.close() };
}

// Long enough for a host that is still starting, or answering slowly under load.
const WAIT_MS = 30_000;

/**
 * The data folder's emulators: its live owner's (`npm start`, or another CLI command) when there is one, else
 * this process's own. The folder is never opened while a live owner holds it, however slowly its emulators answer.
 */
async function folderEmulators(settings: ReturnType<typeof localSettings>): Promise<Emulators> {
  const deadline = Date.now() + WAIT_MS;
  let waiting = false;
  for (;;) {
    const owner = liveOwner(settings.dataDir);
    if (owner === undefined) {
      try {
        const { tableName, bucketName, dataDir } = settings;
        return await startEmulators({ tableName, bucketName, dataDir });
      } catch (error) {
        if (error instanceof DataFolderInUseError) continue; // another process took the folder first
        throw error;
      }
    }
    const { dynamodbEndpoint, s3Endpoint } = owner;
    if (dynamodbEndpoint && s3Endpoint && (await reachable(dynamodbEndpoint))) {
      return { dynamodbEndpoint, s3Endpoint, close: async () => {} };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The emulators of process ${owner.pid} (${lockFileOf(settings.dataDir)}) did not answer in ` +
          `${WAIT_MS / 1000} s; stop that process, or delete the lock if it is no WOPI host`,
      );
    }
    if (!waiting) process.stderr.write(`waiting for the running host's emulators (process ${owner.pid})...\n`);
    waiting = true;
    await setTimeout(250);
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
