// The storage emulators, in this process on 127.0.0.1: dynalite for DynamoDB and s3rver for S3.
// With a data folder they persist across restarts; without one they live in memory / a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { createDynamoDbClient } from '../adapters/dynamo-client';
import { createS3Client } from '../adapters/s3-client';
import { ensureTable } from '../adapters/table-schema';

export interface EmulatorOptions {
  readonly tableName: string;
  readonly bucketName: string;
  /** Persist here (dynamodb/ and s3/ below it); omitted: nothing outlives the process. */
  readonly dataDir?: string | undefined;
  readonly host?: string;
}

export interface Emulators {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  close(): Promise<void>;
}

const region = 'us-east-1';

export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  const host = options.host ?? '127.0.0.1';
  const dynamo: Server = dynalite({
    ...(options.dataDir && { path: join(options.dataDir, 'dynamodb') }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => dynamo.once('error', reject).listen(0, host, resolve));
  const s3Directory = options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'wopi-s3-'));
  const s3 = new S3rver({ address: host, port: 0, directory: s3Directory, silent: true });
  const s3Address = (await s3.run()) as AddressInfo;

  const dynamodbEndpoint = `http://${host}:${(dynamo.address() as AddressInfo).port}`;
  const s3Endpoint = `http://${host}:${s3Address.port}`;
  const db = createDynamoDbClient({ region, dynamodbEndpoint });
  const s3Client = createS3Client({ region, s3Endpoint });
  await ensureTable(db, options.tableName);
  await ensureBucket(s3Client, options.bucketName);
  db.destroy();
  s3Client.destroy();

  return {
    dynamodbEndpoint,
    s3Endpoint,
    async close() {
      await Promise.all([new Promise((resolve) => dynamo.close(resolve)), s3.close()]);
      if (!options.dataDir) rmSync(s3Directory, { recursive: true, force: true });
    },
  };
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
}
