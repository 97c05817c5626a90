// The files API described as OpenAPI 3.1, as data: served at GET /host/api/openapi.json, and checked against the
// route table and the answers of real calls by test/integration/openapi.test.ts, so the two never drift apart.

const iso = { type: 'string', format: 'date-time' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const fileId = { name: 'file_id', in: 'path', required: true, schema: { type: 'string' } } as const;
const folderId = {
  name: 'folder_id',
  in: 'path',
  required: true,
  description: '"root" names the caller\'s own root, My documents',
  schema: { type: 'string' },
} as const;
const userId = { name: 'user_id', in: 'path', required: true, schema: { type: 'string' } } as const;
const shareBody = {
  type: 'object',
  required: ['share'],
  properties: { share: { type: 'string', enum: ['view', 'edit', 'edit+delete'] } },
} as const;
const jsonBody = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });

/** Every route answers these besides its own. */
const common = {
  '400': error('Bad input, with the reason'),
  '401': error('No valid API key or sign-in token'),
  '500': error('Unexpected: the cause is in the log'),
};
// 403 only to a caller who may see the item: to anyone else it does not exist (404).
const lacksTheRight = error('The caller may see it but not do this (a viewer editing, an editor sharing)');
const ofFile = { ...common, '403': lacksTheRight, '404': error('No such file, or the caller may not see it') };
const ofFolder = { ...common, '403': lacksTheRight, '404': error('No such folder, or the caller may not see it') };
const fileAnswer = (description: string) => ({ '200': json(ref('File'), description), ...ofFile });
const conflict = error('The file is locked, checked out or changed meanwhile; or a name is taken');

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'wopi-host files API',
    version: '1',
    description:
      'Files, shares, versions and the editor, for applications and the web page. Authenticate with ' +
      '`Authorization: Bearer <API key>` or, when the host is configured for OpenID Connect, ' +
      '`Bearer <ID or access token>` of its issuer (call GET /host/api/me once to sign up).',
  },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  paths: {
    '/host/api/openapi.json': {
      get: {
        summary: 'This document',
        security: [],
        responses: {
          '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/host/api/me': {
      get: {
        summary: 'Who the caller is; signs up a person signing in with OpenID for the first time',
        responses: { '200': json(ref('User'), 'The caller'), ...common },
      },
    },
    '/host/api/files': {
      get: {
        summary: "The caller's own files, or (shared=true) the files and folders others shared with them",
        parameters: [{ name: 'shared', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } }],
        responses: { '200': json(ref('FileList'), 'By name'), ...common },
      },
      post: {
        summary: 'A new file: a blank document, an upload to S3 planned, or the bytes in the body',
        parameters: [
          {
            name: 'name',
            in: 'query',
            description: 'The name, when the body is the bytes',
            schema: { type: 'string' },
          },
          {
            name: 'folderId',
            in: 'query',
            description: 'The folder, when the body is the bytes',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', description: 'Alone: a blank .docx .xlsx .pptx .odt .ods .odp' },
                  size: { type: 'integer', minimum: 0, description: 'With it: plan an upload of this many bytes' },
                  sha256: { type: 'string', description: "Base64 SHA-256 of the upload's bytes, checked at commit" },
                  folderId: { type: 'string', description: "The folder it goes in; the caller's root when absent" },
                },
              },
            },
            'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
          },
        },
        responses: {
          '200': json(ref('PlannedUpload'), 'PUT the bytes to url, then POST the ticket to commitUrl'),
          '201': json(ref('File'), 'Created'),
          '409': error('The name is taken'),
          '413': error('Too large for the body, or past the storage quota'),
          ...common,
        },
      },
    },
    '/host/api/files/{file_id}': {
      parameters: [fileId],
      get: { summary: 'The file, with its lock and check-out', responses: fileAnswer('The file') },
      patch: {
        summary: "Rename, or move into another folder of the owner's tree",
        requestBody: jsonBody({
          type: 'object',
          minProperties: 1,
          properties: { name: { type: 'string' }, folderId: { type: 'string', description: '"root": My documents' } },
        }),
        responses: { ...fileAnswer('Renamed'), '409': conflict },
      },
      delete: { summary: "Move to the owner's trash", responses: { ...fileAnswer('In the trash'), '409': conflict } },
    },
    '/host/api/files/{file_id}/commit': {
      parameters: [fileId],
      post: {
        summary: 'Create the file from its upload, once read back and found as planned',
        requestBody: jsonBody({ type: 'object', required: ['ticket'], properties: { ticket: { type: 'string' } } }),
        responses: { '201': json(ref('File'), 'Created'), '409': conflict, ...common },
      },
    },
    '/host/api/files/{file_id}/content': {
      parameters: [fileId],
      get: {
        summary: 'Download',
        responses: {
          '200': {
            description: 'The bytes',
            content: {
              'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
            },
          },
          '302': { description: 'Too large for a response: a short-lived S3 URL in Location' },
          ...ofFile,
        },
      },
    },
    '/host/api/files/{file_id}/versions': {
      parameters: [fileId],
      get: {
        summary: 'The current content, earlier versions and recovery copies',
        responses: { '200': json(ref('Versions'), 'Newest first'), ...ofFile },
      },
    },
    '/host/api/files/{file_id}/restore': {
      parameters: [fileId],
      post: {
        summary: 'Make a version or a recovery copy current, as a new version',
        requestBody: jsonBody({
          type: 'object',
          properties: { version: { type: 'integer' }, recoveryCopy: { type: 'string' } },
        }),
        responses: { ...fileAnswer('Restored'), '409': conflict },
      },
    },
    '/host/api/files/{file_id}/shares/{user_id}': {
      parameters: [fileId, userId],
      put: {
        summary: 'Share with the user (the owner only)',
        requestBody: jsonBody(shareBody),
        responses: { ...fileAnswer('Shared'), '403': error('Only the owner shares') },
      },
      delete: {
        summary: "Take the user's share away (the owner only)",
        responses: { ...fileAnswer('Unshared'), '403': error('Only the owner shares') },
      },
    },
    '/host/api/files/{file_id}/checkout': {
      parameters: [fileId],
      post: {
        summary: 'Check out: reserve the file for the caller',
        responses: { ...fileAnswer('Checked out'), '403': error('No edit rights'), '409': conflict },
      },
      delete: {
        summary: 'Undo the check-out (its holder or the owner)',
        responses: { ...fileAnswer('Undone'), '403': error('Neither holder nor owner') },
      },
    },
    '/host/api/files/{file_id}/open': {
      parameters: [fileId],
      post: {
        summary: 'What it takes to open the file in the WOPI client',
        requestBody: jsonBody({ type: 'object', properties: { action: { type: 'string', enum: ['edit', 'view'] } } }),
        responses: {
          '200': json(ref('Launch'), 'POST access_token and access_token_ttl to actionUrl in a frame'),
          ...ofFile,
          '403': error('The caller may only view'),
          '415': error('The WOPI client cannot open this type'),
          '501': error('No WOPI client configured (WOPI_DISCOVERY_URL)'),
        },
      },
    },
    '/host/api/folders': {
      post: {
        summary: "A new folder, in the caller's root or a folder they may add to",
        requestBody: jsonBody({
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, parentId: { type: 'string' } },
        }),
        responses: { '201': json(ref('Folder'), 'Created'), '409': error('The name is taken there'), ...ofFolder },
      },
    },
    '/host/api/folders/{folder_id}': {
      parameters: [folderId],
      get: {
        summary: 'A page of what is in the folder, by name',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
          { name: 'after', in: 'query', description: "The previous page's next", schema: { type: 'string' } },
        ],
        responses: { '200': json(ref('Children'), 'By name'), ...ofFolder },
      },
      patch: {
        summary: 'Rename the folder, move it under another folder of its owner\'s ("root": My documents), or both',
        requestBody: jsonBody({
          type: 'object',
          properties: { name: { type: 'string' }, parentId: { type: 'string' } },
        }),
        responses: {
          '200': json(ref('Folder'), 'Renamed or moved; nothing inside it is rewritten'),
          ...ofFolder,
          '403': error('The caller may only view, or the folder is a root (which stays where it is)'),
          '409': error('The name is taken there, or the move is into the folder itself or a folder inside it'),
        },
      },
      delete: {
        summary: 'Delete an empty folder (never a root)',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['id', 'deleted'],
              properties: { id: { type: 'string' }, deleted: { const: true } },
            },
            'Deleted; its name is free again',
          ),
          ...ofFolder,
          '403': error('The caller may not delete it (owners, and editors allowed to delete), or it is a root'),
          '409': error('Something is in it'),
        },
      },
    },
    '/host/api/folders/{folder_id}/shares/{user_id}': {
      parameters: [folderId, userId],
      put: {
        summary: 'Share the folder and all inside it with the user (the owner only)',
        requestBody: jsonBody(shareBody),
        responses: {
          '200': json(ref('Folder'), 'Shared'),
          ...ofFolder,
          '403': error('Only the owner shares, and a root is never shared'),
        },
      },
      delete: {
        summary: "Take the user's share of the folder away (the owner only)",
        responses: { '200': json(ref('Folder'), 'Unshared'), ...ofFolder },
      },
    },
    '/host/api/trash': {
      get: {
        summary: "The caller's trash, newest first",
        responses: { '200': json(ref('FileList'), 'Newest first'), ...common },
      },
    },
    '/host/api/trash/{file_id}/restore': {
      parameters: [fileId],
      post: { summary: 'Bring a file back from the trash', responses: fileAnswer('Restored') },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', description: 'NotFound, FileNameTaken, LockConflict, StorageFull, ...' },
              message: { type: 'string' },
            },
          },
        },
      },
      Shares: {
        description: "The owner's view only",
        type: 'array',
        items: {
          type: 'object',
          required: ['userId', 'share'],
          properties: { userId: { type: 'string' }, share: { type: 'string' } },
        },
      },
      User: {
        type: 'object',
        required: ['id', 'displayName', 'rootFolderId'],
        properties: {
          id: { type: 'string' },
          displayName: { type: 'string' },
          email: { type: 'string' },
          rootFolderId: { type: 'string', description: 'My documents' },
        },
      },
      File: {
        type: 'object',
        required: [
          'id',
          'name',
          'size',
          'version',
          'sha256',
          'modifiedAt',
          'modifiedBy',
          'ownerId',
          'role',
          'lock',
          'checkOut',
        ],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          size: { type: 'integer', minimum: 0 },
          version: { type: 'integer', minimum: 1 },
          sha256: { type: 'string' },
          modifiedAt: iso,
          modifiedBy: { type: 'string' },
          ownerId: { type: 'string' },
          role: { type: 'string', enum: ['owner', 'edit+delete', 'edit', 'view', 'disabled', 'none'] },
          documentNumber: { type: 'integer' },
          lock: {
            description: 'A WOPI session (an editor) has the file open',
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['lockedBy', 'expiresAt'],
                properties: { lockedBy: { type: 'string' }, expiresAt: iso },
              },
            ],
          },
          checkOut: {
            description: 'A person reserved the file for their editing',
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['by', 'byName', 'at', 'mine'],
                properties: { by: { type: 'string' }, byName: { type: 'string' }, at: iso, mine: { type: 'boolean' } },
              },
            ],
          },
          trashedAt: iso,
          folderId: { type: 'string', description: "Absent: the owner's root" },
          shares: ref('Shares'),
        },
      },
      Folder: {
        type: 'object',
        required: ['id', 'name', 'ownerId', 'role'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          ownerId: { type: 'string' },
          parentId: { type: 'string', description: 'Absent for a root' },
          role: { type: 'string', enum: ['owner', 'edit+delete', 'edit', 'view', 'disabled', 'none'] },
          shares: ref('Shares'),
        },
      },
      Children: {
        type: 'object',
        required: ['folder', 'items'],
        properties: {
          folder: ref('Folder'),
          items: {
            type: 'array',
            items: {
              oneOf: [
                {
                  allOf: [
                    ref('Folder'),
                    { type: 'object', required: ['kind'], properties: { kind: { const: 'folder' } } },
                  ],
                },
                {
                  allOf: [ref('File'), { type: 'object', required: ['kind'], properties: { kind: { const: 'file' } } }],
                },
              ],
            },
          },
          next: { type: 'string', description: 'Pass as after for the next page; absent on the last' },
        },
      },
      FileList: {
        type: 'object',
        required: ['files'],
        properties: {
          files: { type: 'array', items: ref('File') },
          folders: {
            type: 'array',
            items: ref('Folder'),
            description: 'With shared=true: the folders others shared with the caller, with the role each gives',
          },
        },
      },
      Version: {
        type: 'object',
        required: ['version', 'size', 'modifiedAt', 'modifiedBy'],
        properties: {
          version: { type: 'integer' },
          size: { type: 'integer' },
          modifiedAt: iso,
          modifiedBy: { type: 'string' },
          description: { type: 'string' },
        },
      },
      Versions: {
        type: 'object',
        required: ['current', 'versions', 'recoveryCopies'],
        properties: {
          current: ref('Version'),
          versions: { type: 'array', items: ref('Version') },
          recoveryCopies: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'size', 'sentAt', 'sentBy', 'reason', 'detail'],
              properties: {
                id: { type: 'string' },
                size: { type: 'integer' },
                sentAt: iso,
                sentBy: { type: 'string' },
                reason: { type: 'string' },
                detail: { type: 'string' },
              },
            },
          },
        },
      },
      PlannedUpload: {
        type: 'object',
        required: ['fileId', 'method', 'url', 'expiresAt', 'ticket', 'commitUrl'],
        properties: {
          fileId: { type: 'string' },
          method: { const: 'PUT' },
          url: { type: 'string', format: 'uri' },
          expiresAt: iso,
          ticket: { type: 'string' },
          commitUrl: { type: 'string', format: 'uri' },
        },
      },
      Launch: {
        type: 'object',
        required: ['wopiSrc', 'actionUrl', 'accessToken', 'accessTokenTtl', 'hostPageUrl'],
        properties: {
          wopiSrc: { type: 'string', format: 'uri' },
          actionUrl: { type: 'string', format: 'uri' },
          accessToken: { type: 'string' },
          accessTokenTtl: { type: 'integer', description: 'The absolute expiry, ms since the epoch' },
          hostPageUrl: { type: 'string', format: 'uri', description: "This host's page that opens the editor" },
        },
      },
    },
  },
} as const;
