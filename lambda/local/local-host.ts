// The local WOPI host on 127.0.0.1 with its embedded emulators and a document to open (see main.ts).
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { mintAccessToken } from '../auth/access-token';
import { loadConfig } from '../config';
import { createFile } from '../domain/create-file';
import { addUser, documentNumberOf } from '../domain/numbers';
import { hashApiKey, issueApiKey } from '../domain/users';
import { buildDeps, type Deps, provideDeps } from '../wiring/all';
import { allowBrowserUploads, startEmulators } from './emulators';
import { createLocalServer } from './local-server';
import { LOCAL_OWNER, localSettings, localTokenSecret } from './local-settings';
import { SAMPLE_NAME, sampleDocument } from './sample-document';

const env = process.env;
const settings = localSettings(env);
const { dataDir, tableName, bucketName } = settings;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 8080);
/** 127.0.0.0/8, ::1 or localhost. */
function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}
const publicUrl = (env.WOPI_PUBLIC_URL || `http://${host}:${port}`).replace(/\/+$/, '');

const emulators = await startEmulators({ tableName, bucketName, dataDir });
await allowBrowserUploads(emulators, bucketName, new URL(publicUrl).origin);
const config = loadConfig({
  // FileUrl's large downloads redirect to the S3 emulator on 127.0.0.1: reachable by a WOPI client beside a host that
  // binds loopback, not by one elsewhere (in a container, on another machine) that a host on another address is for.
  WOPI_OFFER_FILE_URL: String(isLoopback(host)),
  ...env,
  WOPI_TABLE_NAME: tableName,
  WOPI_BUCKET_NAME: bucketName,
  WOPI_TOKEN_SECRET: localTokenSecret(settings),
  WOPI_PUBLIC_URL: publicUrl,
  DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
  S3_ENDPOINT: emulators.s3Endpoint,
});
const deps = await buildDeps(config);
provideDeps(deps);

/** The sample (or WOPI_SAMPLE_FILE) is added once; a restart finds it again. */
async function sampleFileId(deps: Deps): Promise<string> {
  const source = env.WOPI_SAMPLE_FILE ? resolve(env.WOPI_SAMPLE_FILE) : undefined;
  const known = settings.persisted<Record<string, string>>('sample-files.json', () => ({}));
  const label = source ?? SAMPLE_NAME;
  const existing = known[label];
  if (existing !== undefined && (await deps.files.get(existing)) !== undefined) return existing;
  const bytes = source ? readFileSync(source) : sampleDocument();
  const name = source ? basename(source) : SAMPLE_NAME;
  const record = await createFile(deps, { name, ownerId: LOCAL_OWNER.userId, bytes }, Date.now(), true);
  settings.write('sample-files.json', { ...known, [label]: record.fileId });
  return record.fileId;
}

/** The local owner and an API key for the check-out APIs; locally the key is kept in the data folder to print it. */
async function ownerApiKey(deps: Deps): Promise<string> {
  // Added once, not replaced on every start: the owner's associate number must stay theirs.
  await addUser(deps, { userId: LOCAL_OWNER.userId, displayName: LOCAL_OWNER.userName });
  const { apiKey } = settings.persisted('owner-api-key.json', () => ({ apiKey: '' }));
  if (apiKey !== '' && (await deps.users.apiKey(hashApiKey(apiKey)))?.userId === LOCAL_OWNER.userId) return apiKey;
  const issued = await issueApiKey(deps.users, LOCAL_OWNER.userId, Date.now());
  settings.write('owner-api-key.json', { apiKey: issued });
  return issued;
}

const fileId = await sampleFileId(deps);
const sample = await deps.files.get(fileId);
const docNo = sample === undefined ? undefined : await documentNumberOf(deps, sample, Date.now());
const apiKey = await ownerApiKey(deps);
const server = createLocalServer();
await new Promise<void>((ready) => server.listen(port, host, ready));
const bound = server.address() as AddressInfo;
const { token } = await mintAccessToken(
  deps.tokenSecret,
  { fileId, ...LOCAL_OWNER, rights: 'write' },
  config.tokenTtlSeconds,
);

// The CLI takes the public URL from here for its links; the endpoints are for `sam local` (README), the CLI
// finds the emulators through the data folder's lock.
const endpointsFile = settings.path('endpoints.json');
settings.write('endpoints.json', {
  dynamodbEndpoint: emulators.dynamodbEndpoint,
  s3Endpoint: emulators.s3Endpoint,
  publicUrl,
});

const signIn = config.oidc ? `sign in with ${config.oidc.issuer}, or with` : 'sign in with';
console.log(`Open ${publicUrl}/ and ${signIn} the API key below`);
console.log(`WOPI host listening on http://${host}:${bound.port} (data in ${dataDir})`);
console.log(`WOPI source: ${publicUrl}/wopi/files/${fileId}`);
console.log(`Access token: ${token}`);
console.log(`Document number: ${docNo} (the DocSpace and SuperOffice APIs take it, or the file id)`);
console.log(`API key: ${apiKey}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('Stopping...');
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  rmSync(endpointsFile, { force: true });
  await emulators.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
