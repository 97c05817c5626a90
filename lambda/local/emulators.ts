// The storage emulators on 127.0.0.1, dynalite for DynamoDB and s3rver for S3, together in one child process
// (emulator-process.mjs), off the event loop of the host or the tests that use them. One process, not one each:
// on two cores the callers keep one busy, and a second emulator process measured no faster.
// With a data folder they persist across restarts and the folder's lock names their process; without one they
// live in memory / a temp folder and nothing outlives them.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { CreateBucketCommand, PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import { createDynamoDbClient } from '../adapters/dynamo-client';
import { createS3Client } from '../adapters/s3-client';
import { ensureTable } from '../adapters/table-schema';
import { browserUploadsCors } from '../browser-uploads';
import { claimDataFolder, type DataFolderLock, type EmulatorEndpoints } from './data-folder-lock';

export interface EmulatorOptions {
  /** The table and bucket to make sure of; the test setup makes one pair per test host instead. */
  readonly tableName?: string;
  readonly bucketName?: string;
  /** Persist here (dynamodb/ and s3/ below it); omitted: nothing outlives the process. */
  readonly dataDir?: string | undefined;
  readonly host?: string;
}

export interface Emulators extends EmulatorEndpoints {
  close(): Promise<void>;
}

const region = 'us-east-1';
const emulatorProcess = new URL('./emulator-process.mjs', import.meta.url);

export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  // No execArgv: the parent's (tsx's loader, vitest's conditions, an --inspect port) are not for plain JavaScript.
  const child = fork(emulatorProcess, { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await once(child, 'spawn');
  let lock: DataFolderLock | undefined;
  try {
    lock = options.dataDir === undefined ? undefined : claimDataFolder(options.dataDir, child.pid as number);
    child.send({ host: options.host ?? '127.0.0.1', dataDir: options.dataDir });
    const endpoints = await endpointsOf(child);
    lock?.publish(endpoints);
    await ensureStorage(endpoints, options);
    return {
      ...endpoints,
      async close() {
        await stop(child);
        lock?.release();
      },
    };
  } catch (error) {
    await stop(child);
    lock?.release();
    throw error;
  }
}

/** Creates the table and the bucket named, unless they exist. */
export async function ensureStorage(
  endpoints: EmulatorEndpoints,
  { tableName, bucketName }: Pick<EmulatorOptions, 'tableName' | 'bucketName'>,
): Promise<void> {
  const db = createDynamoDbClient({ region, ...endpoints });
  const s3 = createS3Client({ region, ...endpoints });
  try {
    if (tableName !== undefined) await ensureTable(db, tableName);
    if (bucketName !== undefined) await ensureBucket(s3, bucketName);
  } finally {
    db.destroy();
    s3.destroy();
  }
}

/** Lets the web page at `pageOrigin` PUT uploads to the bucket and download from it, as the stack does on AWS. */
export async function allowBrowserUploads(
  endpoints: EmulatorEndpoints,
  bucketName: string,
  pageOrigin: string,
): Promise<void> {
  const s3 = createS3Client({ region, ...endpoints });
  const rule = browserUploadsCors([pageOrigin]);
  try {
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: bucketName,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: [...rule.allowedOrigins],
              AllowedMethods: [...rule.allowedMethods],
              AllowedHeaders: [...rule.allowedHeaders],
              ExposeHeaders: [...rule.exposedHeaders],
              MaxAgeSeconds: rule.maxAgeSeconds,
            },
          ],
        },
      }),
    );
  } finally {
    s3.destroy();
  }
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
}

/** The child's one message: its endpoints, or why it could not start. */
function endpointsOf(child: ChildProcess): Promise<EmulatorEndpoints> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) =>
      reject(new Error(`The emulator process exited (${code}) before it answered`));
    child.once('exit', exited);
    child.once('error', reject);
    child.once('message', (reply: EmulatorEndpoints | { error: string }) => {
      child.off('exit', exited);
      child.off('error', reject);
      if ('error' in reply) reject(new Error(`The emulators did not start: ${reply.error}`));
      else resolve(reply);
    });
  });
}

/** Disconnecting is the one way to stop the child: the same as when this process dies. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  if (child.connected) child.disconnect();
  await exited;
}
