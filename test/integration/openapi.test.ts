// The files API's OpenAPI document (GET /host/api/openapi.json) against the implementation, so the two never drift:
// every /host/api/ route of lambda/routes.ts is an operation of the document and every operation a route, and real
// answers of a running host (successes and refusals) validate against the schemas the document gives their status.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trashFile } from '../../lambda/domain/trash';
import { issueApiKey } from '../../lambda/domain/users';
import { openApiDocument } from '../../lambda/http/openapi';
import { routeKey, routes } from '../../lambda/routes';
import { type DiscoveryServer, serveDiscovery } from '../support/discovery-server';
import { collaboraDiscoveryXml } from '../support/discovery-xml';
import { startTestHost, type TestHost } from '../support/wopi-host';

const DOCUMENT_ID = 'https://wopi-host.test/openapi.json';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
const paths = openApiDocument.paths as unknown as Record<string, Record<string, Operation | unknown>>;
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

const documentedKeys = Object.entries(paths).flatMap(([path, item]) =>
  METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`),
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOCUMENT_ID, components: openApiDocument.components });

/** The schema the document gives this operation's JSON answer with `status`, its refs pointing into the document. */
function responseSchema(key: string, status: number): object | undefined {
  const [method = '', path = ''] = key.split(' ');
  const operation = paths[path]?.[method.toLowerCase()] as Operation | undefined;
  const schema = operation?.responses[String(status)]?.content?.['application/json']?.schema;
  if (schema === undefined) return undefined;
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as object;
}

function documentedStatuses(key: string): string[] {
  const [method = '', path = ''] = key.split(' ');
  return Object.keys((paths[path]?.[method.toLowerCase()] as Operation | undefined)?.responses ?? {});
}

function validate(key: string, status: number, body: unknown): string[] {
  if (!documentedStatuses(key).includes(String(status))) return [`${key} does not document ${status}`];
  if (body === undefined) return [];
  const schema = responseSchema(key, status);
  if (schema === undefined) return [`${key} documents no JSON answer for ${status}`];
  const check = ajv.compile(schema);
  return check(body) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

let host: TestHost;
let discovery: DiscoveryServer;
let apiKey: string;
let otherKey: string;

beforeAll(async () => {
  discovery = await serveDiscovery((origin) => collaboraDiscoveryXml(origin));
  host = await startTestHost({ env: { WOPI_DISCOVERY_URL: discovery.url, WOPI_PROOF_KEYS: 'off' } });
  await host.deps.users.putUser({ userId: 'api-owner', displayName: 'Api Owner', email: 'owner@example.test' });
  await host.deps.users.putUser({ userId: 'api-other', displayName: 'Api Other' });
  apiKey = await issueApiKey(host.deps.users, 'api-owner', host.clock.now());
  otherKey = await issueApiKey(host.deps.users, 'api-other', host.clock.now());
});

afterAll(async () => {
  await host.close();
  await discovery.close();
});

async function call(method: string, path: string, body?: unknown, key = apiKey) {
  const response = await fetch(`${host.baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: { Authorization: `Bearer ${key}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const newFile = async (name: string) => {
  const made = await call('POST', '/host/api/files', { name });
  return (made.body as { id: string }).id;
};

interface Case {
  readonly key: string;
  readonly name: string;
  readonly run: () => Promise<{ status: number; body: unknown }>;
}

const cases: Case[] = [
  { key: 'GET /host/api/openapi.json', name: 'the document', run: () => call('GET', '/host/api/openapi.json') },
  { key: 'GET /host/api/me', name: 'the caller', run: () => call('GET', '/host/api/me') },
  { key: 'GET /host/api/me', name: 'no valid key', run: () => call('GET', '/host/api/me', undefined, 'wopi_x') },
  { key: 'GET /host/api/files', name: 'own files', run: () => call('GET', '/host/api/files') },
  { key: 'GET /host/api/files', name: 'shared=maybe', run: () => call('GET', '/host/api/files?shared=maybe') },
  {
    key: 'POST /host/api/files',
    name: 'a blank document',
    run: () => call('POST', '/host/api/files', { name: 'A.docx' }),
  },
  {
    key: 'POST /host/api/files',
    name: 'an upload planned',
    run: () => call('POST', '/host/api/files', { name: 'up.bin', size: 3 }),
  },
  {
    key: 'POST /host/api/files',
    name: 'no template for the extension',
    run: () => call('POST', '/host/api/files', { name: 'A.xyz' }),
  },
  {
    key: 'POST /host/api/files',
    name: 'a taken name',
    run: async () => {
      await newFile('Taken.docx');
      return call('POST', '/host/api/files', { name: 'Taken.docx' });
    },
  },
  {
    key: 'POST /host/api/files/{file_id}/commit',
    name: 'an upload committed',
    run: async () => {
      const plan = (await call('POST', '/host/api/files', { name: 'c.bin', size: 3 })).body as {
        fileId: string;
        url: string;
        ticket: string;
      };
      await fetch(plan.url, { method: 'PUT', body: Buffer.from('abc') });
      return call('POST', `/host/api/files/${plan.fileId}/commit`, { ticket: plan.ticket });
    },
  },
  {
    key: 'POST /host/api/files/{file_id}/commit',
    name: 'nothing uploaded yet',
    run: async () => {
      const plan = (await call('POST', '/host/api/files', { name: 'n.bin', size: 3 })).body as {
        fileId: string;
        ticket: string;
      };
      return call('POST', `/host/api/files/${plan.fileId}/commit`, { ticket: plan.ticket });
    },
  },
  {
    key: 'GET /host/api/files/{file_id}',
    name: 'the file',
    run: async () => call('GET', `/host/api/files/${await newFile('g.docx')}`),
  },
  {
    key: 'GET /host/api/files/{file_id}',
    name: "another's file",
    run: async () => call('GET', `/host/api/files/${await newFile('h.docx')}`, undefined, otherKey),
  },
  {
    key: 'PATCH /host/api/files/{file_id}',
    name: 'a rename',
    run: async () => call('PATCH', `/host/api/files/${await newFile('r.docx')}`, { name: 'r2.docx' }),
  },
  {
    key: 'PATCH /host/api/files/{file_id}',
    name: 'a move into a folder',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'Moves' })).body as { id: string };
      return call('PATCH', `/host/api/files/${await newFile('m.docx')}`, { folderId: folder.id });
    },
  },
  {
    key: 'PATCH /host/api/files/{file_id}',
    name: 'a rename by a viewer',
    run: async () => {
      const fileId = await newFile('viewed.docx');
      await call('PUT', `/host/api/files/${fileId}/shares/api-other`, { share: 'view' });
      return call('PATCH', `/host/api/files/${fileId}`, { name: 'by viewer.docx' }, otherKey);
    },
  },
  {
    key: 'DELETE /host/api/files/{file_id}',
    name: 'to the trash',
    run: async () => call('DELETE', `/host/api/files/${await newFile('d.docx')}`),
  },
  {
    key: 'GET /host/api/files/{file_id}/content',
    name: 'the bytes',
    run: async () => {
      const response = await fetch(`${host.baseUrl}/host/api/files/${await newFile('b.docx')}/content`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      });
      await response.arrayBuffer();
      return { status: response.status, body: undefined };
    },
  },
  {
    key: 'GET /host/api/files/{file_id}/content',
    name: "another's file",
    run: async () => call('GET', `/host/api/files/${await newFile('b2.docx')}/content`, undefined, otherKey),
  },
  {
    key: 'GET /host/api/files/{file_id}/versions',
    name: 'the versions',
    run: async () => call('GET', `/host/api/files/${await newFile('v.docx')}/versions`),
  },
  {
    key: 'POST /host/api/files/{file_id}/restore',
    name: 'a version that is not there',
    run: async () => call('POST', `/host/api/files/${await newFile('x.docx')}/restore`, { version: 7 }),
  },
  {
    key: 'POST /host/api/files/{file_id}/restore',
    name: 'neither version nor copy',
    run: async () => call('POST', `/host/api/files/${await newFile('y.docx')}/restore`, {}),
  },
  { key: 'GET /host/api/trash', name: 'the trash', run: () => call('GET', '/host/api/trash') },
  {
    key: 'POST /host/api/trash/{file_id}/restore',
    name: 'back from the trash',
    run: async () => {
      const fileId = await newFile('t.docx');
      await trashFile({ ...host.deps, now: host.clock.now(), userId: 'api-owner' }, fileId);
      return call('POST', `/host/api/trash/${fileId}/restore`);
    },
  },
  {
    key: 'PUT /host/api/files/{file_id}/shares/{user_id}',
    name: 'a share',
    run: async () => call('PUT', `/host/api/files/${await newFile('s.docx')}/shares/api-other`, { share: 'view' }),
  },
  {
    key: 'PUT /host/api/files/{file_id}/shares/{user_id}',
    name: 'a share that is not one',
    run: async () => call('PUT', `/host/api/files/${await newFile('s2.docx')}/shares/api-other`, { share: 'all' }),
  },
  {
    key: 'DELETE /host/api/files/{file_id}/shares/{user_id}',
    name: 'a share taken away',
    run: async () => call('DELETE', `/host/api/files/${await newFile('u.docx')}/shares/api-other`),
  },
  {
    key: 'POST /host/api/files/{file_id}/checkout',
    name: 'a check-out',
    run: async () => call('POST', `/host/api/files/${await newFile('co.docx')}/checkout`),
  },
  {
    key: 'DELETE /host/api/files/{file_id}/checkout',
    name: 'an undo',
    run: async () => {
      const fileId = await newFile('undo.docx');
      await call('POST', `/host/api/files/${fileId}/checkout`);
      return call('DELETE', `/host/api/files/${fileId}/checkout`);
    },
  },
  {
    key: 'POST /host/api/files/{file_id}/open',
    name: 'the launch',
    run: async () => call('POST', `/host/api/files/${await newFile('o.docx')}/open`, { action: 'edit' }),
  },
  {
    key: 'POST /host/api/files/{file_id}/open',
    name: 'a type the client cannot open',
    run: async () => {
      const made = (await call('POST', '/host/api/files', { name: 'z.qqq', size: 0 })).body as {
        fileId: string;
        url: string;
        ticket: string;
      };
      await fetch(made.url, { method: 'PUT', body: Buffer.alloc(0) });
      await call('POST', `/host/api/files/${made.fileId}/commit`, { ticket: made.ticket });
      return call('POST', `/host/api/files/${made.fileId}/open`, { action: 'view' });
    },
  },
  { key: 'GET /host/api/folders/{folder_id}', name: 'the root', run: () => call('GET', '/host/api/folders/root') },
  {
    key: 'GET /host/api/folders/{folder_id}',
    name: 'a limit out of range',
    run: () => call('GET', '/host/api/folders/root?limit=0'),
  },
  {
    key: 'GET /host/api/folders/{folder_id}',
    name: 'no such folder',
    run: () => call('GET', '/host/api/folders/nosuchfolder'),
  },
  { key: 'POST /host/api/folders', name: 'a folder', run: () => call('POST', '/host/api/folders', { name: 'F1' }) },
  {
    key: 'POST /host/api/folders',
    name: 'a taken folder name',
    run: async () => {
      await call('POST', '/host/api/folders', { name: 'F2' });
      return call('POST', '/host/api/folders', { name: 'F2' });
    },
  },
  {
    key: 'PATCH /host/api/folders/{folder_id}',
    name: 'a folder renamed and moved',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F5' })).body as { id: string };
      const into = (await call('POST', '/host/api/folders', { name: 'F6' })).body as { id: string };
      return call('PATCH', `/host/api/folders/${folder.id}`, { name: 'F5 moved', parentId: into.id });
    },
  },
  {
    key: 'PATCH /host/api/folders/{folder_id}',
    name: 'a folder moved into itself',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F7' })).body as { id: string };
      return call('PATCH', `/host/api/folders/${folder.id}`, { parentId: folder.id });
    },
  },
  {
    key: 'DELETE /host/api/folders/{folder_id}',
    name: 'an empty folder deleted',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F8' })).body as { id: string };
      return call('DELETE', `/host/api/folders/${folder.id}`);
    },
  },
  {
    key: 'DELETE /host/api/folders/{folder_id}',
    name: 'a folder with something in it',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F9' })).body as { id: string };
      await call('POST', '/host/api/folders', { name: 'In', parentId: folder.id });
      return call('DELETE', `/host/api/folders/${folder.id}`);
    },
  },
  {
    key: 'DELETE /host/api/folders/{folder_id}',
    name: 'the root',
    run: () => call('DELETE', '/host/api/folders/root'),
  },
  {
    key: 'PUT /host/api/folders/{folder_id}/shares/{user_id}',
    name: 'a folder shared',
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F3' })).body as { id: string };
      return call('PUT', `/host/api/folders/${folder.id}/shares/api-other`, { share: 'edit' });
    },
  },
  {
    key: 'PUT /host/api/folders/{folder_id}/shares/{user_id}',
    name: 'the root shared',
    run: async () => {
      const me = (await call('GET', '/host/api/me')).body as { rootFolderId: string };
      return call('PUT', `/host/api/folders/${me.rootFolderId}/shares/api-other`, { share: 'edit' });
    },
  },
  {
    key: 'DELETE /host/api/folders/{folder_id}/shares/{user_id}',
    name: "a folder's share taken away",
    run: async () => {
      const folder = (await call('POST', '/host/api/folders', { name: 'F4' })).body as { id: string };
      return call('DELETE', `/host/api/folders/${folder.id}/shares/api-other`);
    },
  },
];

describe('the OpenAPI document', () => {
  it('has an operation for every /host/api/ route of the route table, and a route for every operation', () => {
    // Prepare
    const routed = routes.map(routeKey).filter((key) => key.split(' ')[1]?.startsWith('/host/api/'));
    // Act
    const undocumented = routed.filter((key) => !documentedKeys.includes(key));
    const unrouted = documentedKeys.filter((key) => !routed.includes(key));
    // Assess
    expect({ undocumented, unrouted }).toEqual({ undocumented: [], unrouted: [] });
  });

  it('is what GET /host/api/openapi.json serves', async () => {
    // Act
    const served = await call('GET', '/host/api/openapi.json');
    // Assess
    expect(served).toEqual({ status: 200, body: JSON.parse(JSON.stringify(openApiDocument)) });
  });

  it('refuses an answer that lacks what its schema requires (the check can fail)', () => {
    // Act
    const errors = validate('GET /host/api/files/{file_id}', 200, { id: 'x', name: 'n.docx' });
    // Assess
    expect(errors.length).toBeGreaterThan(0);
  });

  it('is exercised below for every operation it documents', () => {
    // Act
    const untried = documentedKeys.filter((key) => !cases.some((c) => c.key === key));
    // Assess
    expect(untried).toEqual([]);
  });

  it.each(cases.map((c) => [c.key, c.name, c] as const))('%s (%s): the answer validates', async (key, _name, c) => {
    // Act
    const { status, body } = await c.run();
    // Assess
    expect({ serverError: status >= 500, errors: validate(key, status, body) }).toEqual({
      serverError: false,
      errors: [],
    });
  });
});
