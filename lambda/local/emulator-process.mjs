// The storage emulators' own process, forked by emulators.ts: dynalite's expression parser and s3rver's request
// handling are CPU-heavy, and here they do not compete with the event loop of the host or the tests. Plain
// JavaScript, so that it starts the same under tsx, vitest and the CLI, without a loader.
//
// The parent sends { host, dataDir? } and gets { dynamodbEndpoint, s3Endpoint } or { error } back. This process
// stops when the parent disconnects, whether the parent asked (close()) or died.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';

const stops = [];
process.once('disconnect', async () => {
  await Promise.all(stops.map((stop) => stop()));
  process.exit(0);
});
// Ctrl-C reaches the whole process group; the parent disconnects once its own server has drained.
process.on('SIGINT', () => {});

process.once('message', async ({ host, dataDir }) => {
  try {
    const dynamo = dynalite({
      ...(dataDir && { path: join(dataDir, 'dynamodb') }),
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
    });
    await new Promise((resolve, reject) => dynamo.once('error', reject).listen(0, host, resolve));
    stops.push(() => new Promise((resolve) => dynamo.close(resolve)));
    const directory = dataDir ? join(dataDir, 's3') : mkdtempSync(join(tmpdir(), 'wopi-s3-'));
    const s3 = new S3rver({ address: host, port: 0, directory, silent: true });
    const { port } = await s3.run();
    stops.push(async () => {
      await s3.close();
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    });
    process.send({ dynamodbEndpoint: `http://${host}:${dynamo.address().port}`, s3Endpoint: `http://${host}:${port}` });
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  }
});
