// domain/numbers.ts against the emulators: every file and user gets a stable int32 number, claimed without a counter;
// concurrent creations never share one, racing lazy numberings agree on one, and a stale claim names nothing.
import { randomInt } from 'node:crypto';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { createFile } from '../../lambda/domain/create-file';
import { newFileId } from '../../lambda/domain/file-id';
import type { FileRecord } from '../../lambda/domain/file-record';
import {
  addressedFile,
  addUser,
  associateNumberOf,
  documentNumberOf,
  MAX_NUMBER,
  parseNumber,
} from '../../lambda/domain/numbers';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let db: ReturnType<typeof createDynamoClient>;
beforeAll(async () => {
  host = await startTestHost();
  db = createDynamoClient(host.deps.config);
});
afterAll(async () => {
  db.destroy();
  await host.close();
});

/** Every claim item of this kind, as number -> holder. */
async function claims(kind: 'docno' | 'assoc'): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const pages = paginateScan(
    { client: db },
    {
      TableName: host.deps.config.tableName,
      FilterExpression: 'begins_with(pk, :kind)',
      ExpressionAttributeValues: { ':kind': `${kind}#` },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) found.set(Number(String(item.pk).split('#')[1]), String(item.holder));
  }
  return found;
}

/** A file as one made before document numbers were: its record has none. */
async function numberlessFile(owner = 'owner-1'): Promise<FileRecord> {
  const { docNo: _, ...made } = await host.addFile('old', undefined, owner);
  const record = { ...made, fileId: newFileId() };
  await host.deps.files.create(record);
  return record;
}

describe('parseNumber', () => {
  it.each([
    ['1', 1],
    ['2147483647', MAX_NUMBER],
    ['0', undefined],
    ['007', undefined],
    ['2147483648', undefined],
    ['99999999999', undefined],
    ['-5', undefined],
    ['12a', undefined],
    ['', undefined],
  ])('reads %j as %j: canonical decimal, 1..2^31-1', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe('document numbers', () => {
  it('200 files created at once each get a number of their own, in a space shrunk to 400 numbers to force collisions', async () => {
    // Prepare: 200 of 400 numbers taken means the later creations collide often and must draw again
    const drawNumber = () => randomInt(1, 401);
    const before = await claims('docno');
    // Act
    const records = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        createFile(
          { ...host.deps, drawNumber },
          { name: `many-${i}.docx`, ownerId: 'crowd', bytes: Buffer.from('x') },
          0,
        ),
      ),
    );
    // Assess
    const numbers = records.map((record) => record.docNo);
    expect(new Set(numbers).size).toBe(200);
    expect(numbers.every((n) => n !== undefined && n >= 1 && n <= 400)).toBe(true);
    const after = await claims('docno');
    expect(records.filter((record) => after.get(record.docNo ?? 0) !== record.fileId)).toEqual([]);
    expect(after.size - before.size).toBe(200);
    const stored = await Promise.all(records.map((record) => host.deps.files.get(record.fileId)));
    expect(stored.map((record) => record?.docNo)).toEqual(numbers);
  });

  it('a file PutRelativeFile makes gets a number of its own when it is created', async () => {
    // Prepare
    const source = await host.addFile();
    // Act
    const res = await host.wopi(source.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-SuggestedTarget': '.pdf' },
      body: 'a copy',
    });
    // Assess
    const { Url } = (await res.json()) as { Url: string };
    const created = await host.deps.files.get(new URL(Url).pathname.split('/').pop() ?? '');
    expect(created?.docNo).toEqual(expect.any(Number));
    expect(created?.docNo).not.toBe(source.docNo);
    expect((await claims('docno')).get(created?.docNo ?? 0)).toBe(created?.fileId);
  });

  it('a file made before numbers gets one on first use, and ten racing first uses agree on it and leave one claim', async () => {
    // Prepare
    const record = await numberlessFile();
    // Act
    const numbers = await Promise.all(
      Array.from({ length: 10 }, () => documentNumberOf(host.deps, record, host.clock.now())),
    );
    // Assess
    expect(new Set(numbers).size).toBe(1);
    expect((await host.deps.files.get(record.fileId))?.docNo).toBe(numbers[0]);
    const held = [...(await claims('docno')).entries()].filter(([, holder]) => holder === record.fileId);
    expect(held).toEqual([[numbers[0], record.fileId]]);
  });

  it('addresses the file by its number and still by its string id', async () => {
    // Prepare
    const record = await host.addFile();
    const owner = { userId: record.ownerId, displayName: 'Owner' };
    // Act
    const byNumber = await addressedFile(host.deps, String(record.docNo), owner);
    const byId = await addressedFile(host.deps, record.fileId, owner);
    // Assess
    expect([byNumber.fileId, byId.fileId]).toEqual([record.fileId, record.fileId]);
  });

  it('a claim the file does not carry (a crash between claim and record) names nothing: 404', async () => {
    // Prepare: a claim of a free number for a file that carries another one
    const record = await host.addFile();
    const owner = { userId: record.ownerId, displayName: 'Owner' };
    let stale = 0;
    do stale = randomInt(1, MAX_NUMBER + 1);
    while (!(await host.deps.numbers.claim('docno', stale, record.fileId)));
    // Act
    const found = addressedFile(host.deps, String(stale), owner);
    // Assess
    await expect(found).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('an unclaimed number, a number out of int32 and one with a leading zero name nothing: 404', async () => {
    // Prepare
    const record = await host.addFile();
    const owner = { userId: record.ownerId, displayName: 'Owner' };
    // Act
    const answers = await Promise.allSettled(
      ['2147483647', '2147483648', `0${record.docNo}`].map((id) => addressedFile(host.deps, id, owner)),
    );
    // Assess
    expect(answers.map((answer) => answer.status === 'rejected' && (answer.reason as Error).name)).toEqual([
      'NotFoundError',
      'NotFoundError',
      'NotFoundError',
    ]);
  });
});

describe('associate numbers', () => {
  it('a user added gets a number claimed for them', async () => {
    // Act
    const user = await addUser(host.deps, { userId: 'numbered-1', displayName: 'Numbered One' });
    // Assess
    expect((await host.deps.users.getUser('numbered-1'))?.associateId).toBe(user?.associateId);
    expect((await claims('assoc')).get(user?.associateId ?? 0)).toBe('numbered-1');
  });

  it('adding a user who exists changes nothing and gives its claim back', async () => {
    // Prepare
    const first = await addUser(host.deps, { userId: 'numbered-2', displayName: 'Numbered Two' });
    // Act
    const again = await addUser(host.deps, { userId: 'numbered-2', displayName: 'Someone Else' });
    // Assess
    expect(again).toBeUndefined();
    expect((await host.deps.users.getUser('numbered-2'))?.associateId).toBe(first?.associateId);
    const held = [...(await claims('assoc')).values()].filter((holder) => holder === 'numbered-2');
    expect(held).toHaveLength(1);
  });

  it('a user made before numbers gets one on first use, and ten racing first uses agree on it and leave one claim', async () => {
    // Prepare
    const user = { userId: 'unnumbered', displayName: 'Un Numbered' };
    await host.deps.users.putUser(user);
    // Act
    const numbers = await Promise.all(Array.from({ length: 10 }, () => associateNumberOf(host.deps, user)));
    // Assess
    expect(new Set(numbers).size).toBe(1);
    expect((await host.deps.users.getUser('unnumbered'))?.associateId).toBe(numbers[0]);
    const held = [...(await claims('assoc')).entries()].filter(([, holder]) => holder === 'unnumbered');
    expect(held).toEqual([[numbers[0], 'unnumbered']]);
  });
});
