// The load generator, in a process of its own so that it does not share the server's event loop:
// `node --import tsx test/bench/load-client.ts <plan.json>` prints the autocannon result as JSON.
import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';

export interface LoadPlan {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly files: readonly { readonly fileId: string; readonly token: string }[];
}

const planFile = process.argv[2];
if (planFile === undefined) throw new Error('Usage: load-client.ts <plan.json>');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;

// Each connection takes a file from this pool for one round of the mix and gives it back after the round's
// last answer, so no two connections ever hold the same file: with more files than connections, no 409.
const idle = [...plan.files];

type File = LoadPlan['files'][number];
const fileOf = (context: Record<string, unknown>) => context.file as File;
const wopiPath = (file: File, suffix = '') => `/wopi/files/${file.fileId}${suffix}?access_token=${file.token}`;

function step(
  method: 'GET' | 'POST',
  suffix: '' | '/contents',
  headers: (file: File) => Record<string, string>,
): (request: Request, context: Record<string, unknown>) => Request {
  return (request, context) => {
    const file = fileOf(context);
    return { ...request, method, path: wopiPath(file, suffix), headers: headers(file) };
  };
}

const lockHeader = (file: File) => `bench-load-${file.fileId}`;

// One round: CheckFileInfo, GetLock, Lock, RefreshLock, Unlock, GetFile — what a WOPI client does on opening
// a document, squeezed together.
const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.durationSeconds,
  requests: [
    {
      setupRequest: (request, context) => {
        // Empty only if answers went missing (errors); a shared file may then answer 409, which is counted.
        context.file = idle.shift() ?? plan.files[Math.floor(Math.random() * plan.files.length)];
        return step('GET', '', () => ({}))(request, context);
      },
    },
    { setupRequest: step('POST', '', () => ({ 'X-WOPI-Override': 'GET_LOCK' })) },
    { setupRequest: step('POST', '', (file) => ({ 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': lockHeader(file) })) },
    {
      setupRequest: step('POST', '', (file) => ({
        'X-WOPI-Override': 'REFRESH_LOCK',
        'X-WOPI-Lock': lockHeader(file),
      })),
    },
    { setupRequest: step('POST', '', (file) => ({ 'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': lockHeader(file) })) },
    {
      setupRequest: step('GET', '/contents', () => ({})),
      onResponse: (_status, _body, context) => {
        idle.push(fileOf(context));
      },
    },
  ],
});
process.stdout.write(JSON.stringify(result));
