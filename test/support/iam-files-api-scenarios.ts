// The files API's scenarios for test/integration/iam-grants.test.ts: every route of /host/api/ and the page, on its
// success and refusal paths, the races and earlier-layout items that take other code paths, and the faults after
// which a step is taken back. The kit is that test's: its recorded host and its unrecorded preparation.
import { mintUploadTicket } from '../../lambda/auth/upload-ticket';
import type { Share } from '../../lambda/domain/access';
import type { FileRecord } from '../../lambda/domain/file-record';
import { createFolder, rootFolder, shareFolder } from '../../lambda/domain/folders';
import { moveFile } from '../../lambda/domain/move-file';
import type { Stores } from '../../lambda/domain/ports';
import { trashFile } from '../../lambda/domain/trash';
import { planUpload } from '../../lambda/domain/uploads';
import type { User } from '../../lambda/domain/users';
import type { Deps } from '../../lambda/wiring/all';
import type { OidcProvider } from './oidc-provider';
import { withReplaced } from './wopi-files';
import type { TestHost } from './wopi-host';

export interface Scenario {
  readonly name: string;
  readonly status: number;
  act(): Promise<{ status: number }>;
}

export interface ScenarioKit {
  /** Read when a scenario runs: the kit is made before the host starts. */
  readonly host: TestHost;
  /** Stores on clients of their own, which the recorder never sees. */
  readonly setup: () => Deps;
  readonly oidc: OidcProvider;
  addFile(owner?: string, name?: string, bytes?: Uint8Array): Promise<FileRecord>;
  person(): Promise<{ user: User; apiKey: string }>;
  ownFile(): Promise<{ file: FileRecord; user: User; apiKey: string }>;
  /** A file in a folder its owner shared with a person with an API key, whose role comes from the folder. */
  inSharedFolder(share?: Share): Promise<{ file: FileRecord; user: User; apiKey: string }>;
  shareWith(file: FileRecord, userId: string, share: Share): Promise<void>;
  lockAs(file: FileRecord, lockId: string, userId?: string): Promise<void>;
  checkOutAs(file: FileRecord, user: User): Promise<void>;
  toEarlierLayout(file: FileRecord): Promise<void>;
  /** Changes the file's record (its revision) behind the route's back. */
  touch(file: FileRecord): Promise<void>;
  refusedSave(file: FileRecord): Promise<void>;
  uploadsAfter(prefix: string, meanwhile: () => Promise<void>): Partial<Stores>;
  withStores<T>(overrides: Partial<Stores>, call: () => Promise<T>): Promise<T>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function filesApiScenarios(kit: ScenarioKit): [string, Scenario[]][] {
  const now = () => kit.host.clock.now();
  const call = (method: Method, path: string, credential: string | undefined, body?: unknown) =>
    fetch(`${kit.host.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(credential !== undefined && { Authorization: `Bearer ${credential}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const fileCall = async (
    method: Method,
    suffix: string,
    body?: unknown,
    prepare?: (f: FileRecord) => Promise<void>,
  ) => {
    const { file, apiKey } = await kit.ownFile();
    await prepare?.(file);
    return call(method, `/host/api/files/${file.fileId}${suffix}`, apiKey, body);
  };
  /** A file of the kit's owner, on an item of the earlier layout. */
  const earlier = (method: Method, suffix: string, body?: unknown) =>
    fileCall(method, suffix, body, kit.toEarlierLayout);
  /** The file store's create fails after every claim was made: each is taken back. */
  const createFails = (): Partial<Stores> => ({
    files: withReplaced(kit.host.deps.files, {
      create: async () => {
        throw new Error('injected: the record could not be written');
      },
    }),
  });
  /** An upload planned for `owner` and its bytes PUT (unrecorded); the commit call's path and body. */
  const uploaded = async (apiKey: string, user: User, name = 'upload.pdf') => {
    const bytes = Buffer.from('uploaded bytes');
    const upload = await planUpload(
      kit.setup(),
      { name, ownerId: user.userId, createdBy: user.userId, size: bytes.length },
      now(),
    );
    await kit.setup().contents.put(upload.contentKey, bytes);
    const { ticket } = await mintUploadTicket(kit.setup().tokenSecret, upload, now());
    return () => call('POST', `/host/api/files/${upload.fileId}/commit`, apiKey, { ticket });
  };
  /** A person with an API key and a folder of theirs in their root. */
  const ownFolder = async () => {
    const owner = await kit.person();
    const deps = { ...kit.setup(), now: now(), userId: owner.user.userId };
    const root = await rootFolder(deps, owner.user.userId);
    const folder = await createFolder(deps, root.folderId, { mode: 'exact', name: 'Projects' });
    return { ...owner, folder };
  };
  /** A call on a file in a folder shared with the caller, as its member. */
  const memberCall = async (method: Method, suffix: string, body?: unknown, share: Share = 'edit') => {
    const { file, apiKey } = await kit.inSharedFolder(share);
    return call(method, `/host/api/files/${file.fileId}${suffix}`, apiKey, body);
  };
  const member = (method: Method, suffix: string, body?: unknown, share?: Share): Scenario => ({
    name: `by an editor of the folder the file is in (${method} ${suffix || '/'})`,
    status: 200,
    act: () => memberCall(method, suffix, body, share),
  });
  /** The provider stamps tokens with the real time, and the host's test clock stands still: it is set to now first. */
  const signInToken = (claims: Parameters<OidcProvider['token']>[0]) => {
    kit.host.clock.advance(Date.now() - kit.host.clock.now());
    return kit.oidc.token(claims);
  };
  const newSubject = () => `sub-${Math.random().toString(36).slice(2)}`;

  return [
    [
      'GET /host/api/openapi.json',
      [{ name: 'the document', status: 200, act: () => call('GET', '/host/api/openapi.json', undefined) }],
    ],
    ['GET /', [{ name: 'the page', status: 200, act: () => call('GET', '/', undefined) }]],
    [
      'GET /host/api/me',
      [
        {
          name: 'an API key user',
          status: 200,
          act: async () => call('GET', '/host/api/me', (await kit.person()).apiKey),
        },
        {
          name: 'a first OpenID sign-in signs the person up, with an associate number',
          status: 200,
          act: async () => call('GET', '/host/api/me', await signInToken({ sub: newSubject(), name: 'New Person' })),
        },
        {
          name: 'a first sign-in that a racing one signs up first gives its number claim back',
          status: 200,
          act: async () => {
            const sub = newSubject();
            const users = withReplaced(kit.host.deps.users, {
              createUser: async (user) => {
                await kit.setup().users.createUser({ ...user, associateId: 1 });
                return kit.host.deps.users.createUser(user);
              },
            });
            const token = await signInToken({ sub, name: 'Racing Person' });
            return kit.withStores({ users }, () => call('GET', '/host/api/me', token));
          },
        },
      ],
    ],
    [
      'GET /host/api/files',
      [
        {
          name: 'the own files, by their name claims',
          status: 200,
          act: async () => {
            const { apiKey } = await kit.ownFile();
            return call('GET', '/host/api/files', apiKey);
          },
        },
        {
          name: 'the files shared with the caller, by their hints',
          status: 200,
          act: async () => {
            const { file } = await kit.ownFile();
            const { user, apiKey } = await kit.person();
            await kit.shareWith(file, user.userId, 'view');
            return call('GET', '/host/api/files?shared=true', apiKey);
          },
        },
        {
          name: 'a folder shared with the caller, read in a batch, its role from the chain above it',
          status: 200,
          act: async () => call('GET', '/host/api/files?shared=true', (await kit.inSharedFolder('view')).apiKey),
        },
      ],
    ],
    [
      'POST /host/api/files',
      [
        {
          name: 'a blank document in a folder shared with the caller, owned by its owner',
          status: 201,
          act: async () => {
            const { file, apiKey } = await kit.inSharedFolder('edit');
            return call('POST', '/host/api/files', apiKey, { name: 'New.xlsx', folderId: file.folderId });
          },
        },

        {
          name: 'a blank document from its template',
          status: 201,
          act: async () => call('POST', '/host/api/files', (await kit.person()).apiKey, { name: 'Plan.docx' }),
        },
        {
          name: 'an upload to S3 planned: a presigned PUT and a ticket',
          status: 200,
          act: async () => call('POST', '/host/api/files', (await kit.person()).apiKey, { name: 'big.bin', size: 10 }),
        },
        {
          name: 'a blank document whose name another file has',
          status: 409,
          act: async () => {
            const { file, apiKey } = await kit.ownFile();
            return call('POST', '/host/api/files', apiKey, { name: file.name });
          },
        },
        {
          name: 'a blank document whose record cannot be written takes back its bytes and claims',
          status: 500,
          act: async () => {
            const { apiKey } = await kit.person();
            return kit.withStores(createFails(), () => call('POST', '/host/api/files', apiKey, { name: 'Plan.docx' }));
          },
        },
      ],
    ],
    [
      'POST /host/api/files/{file_id}/commit',
      [
        {
          name: "an upload into a folder shared with the caller, the caller's right read again",
          status: 201,
          act: async () => {
            const { file, user, apiKey } = await kit.inSharedFolder('edit');
            const bytes = Buffer.from('uploaded into a folder');
            const planned = { name: 'in.pdf', ownerId: file.ownerId, folderId: file.folderId, createdBy: user.userId };
            const upload = await planUpload(kit.setup(), { ...planned, size: bytes.length }, now());
            await kit.setup().contents.put(upload.contentKey, bytes);
            const { ticket } = await mintUploadTicket(kit.setup().tokenSecret, upload, now());
            return call('POST', `/host/api/files/${upload.fileId}/commit`, apiKey, { ticket });
          },
        },

        {
          name: 'the upload read back and recorded',
          status: 201,
          act: async () => {
            const { user, apiKey } = await kit.person();
            return (await uploaded(apiKey, user))();
          },
        },
        {
          name: 'an upload whose name another file took meanwhile',
          status: 409,
          act: async () => {
            const { user, apiKey } = await kit.person();
            const commit = await uploaded(apiKey, user, 'taken.pdf');
            await kit.addFile(user.userId, 'taken.pdf');
            return commit();
          },
        },
        {
          name: 'an upload whose record cannot be written gives its claims back',
          status: 500,
          act: async () => {
            const { user, apiKey } = await kit.person();
            const commit = await uploaded(apiKey, user);
            return kit.withStores(createFails(), commit);
          },
        },
      ],
    ],
    [
      'GET /host/api/files/{file_id}',
      [{ name: 'the metadata', status: 200, act: () => fileCall('GET', '') }, member('GET', '')],
    ],
    [
      'PATCH /host/api/files/{file_id}',
      [
        member('PATCH', '', { name: 'renamed by a member.docx' }),
        {
          name: 'a move into a folder of the owner claims the name there',
          status: 200,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            const file = await kit.addFile(user.userId, 'moved.docx');
            return call('PATCH', `/host/api/files/${file.fileId}`, apiKey, { folderId: folder.folderId });
          },
        },
        {
          name: "a move to the root of a file already there makes the owner's root on first need",
          status: 200,
          act: () => fileCall('PATCH', '', { folderId: 'root' }),
        },

        { name: 'a rename moves the name claim', status: 200, act: () => fileCall('PATCH', '', { name: 'new.docx' }) },
        {
          name: 'a rename to a name another file has',
          status: 409,
          act: () =>
            fileCall(
              'PATCH',
              '',
              { name: 'taken.docx' },
              async (file) => void (await kit.addFile(file.ownerId, 'taken.docx')),
            ),
        },
        {
          name: 'a rename of an item of the earlier layout',
          status: 200,
          act: () => earlier('PATCH', '', { name: 'n.docx' }),
        },
      ],
    ],
    [
      'DELETE /host/api/files/{file_id}',
      [
        member('DELETE', '', undefined, 'edit+delete'),

        { name: 'to the trash', status: 200, act: () => fileCall('DELETE', '') },
        { name: 'an item of the earlier layout to the trash', status: 200, act: () => earlier('DELETE', '') },
        {
          name: 'a file locked between its read and its write takes back the trash hint',
          status: 409,
          act: async () => {
            const { file, apiKey } = await kit.ownFile();
            const trash = withReplaced(kit.host.deps.trash, {
              add: async (ownerId, fileId, at) => {
                await kit.host.deps.trash.add(ownerId, fileId, at);
                await kit.lockAs(file, 'meanwhile');
              },
            });
            return kit.withStores({ trash }, () => call('DELETE', `/host/api/files/${file.fileId}`, apiKey));
          },
        },
      ],
    ],
    [
      'GET /host/api/files/{file_id}/content',
      [
        member('GET', '/content'),

        { name: 'the bytes', status: 200, act: () => fileCall('GET', '/content') },
        {
          name: 'a presigned GET of bytes larger than a response',
          status: 302,
          act: async () => {
            const { user, apiKey } = await kit.person();
            const file = await kit.addFile(user.userId, 'large.docx', Buffer.alloc(5 * 1024 * 1024, 1));
            return call('GET', `/host/api/files/${file.fileId}/content`, apiKey);
          },
        },
      ],
    ],
    [
      'GET /host/api/files/{file_id}/versions',
      [
        member('GET', '/versions'),
        { name: 'the versions and recovery copies', status: 200, act: () => fileCall('GET', '/versions') },
      ],
    ],
    [
      'POST /host/api/files/{file_id}/restore',
      [
        member('POST', '/restore', { version: 1 }),

        {
          name: 'a version restored as a new one',
          status: 200,
          act: () => fileCall('POST', '/restore', { version: 1 }),
        },
        {
          name: 'a version of an item of the earlier layout',
          status: 200,
          act: () => earlier('POST', '/restore', { version: 1 }),
        },
        {
          name: 'a restore the WOPI lock refuses is kept as a recovery copy, removing the one before',
          status: 409,
          act: () =>
            fileCall('POST', '/restore', { version: 1 }, async (file) => {
              await kit.lockAs(file, 'L1');
              await kit.refusedSave(file);
            }),
        },
        {
          name: 'a restore locked during its upload copies the upload to a recovery copy',
          status: 409,
          act: async () => {
            const { file, apiKey } = await kit.ownFile();
            const lock = () => kit.lockAs(file, 'late');
            return kit.withStores(kit.uploadsAfter(`files/${file.fileId}/`, lock), () =>
              call('POST', `/host/api/files/${file.fileId}/restore`, apiKey, { version: 1 }),
            );
          },
        },
      ],
    ],
    [
      'GET /host/api/trash',
      [
        {
          name: "the caller's trash",
          status: 200,
          act: async () => {
            const { file, user, apiKey } = await kit.ownFile();
            await trashFile({ ...kit.setup(), now: now(), userId: user.userId }, file.fileId);
            return call('GET', '/host/api/trash', apiKey);
          },
        },
      ],
    ],
    [
      'POST /host/api/trash/{file_id}/restore',
      (() => {
        const restore = async (prepare: (file: FileRecord) => Promise<void> = async () => undefined) => {
          const { file, user, apiKey } = await kit.ownFile();
          await trashFile({ ...kit.setup(), now: now(), userId: user.userId }, file.fileId);
          await prepare(file);
          return { file, go: () => call('POST', `/host/api/trash/${file.fileId}/restore`, apiKey) };
        };
        return [
          { name: 'back under its name', status: 200, act: async () => (await restore()).go() },
          {
            name: 'back as "name (2)" when another file took the name',
            status: 200,
            act: async () => (await restore(async (file) => void (await kit.addFile(file.ownerId, file.name)))).go(),
          },
          {
            name: 'a file that changed meanwhile gives its name claim back',
            status: 404,
            act: async () => {
              const { file, go } = await restore();
              const names = withReplaced(kit.host.deps.names, {
                put: async (namespace, claim, replacing) => {
                  const put = await kit.host.deps.names.put(namespace, claim, replacing);
                  await kit.touch(file);
                  return put;
                },
              });
              return kit.withStores({ names }, go);
            },
          },
        ];
      })(),
    ],
    [
      'PUT /host/api/files/{file_id}/shares/{user_id}',
      (() => {
        const share = async (prepare: (file: FileRecord) => Promise<void> = async () => undefined) => {
          const { user } = await kit.person();
          return fileCall('PUT', `/shares/${user.userId}`, { share: 'edit' }, prepare);
        };
        return [
          { name: 'the owner shares', status: 200, act: () => share() },
          {
            name: 'an editor of the folder the file is in is refused',
            status: 403,
            act: async () => memberCall('PUT', `/shares/${(await kit.person()).user.userId}`, { share: 'view' }),
          },
        ];
      })(),
    ],
    [
      'DELETE /host/api/files/{file_id}/shares/{user_id}',
      (() => {
        const unshare = async () => {
          const { user } = await kit.person();
          return fileCall('DELETE', `/shares/${user.userId}`, undefined, (file) =>
            kit.shareWith(file, user.userId, 'view'),
          );
        };
        return [
          { name: 'the owner takes a share away', status: 200, act: unshare },
          {
            name: 'an editor of the folder the file is in is refused',
            status: 403,
            act: () => memberCall('DELETE', '/shares/someone'),
          },
        ];
      })(),
    ],
    [
      'POST /host/api/files/{file_id}/checkout',
      [
        member('POST', '/checkout'),

        { name: 'a check-out', status: 200, act: () => fileCall('POST', '/checkout') },
        { name: 'a check-out of an item of the earlier layout', status: 200, act: () => earlier('POST', '/checkout') },
      ],
    ],
    [
      'DELETE /host/api/files/{file_id}/checkout',
      (() => {
        const undo = async (layout: boolean) => {
          const { file, user, apiKey } = await kit.ownFile();
          await kit.checkOutAs(file, user);
          if (layout) await kit.toEarlierLayout(file);
          return call('DELETE', `/host/api/files/${file.fileId}/checkout`, apiKey);
        };
        return [
          {
            name: 'an undo by an editor of the folder the file is in',
            status: 200,
            act: async () => {
              const { file, user, apiKey } = await kit.inSharedFolder('edit');
              await kit.checkOutAs(file, user);
              return call('DELETE', `/host/api/files/${file.fileId}/checkout`, apiKey);
            },
          },
          { name: 'an undo', status: 200, act: () => undo(false) },
          { name: 'an undo on an item of the earlier layout', status: 200, act: () => undo(true) },
        ];
      })(),
    ],
    [
      'GET /host/api/folders/{folder_id}',
      [
        {
          name: "the caller's root, made on first need, and what is in it",
          status: 200,
          act: async () => {
            const { apiKey } = await kit.ownFile();
            return call('GET', '/host/api/folders/root', apiKey);
          },
        },
        {
          name: "the caller's root with a file and a folder in it",
          status: 200,
          act: async () => {
            const { apiKey, file } = await kit.ownFile();
            const deps = { ...kit.setup(), now: now(), userId: file.ownerId };
            const root = await rootFolder(deps, file.ownerId);
            await createFolder(deps, root.folderId, { mode: 'exact', name: 'Inside' });
            return call('GET', '/host/api/folders/root', apiKey);
          },
        },
        {
          name: 'a folder shared with the caller, a page of its children',
          status: 200,
          act: async () => {
            const { file, apiKey } = await kit.inSharedFolder('view');
            return call('GET', `/host/api/folders/${file.folderId}?limit=10`, apiKey);
          },
        },
      ],
    ],
    [
      'POST /host/api/folders',
      [
        {
          name: "a folder in the caller's root, made on first need",
          status: 201,
          act: async () => call('POST', '/host/api/folders', (await kit.person()).apiKey, { name: 'Plans' }),
        },
        {
          name: 'a folder whose name a folder there has',
          status: 409,
          act: async () => {
            const { folder, apiKey } = await ownFolder();
            return call('POST', '/host/api/folders', apiKey, { name: folder.name });
          },
        },
        {
          name: 'a folder whose id exists already (a bug, not a user error) gives its name claim back',
          status: 500,
          act: async () => {
            const { apiKey, user } = await kit.person();
            await rootFolder({ ...kit.setup(), now: now() }, user.userId);
            const folders = withReplaced(kit.host.deps.folders, { create: async () => false });
            return kit.withStores({ folders }, () => call('POST', '/host/api/folders', apiKey, { name: 'Plans' }));
          },
        },
      ],
    ],
    [
      'PATCH /host/api/folders/{folder_id}',
      [
        {
          name: 'the owner renames a folder: the new name claimed, the old one given back',
          status: 200,
          act: async () => {
            const { folder, apiKey } = await ownFolder();
            return call('PATCH', `/host/api/folders/${folder.folderId}`, apiKey, { name: 'Renamed' });
          },
        },
        {
          name: 'the owner moves a folder into another of theirs, reading the chain above it',
          status: 200,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            const deps = { ...kit.setup(), now: now(), userId: user.userId };
            const other = await createFolder(deps, folder.parentId ?? '', { mode: 'exact', name: 'Other' });
            return call('PATCH', `/host/api/folders/${folder.folderId}`, apiKey, { parentId: other.folderId });
          },
        },
        {
          name: 'a rename onto a name taken there reads who holds the claim, and refuses',
          status: 409,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            const deps = { ...kit.setup(), now: now(), userId: user.userId };
            await createFolder(deps, folder.parentId ?? '', { mode: 'exact', name: 'Taken' });
            return call('PATCH', `/host/api/folders/${folder.folderId}`, apiKey, { name: 'Taken' });
          },
        },
        {
          name: "a rename onto a file's name there reads that file, which holds the claim, and refuses",
          status: 409,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            const file = await kit.addFile(user.userId, 'Report.docx');
            return call('PATCH', `/host/api/folders/${folder.folderId}`, apiKey, { name: file.name });
          },
        },
        {
          name: "the caller's root renamed, made on first need",
          status: 200,
          act: async () => call('PATCH', '/host/api/folders/root', (await kit.person()).apiKey, { name: 'Mine' }),
        },
      ],
    ],
    [
      'DELETE /host/api/folders/{folder_id}',
      [
        {
          name: 'the owner deletes an empty folder: one child asked for, its name given back',
          status: 200,
          act: async () => {
            const { folder, apiKey } = await ownFolder();
            return call('DELETE', `/host/api/folders/${folder.folderId}`, apiKey);
          },
        },
        {
          name: 'a folder with a file in it: that child read, and refused',
          status: 409,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            await moveFile(
              { ...kit.setup(), now: now(), userId: user.userId },
              (await kit.addFile(user.userId)).fileId,
              folder.folderId,
            );
            return call('DELETE', `/host/api/folders/${folder.folderId}`, apiKey);
          },
        },
        {
          name: 'a folder with a folder in it: that child read, and refused',
          status: 409,
          act: async () => {
            const { folder, user, apiKey } = await ownFolder();
            const deps = { ...kit.setup(), now: now(), userId: user.userId };
            await createFolder(deps, folder.folderId, { mode: 'exact', name: 'Inside' });
            return call('DELETE', `/host/api/folders/${folder.folderId}`, apiKey);
          },
        },
        {
          name: "the caller's root, made on first need, is refused",
          status: 403,
          act: async () => call('DELETE', '/host/api/folders/root', (await kit.person()).apiKey),
        },
      ],
    ],
    [
      'PUT /host/api/folders/{folder_id}/shares/{user_id}',
      [
        {
          name: 'the owner shares a folder',
          status: 200,
          act: async () => {
            const { folder, apiKey } = await ownFolder();
            const { user } = await kit.person();
            return call('PUT', `/host/api/folders/${folder.folderId}/shares/${user.userId}`, apiKey, { share: 'edit' });
          },
        },
      ],
    ],
    [
      'DELETE /host/api/folders/{folder_id}/shares/{user_id}',
      [
        {
          name: "the owner takes a folder's share away",
          status: 200,
          act: async () => {
            const { folder, apiKey } = await ownFolder();
            const { user } = await kit.person();
            await shareFolder(
              { ...kit.setup(), now: now(), userId: folder.ownerId },
              folder.folderId,
              user.userId,
              'view',
            );
            return call('DELETE', `/host/api/folders/${folder.folderId}/shares/${user.userId}`, apiKey);
          },
        },
      ],
    ],
    [
      'POST /host/api/files/{file_id}/open',
      [
        member('POST', '/open', { action: 'edit' }),

        {
          name: 'the launch in the WOPI client and a host page link',
          status: 200,
          act: () => fileCall('POST', '/open', { action: 'edit' }),
        },
      ],
    ],
  ];
}
