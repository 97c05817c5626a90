// The local server in a process of its own, for the runs with many clients: the bench process is then only the
// clients, this one only the host (the handlers and their SDK clients, counted), and the emulators a third, so
// each one's CPU time can be told apart. `node --import tsx test/bench/server-process.ts`, forked by
// bench-host.ts, which sends the plan and asks for counts and CPU time on the IPC channel.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { cpuUsage } from 'node:process';
import { promisify } from 'node:util';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { createS3Client } from '../../lambda/adapters/s3-client';
import { loadConfig } from '../../lambda/config';
import { createLocalServer } from '../../lambda/local/local-server';
import { buildDeps, provideDeps } from '../../lambda/wiring/all';
import { RequestCounter } from '../support/request-counter';

export interface ServerPlan {
  /** The environment the host's configuration is read from (table, bucket, endpoints, signing key). */
  readonly env: Record<string, string>;
}

export type ServerRequest =
  | { readonly type: 'counts' }
  | { readonly type: 'cpu' }
  | { readonly type: 'profile-start' }
  /** Stops the profile and writes it (a .cpuprofile, as `node --cpu-prof` writes) to `file`. */
  | { readonly type: 'profile-stop'; readonly file: string };

export type ServerReply =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'counts'; readonly counts: Record<string, number> }
  | { readonly type: 'cpu'; readonly micros: number }
  | { readonly type: 'profile-start' }
  | { readonly type: 'profile-stop' };

const send = (reply: ServerReply) => process.send?.(reply);

process.once('message', async (plan: ServerPlan) => {
  const config = loadConfig(plan.env);
  const requests = new RequestCounter();
  const db = createDynamoClient(config);
  const s3 = createS3Client(config);
  requests.attach(db, 'dynamodb');
  requests.attach(s3, 's3');
  provideDeps(await buildDeps(config, { db, s3 }));
  const server = createLocalServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const profiler = new Session();
  profiler.connect();
  const post = promisify(profiler.post.bind(profiler)) as (method: string, params?: object) => Promise<unknown>;
  process.on('message', async (request: ServerRequest) => {
    switch (request.type) {
      case 'counts':
        // Read and reset: each answer covers the calls since the last one.
        send({ type: 'counts', counts: Object.fromEntries(requests.counts) });
        requests.reset();
        break;
      case 'cpu': {
        const { user, system } = cpuUsage();
        send({ type: 'cpu', micros: user + system });
        break;
      }
      case 'profile-start':
        // The V8 sampling profiler `node --cpu-prof` uses, started and stopped around one run.
        await post('Profiler.enable');
        await post('Profiler.start');
        send({ type: 'profile-start' });
        break;
      case 'profile-stop': {
        const { profile } = (await post('Profiler.stop')) as { profile: object };
        writeFileSync(request.file, JSON.stringify(profile));
        send({ type: 'profile-stop' });
        break;
      }
    }
  });
  send({ type: 'listening', port: (server.address() as AddressInfo).port });
});
// The bench ends this process by disconnecting, or by dying.
process.once('disconnect', () => process.exit(0));
