// The body limit of the deployed path (API Gateway base64 -> a Lambda event of at most 6 MB), enforced the same
// way by the local server: the largest body passes intact, one byte more is a 413 with a reason.
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOCK_ID_LENGTH } from '../../lambda/domain/lock';
import { handler as putFileHandler } from '../../lambda/functions/put-file';
import { EVENT_ENVELOPE_ALLOWANCE_BYTES, LAMBDA_PAYLOAD_LIMIT_BYTES, MAX_BODY_BYTES } from '../../lambda/http/limits';
import { addTestFile, currentBytes, lockFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

/** A printable-ASCII lock ID of the longest length WOPI allows, shaped like Office's JSON lock IDs. */
function longestLockId(): string {
  const prefix = '{"S":"';
  return `${prefix}${'x'.repeat(MAX_LOCK_ID_LENGTH - prefix.length - 2)}"}`;
}

/**
 * The largest PutFile event we expect API Gateway to send: every header Office for the web and Collabora Online
 * send on PutFile (proof keys, both Collabora flag families, editors), the API Gateway headers, a real token
 * in the query (raw and parsed) and in Authorization, and a base64 body of MAX_BODY_BYTES.
 */
function largestPutFileEvent(fileId: string, token: string, lockId: string, timestamp: string, body: Buffer) {
  const proof = 'P'.repeat(344); // base64 of a 2048-bit RSA signature
  const domainName = 'a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com';
  const rawPath = `/wopi/files/${fileId}/contents`;
  const rawQueryString = `access_token=${token}&access_token_ttl=1893456000000`;
  const editors = Array.from({ length: 20 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: 'POST /wopi/files/{file_id}/contents',
    rawPath,
    rawQueryString,
    headers: {
      accept: '*/*',
      authorization: `Bearer ${token}`,
      'content-length': String(body.byteLength),
      'content-type': 'application/octet-stream',
      host: domainName,
      'user-agent': 'COOLWSD HTTP Agent 24.04.13.2',
      'x-amzn-trace-id': 'Root=1-67890abc-def0123456789abcdef01234',
      'x-forwarded-for': '2001:db8:85a3:8d3:1319:8a2e:370:7348',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      'x-wopi-override': 'PUT',
      'x-wopi-lock': lockId,
      'x-wopi-editors': editors.join(','),
      'x-wopi-correlationid': '6bc3d1a0-6c39-4e8a-9a3e-9b4c1f0d2e11',
      'x-wopi-sessioncontext': 'S'.repeat(256),
      'x-wopi-proof': proof,
      'x-wopi-proofold': proof,
      'x-wopi-timestamp': '638749000000000000',
      'x-wopi-clientversion': '16.0.18426.41011',
      'x-wopi-machinename': 'AM3PEPF0000A793',
      'x-wopi-perftracerequested': 'false',
      'x-wopi-deviceid': '{11111111-2222-3333-4444-555555555555}',
      'x-cool-wopi-ismodifiedbyuser': 'true',
      'x-cool-wopi-isautosave': 'false',
      'x-cool-wopi-isexitsave': 'true',
      'x-cool-wopi-timestamp': timestamp,
      'x-lool-wopi-ismodifiedbyuser': 'true',
      'x-lool-wopi-isautosave': 'false',
      'x-lool-wopi-isexitsave': 'true',
      'x-lool-wopi-timestamp': timestamp,
      'x-request-id': 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    },
    queryStringParameters: { access_token: token, access_token_ttl: '1893456000000' },
    pathParameters: { file_id: fileId },
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName,
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method: 'POST',
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
        userAgent: 'COOLWSD HTTP Agent 24.04.13.2',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /wopi/files/{file_id}/contents',
      stage: '$default',
      time: '27/Nov/2026:17:19:18 +0000',
      timeEpoch: 1795799958000,
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
  return event;
}

describe('PutFile body limit', () => {
  it('accepts a body of exactly MAX_BODY_BYTES through the local server and stores it intact', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    const body = randomBytes(MAX_BODY_BYTES);
    // Act
    const res = await putFile(host, file.fileId, body, { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).equals(body)).toBe(true);
  });

  it('answers MAX_BODY_BYTES + 1 with 413 and a reason in X-WOPI-ServerError, and keeps the stored content', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'kept' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, randomBytes(MAX_BODY_BYTES + 1), { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(413);
    expect(res.headers.get('x-wopi-servererror')).toContain(String(MAX_BODY_BYTES));
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });

  it('answers a body whose event would pass 6 MB with 413 from the local server, as the deployed path refuses it', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'kept' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, randomBytes(5 * 1024 * 1024), { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('too large');
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });

  it('answers PutRelativeFile with a body of MAX_BODY_BYTES + 1 with 413 and creates no file', async () => {
    // Prepare
    const file = await addTestFile(host, { name: 'source.docx' });
    // Act
    const res = await host.wopi(file.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-RelativeTarget': 'too-big.docx' },
      body: randomBytes(MAX_BODY_BYTES + 1),
    });
    // Assess
    expect(res.status).toBe(413);
    expect((await host.deps.names.get(file.ownerId, 'too-big.docx'))?.fileId).toBeUndefined();
  });
});

describe('API Gateway event size', () => {
  it('keeps the largest realistic PutFile event within LAMBDA_PAYLOAD_LIMIT_BYTES, and its handler accepts it', async () => {
    // Prepare
    const file = await addTestFile(host);
    const lockId = longestLockId();
    expect(lockId).toHaveLength(MAX_LOCK_ID_LENGTH);
    await lockFile(host, file.fileId, lockId);
    await host.share(file.fileId, 'c0ffee00-1234-4abc-8def-0123456789ab', 'edit');
    const token = await host.token(file.fileId, 'write', {
      userId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      userName: 'A very long display name '.repeat(8),
    });
    const timestamp = new Date(file.content.modifiedAt).toISOString();
    const body = randomBytes(MAX_BODY_BYTES);
    const event = largestPutFileEvent(file.fileId, token, lockId, timestamp, body);
    // Act
    const size = Buffer.byteLength(JSON.stringify(event));
    const result = await putFileHandler(event, {} as Context);
    // Assess
    expect(size - (event.body?.length ?? 0)).toBeLessThanOrEqual(EVENT_ENVELOPE_ALLOWANCE_BYTES);
    expect(size).toBeLessThanOrEqual(LAMBDA_PAYLOAD_LIMIT_BYTES);
    expect(result.statusCode).toBe(200);
    expect((await currentBytes(host, file.fileId)).equals(body)).toBe(true);
  });
});
