// The emulators' own process (local/emulators.ts) and the one owner of a data folder (local/data-folder-lock.ts):
// the process starts and answers, stops without leaving anything behind, dies with its parent; a data folder is
// opened by one process at a time, and the CLI waits for its owner's emulators instead of opening it too.
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDynamoDbClient } from '../../lambda/adapters/dynamo-client';
import { createS3Client } from '../../lambda/adapters/s3-client';
import { connect } from '../../lambda/cli/connect';
import { claimDataFolder, DataFolderInUseError, liveOwner, lockFileOf } from '../../lambda/local/data-folder-lock';
import { type EmulatorOptions, type Emulators, startEmulators } from '../../lambda/local/emulators';
import { localSettings } from '../../lambda/local/local-settings';
import { testEmulators } from '../support/shared-emulators';

const region = 'us-east-1';
let dataDir: string;
let cleanups: (() => unknown)[] = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wopi-emulators-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
  rmSync(dataDir, { recursive: true, force: true });
});

/** Emulators this test leaves to afterEach to close. */
async function start(options: EmulatorOptions): Promise<Emulators> {
  const emulators = await startEmulators(options);
  cleanups.push(() => emulators.close());
  return emulators;
}

/** SDK clients on `emulators`, destroyed after the test. */
function clientsOf(emulators: Emulators) {
  const db = createDynamoDbClient({ region, ...emulators });
  const s3 = createS3Client({ region, ...emulators });
  cleanups.push(
    () => db.destroy(),
    () => s3.destroy(),
  );
  return { db, s3 };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process the data folder's lock names. */
function ownerPid(): number {
  const owner = liveOwner(dataDir);
  if (owner === undefined) throw new Error(`No live owner of ${dataDir}`);
  return owner.pid;
}

/** Gone, or a zombie: it has exited and only init's reaping of the orphan is left. */
function hasExited(pid: number): boolean {
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state === '' || state.startsWith('Z');
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !condition(); await setTimeout(50)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
  }
}

describe('startEmulators', () => {
  it('runs dynalite and s3rver in a process of their own that answers the SDK clients', async () => {
    // Act
    const emulators = await start({ tableName: 'files', bucketName: 'contents', dataDir });
    // Assess
    const { db, s3 } = clientsOf(emulators);
    expect((await db.send(new ListTablesCommand({}))).TableNames).toEqual(['files']);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map(({ Name }) => Name)).toEqual(['contents']);
    expect(ownerPid()).not.toBe(process.pid);
  });

  it('leaves no process and no lock behind after close()', async () => {
    // Prepare
    const emulators = await startEmulators({ dataDir });
    const pid = ownerPid();
    // Act
    await emulators.close();
    // Assess
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it('keeps items and objects in the data folder across a restart', async () => {
    // Prepare
    const names = { tableName: 'files', bucketName: 'contents', dataDir };
    const key = { pk: { S: 'file-1' }, sk: { S: 'meta' } };
    const first = await startEmulators(names);
    const before = clientsOf(first);
    await before.db.send(new PutItemCommand({ TableName: 'files', Item: { ...key, name: { S: 'a.docx' } } }));
    await before.s3.send(new PutObjectCommand({ Bucket: 'contents', Key: 'files/file-1/v1', Body: 'kept' }));
    await first.close();
    // Act
    const after = clientsOf(await start(names));
    const item = await after.db.send(new GetItemCommand({ TableName: 'files', Key: key }));
    const object = await after.s3.send(new GetObjectCommand({ Bucket: 'contents', Key: 'files/file-1/v1' }));
    // Assess
    expect(item.Item?.name).toEqual({ S: 'a.docx' });
    expect(await object.Body?.transformToString()).toBe('kept');
  });

  it('stops when its parent dies without closing it', async () => {
    // Prepare
    const parent = fork(new URL('../support/emulator-owner.ts', import.meta.url), [dataDir], {
      execArgv: ['--import', 'tsx'],
    });
    await once(parent, 'message');
    const pid = ownerPid();
    // Act
    parent.kill('SIGKILL');
    // Assess
    await until(() => hasExited(pid), `the orphaned emulator process ${pid} exits`);
  });
});

describe('one owner per data folder', () => {
  it('refuses a second owner while the first is alive, and the first keeps answering', async () => {
    // Prepare
    const first = await start({ tableName: 'files', dataDir });
    // Act
    const second = startEmulators({ dataDir });
    // Assess
    await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
    await expect(second).rejects.toMatchObject({
      owner: { pid: ownerPid(), dynamodbEndpoint: first.dynamodbEndpoint },
    });
    expect((await clientsOf(first).db.send(new ListTablesCommand({}))).TableNames).toEqual(['files']);
  });

  it('takes over a lock whose process is dead', async () => {
    // Prepare
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    claimDataFolder(dataDir, deadPid);
    // Act
    const emulators = await start({ dataDir });
    // Assess
    expect(ownerPid()).not.toBe(deadPid);
    expect(liveOwner(dataDir)).toMatchObject({ dynamodbEndpoint: emulators.dynamodbEndpoint });
  });

  it("makes the CLI wait for the running host's emulators, without opening the folder itself", async () => {
    // Prepare: a host whose emulators are still starting holds the folder.
    const host = claimDataFolder(dataDir, process.pid);
    cleanups.push(() => host.release());
    const emulators = await testEmulators();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    cleanups.push(() => stderr.mockRestore());
    // Act
    const connecting = connect({ ...process.env, WOPI_DATA_DIR: dataDir });
    await setTimeout(500);
    host.publish(emulators);
    const connection = await connecting;
    cleanups.push(() => connection.close());
    // Assess
    expect(connection.deps.config).toMatchObject({ dynamodbEndpoint: emulators.dynamodbEndpoint });
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining("waiting for the running host's emulators"));
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(false);
  });

  it('is created private to its user', () => {
    // Act
    const settings = localSettings({ WOPI_DATA_DIR: join(dataDir, 'new') });
    // Assess
    expect(statSync(settings.dataDir).mode & 0o777).toBe(0o700);
  });
});
