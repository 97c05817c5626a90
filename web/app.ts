// The web page at /: sign in (an API key, or OpenID Connect with PKCE when the host names an issuer), browse folders,
// create, upload, share, open in the editor, rename, move (browsing to the target folder), delete and restore
// (files; folders are renamed, moved, shared and deleted when empty). It talks only to the files API; the
// credential stays in this tab's sessionStorage and goes in an Authorization header, never in a URL.
import { api, type Credential, credential, signOut, uploadFile } from './api';
import { button, clear, el, say } from './dom';
import { completeOidcSignIn, startOidcSignIn } from './oidc';

interface Settings {
  readonly oidc: { readonly issuer: string; readonly clientId: string } | null;
  readonly wopiClient: boolean;
}

interface ApiFile {
  readonly kind?: 'file';
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly version: number;
  readonly modifiedAt: string;
  readonly role: string;
  readonly ownerId: string;
  readonly lock: { readonly lockedBy: string } | null;
  readonly checkOut: { readonly byName: string; readonly mine: boolean } | null;
  readonly shares?: readonly { readonly userId: string; readonly share: string }[];
}

interface ApiFolder {
  readonly kind?: 'folder';
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly parentId?: string;
}

const settings = JSON.parse(
  document.querySelector('meta[name="wopi-host"]')?.getAttribute('content') ?? '{}',
) as Settings;
const BLANK_TYPES = ['.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'];

const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
const main = el('main', { id: 'main' });
/** The folders from My documents down to the one shown. */
let trail: ApiFolder[] = [];

function report(error: unknown): void {
  say(status, error instanceof Error ? error.message : String(error), true);
}

/** Runs a click's work, reporting its failure instead of losing it. */
function act(work: () => Promise<void>): () => void {
  return () => {
    work().catch(report);
  };
}

function signInView(): void {
  clear(main);
  const form = el('form', { id: 'sign-in', 'aria-labelledby': 'sign-in-title' });
  const key = el('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: 'true' });
  form.append(
    el('h2', { id: 'sign-in-title' }, 'Sign in'),
    el('label', { for: 'api-key' }, 'API key (npm start prints one)'),
    key,
    el('button', { type: 'submit' }, 'Sign in with the key'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    signedIn({ kind: 'key', value: key.value.trim() }).catch((error: unknown) => {
      signOut();
      report(error);
    });
  });
  main.append(form);
  const oidc = settings.oidc;
  if (oidc !== null) {
    main.append(
      button(
        'Sign in with your organisation',
        act(() => startOidcSignIn(oidc.issuer, oidc.clientId)),
        'oidc-sign-in',
      ),
    );
  }
}

async function signedIn(given: Credential): Promise<void> {
  credential.set(given);
  const me = (await api('GET', '/host/api/me')) as { displayName: string; rootFolderId: string };
  document.getElementById('who')?.replaceChildren(
    `Signed in as ${me.displayName} `,
    button('Sign out', () => {
      signOut();
      location.reload();
    }),
  );
  trail = [];
  await showFolder({ id: 'root', name: 'My documents', role: 'owner' });
}

/** A folder and everything in it, every page of its listing. */
async function folderContents(folderId: string): Promise<{ folder: ApiFolder; items: (ApiFile | ApiFolder)[] }> {
  const path = `/host/api/folders/${encodeURIComponent(folderId)}`;
  const page = (await api('GET', path)) as { folder: ApiFolder; items: (ApiFile | ApiFolder)[]; next?: string };
  let items = page.items;
  for (let next = page.next; next !== undefined; ) {
    const more = (await api('GET', `${path}?after=${encodeURIComponent(next)}`)) as typeof page;
    items = [...items, ...more.items];
    next = more.next;
  }
  return { folder: page.folder, items };
}

async function showFolder(folder: ApiFolder): Promise<void> {
  const at = trail.findIndex((f) => f.id === folder.id);
  trail = at >= 0 ? trail.slice(0, at + 1) : [...trail, folder];
  const shown = await folderContents(folder.id);
  trail[trail.length - 1] = shown.folder;
  render(shown.folder, shown.items);
}

// A change is announced (say) only once the listing shows it, so what a screen reader hears is what is there.
const refresh = () => showFolder(trail[trail.length - 1] ?? { id: 'root', name: 'My documents', role: 'owner' });

function render(folder: ApiFolder, items: readonly (ApiFile | ApiFolder)[]): void {
  clear(main);
  const crumbs = el('nav', { 'aria-label': 'Folders' });
  trail.forEach((f, i) => {
    if (i > 0) crumbs.append(' / ');
    crumbs.append(
      i === trail.length - 1
        ? el('strong', {}, f.name)
        : button(
            f.name,
            act(() => showFolder(f)),
          ),
    );
  });
  main.append(
    crumbs,
    toolbar(folder),
    el('h2', { id: 'listing-title' }, folder.name),
    listing(items),
    el('div', { id: 'panel' }),
  );
}

function toolbar(folder: ApiFolder): HTMLElement {
  const bar = el('section', { 'aria-label': 'New', class: 'toolbar' });
  const name = el('input', { id: 'new-name', placeholder: 'Name', 'aria-label': 'New document name' });
  const type = el('select', { id: 'new-type', 'aria-label': 'Type' });
  for (const ext of BLANK_TYPES) type.append(el('option', { value: ext }, ext));
  const file = el('input', { id: 'upload-file', type: 'file', 'aria-label': 'File to upload' });
  const progress = el('progress', { id: 'upload-progress', max: '100', value: '0', hidden: 'true' });
  const upload = async (chosen: File) => {
    progress.hidden = false;
    await uploadFile(chosen, folder.id, (done) => {
      progress.value = Math.round(done * 100);
    });
    progress.hidden = true;
    await refresh();
    say(status, `Uploaded ${chosen.name}`);
  };
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen) upload(chosen).catch(report);
  });
  const drop = el('div', { id: 'drop', class: 'drop' }, 'Or drop a file here');
  drop.addEventListener('dragover', (event) => event.preventDefault());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    const chosen = event.dataTransfer?.files[0];
    if (chosen) upload(chosen).catch(report);
  });
  bar.append(
    name,
    type,
    button(
      'New document',
      act(async () => {
        const base = name.value.trim() || 'Untitled';
        const made = (await api('POST', '/host/api/files', {
          name: `${base}${type.value}`,
          folderId: folder.id,
        })) as ApiFile;
        await refresh();
        say(status, `Created ${made.name}`);
      }),
      'new-document',
    ),
    button(
      'New folder',
      act(async () => {
        const wanted = name.value.trim();
        if (wanted === '') throw new Error('Type the folder name first');
        await api('POST', '/host/api/folders', { name: wanted, parentId: folder.id });
        await refresh();
      }),
      'new-folder',
    ),
    el('label', { for: 'upload-file' }, 'Upload'),
    file,
    progress,
    drop,
    button('Shared with me', act(sharedWithMe), 'shared'),
    button('Trash', act(trashView), 'trash'),
  );
  return bar;
}

function stateOf(item: ApiFile): string {
  if (item.checkOut) return item.checkOut.mine ? 'Checked out by you' : `Checked out by ${item.checkOut.byName}`;
  if (item.lock) return `Open in the editor (${item.lock.lockedBy})`;
  return '';
}

function listing(items: readonly (ApiFile | ApiFolder)[]): HTMLElement {
  const table = el('table', { id: 'listing', 'aria-labelledby': 'listing-title' });
  const head = el('tr', {});
  for (const title of ['Name', 'Size', 'Version', 'State', 'Actions']) head.append(el('th', { scope: 'col' }, title));
  table.append(el('thead', {}, head));
  const body = el('tbody', {});
  if (items.length === 0) body.append(el('tr', {}, el('td', { colspan: '5' }, 'Nothing here yet')));
  for (const item of items) body.append(item.kind === 'folder' ? folderRow(item) : fileRow(item as ApiFile));
  table.append(body);
  return table;
}

/** Deletes the file or folder at `path`, shows the listing again, then says `done`. */
function deleteButton(path: string, done: string): HTMLElement {
  return button(
    'Delete',
    act(async () => {
      await api('DELETE', path);
      await refresh();
      say(status, done);
    }),
  );
}

/** Renames the file or folder at `path` (its PATCH takes the new name), then says what it is now called. */
function renameButton(path: string, name: string, described: string): HTMLElement {
  return button(
    'Rename',
    act(async () => {
      const wanted = prompt(`Rename ${described} to`, name);
      if (wanted === null || wanted === name) return;
      await api('PATCH', path, { name: wanted });
      await refresh();
      say(status, `${name} is now ${wanted}`);
    }),
  );
}

/**
 * Moves the file or folder at `path` into a folder chosen by browsing, from the folder shown up to My documents and
 * down into any folder (`field` names the target in its PATCH); a folder is never offered as its own destination.
 */
function moveButton(path: string, field: 'folderId' | 'parentId', name: string, selfId?: string): HTMLElement {
  return button(
    'Move',
    act(() => movePanel(path, field, name, selfId, [...trail])),
  );
}

async function movePanel(
  path: string,
  field: 'folderId' | 'parentId',
  name: string,
  selfId: string | undefined,
  at: readonly ApiFolder[],
): Promise<void> {
  const here = at[at.length - 1] as ApiFolder;
  const { items } = await folderContents(here.id);
  const section = panel(`Move ${name}`);
  const browse = (to: readonly ApiFolder[]) => act(() => movePanel(path, field, name, selfId, to));
  const crumbs = el('p', { id: 'move-path' }, 'Into: ');
  at.forEach((folder, i) => {
    if (i > 0) crumbs.append(' / ');
    crumbs.append(
      i === at.length - 1 ? el('strong', {}, folder.name) : button(folder.name, browse(at.slice(0, i + 1))),
    );
  });
  const list = el('ul', { id: 'move-folders' });
  const folders = items.filter((item): item is ApiFolder => item.kind === 'folder' && item.id !== selfId);
  for (const folder of folders) {
    list.append(el('li', { 'data-name': folder.name }, button(`📁 ${folder.name}`, browse([...at, folder]))));
  }
  if (list.childElementCount === 0) list.append(el('li', {}, 'No folders inside'));
  const moveHere = button(
    `Move into ${here.name}`,
    act(async () => {
      await api('PATCH', path, { [field]: here.id });
      await refresh();
      say(status, `${name} is now in ${here.name}`);
    }),
    'move-here',
  );
  section.append(crumbs, list, moveHere);
  moveHere.focus();
}

const EDIT_ROLES = ['owner', 'edit+delete', 'edit'];
const DELETE_ROLES = ['owner', 'edit+delete'];

function folderRow(folder: ApiFolder): HTMLElement {
  const row = el('tr', { 'data-name': folder.name });
  const actions = el('td', { class: 'actions' });
  const path = `/host/api/folders/${encodeURIComponent(folder.id)}`;
  if (EDIT_ROLES.includes(folder.role)) {
    actions.append(
      renameButton(path, folder.name, `the folder ${folder.name}`),
      moveButton(path, 'parentId', folder.name, folder.id),
    );
  }
  if (folder.role === 'owner') actions.append(button('Share', () => sharePanel('folders', folder.id, folder.name)));
  if (DELETE_ROLES.includes(folder.role)) actions.append(deleteButton(path, `The folder ${folder.name} is deleted`));
  row.append(
    el(
      'td',
      {},
      button(
        `📁 ${folder.name}`,
        act(() => showFolder(folder)),
      ),
    ),
    el('td', {}, ''),
    el('td', {}, ''),
    el('td', {}, folder.role === 'owner' ? '' : `Shared with you (${folder.role})`),
    actions,
  );
  return row;
}

function fileRow(file: ApiFile): HTMLElement {
  const row = el('tr', { 'data-name': file.name });
  const actions = el('td', { class: 'actions' });
  const path = `/host/api/files/${encodeURIComponent(file.id)}`;
  const edit = EDIT_ROLES.includes(file.role);
  actions.append(
    button(
      'Open',
      act(() => openFile(file, edit ? 'edit' : 'view')),
    ),
    button(
      'Versions',
      act(() => versionsPanel(file)),
    ),
  );
  if (edit) {
    actions.append(
      renameButton(path, file.name, file.name),
      moveButton(path, 'folderId', file.name),
      button(
        file.checkOut === null ? 'Check out' : 'Undo check-out',
        act(async () => {
          await api(file.checkOut === null ? 'POST' : 'DELETE', `${path}/checkout`);
          await refresh();
          say(status, file.checkOut === null ? `You checked out ${file.name}` : `${file.name} is not checked out now`);
        }),
      ),
    );
  }
  if (file.role === 'owner') actions.append(button('Share', () => sharePanel('files', file.id, file.name)));
  if (DELETE_ROLES.includes(file.role)) actions.append(deleteButton(path, `${file.name} is in the trash`));
  row.append(
    el('td', {}, file.name),
    el('td', {}, `${Math.ceil(file.size / 1024)} KB`),
    el('td', {}, String(file.version)),
    el('td', {}, stateOf(file)),
    actions,
  );
  return row;
}

/** Opens the file through this host's page, whose link (not the token) is in the URL; the page POSTs the token. */
async function openFile(file: ApiFile, action: 'edit' | 'view'): Promise<void> {
  if (!settings.wopiClient) {
    throw new Error('No WOPI client is configured: set WOPI_DISCOVERY_URL (README, "Connecting a WOPI client").');
  }
  const launch = (await api('POST', `/host/api/files/${encodeURIComponent(file.id)}/open`, { action })) as {
    hostPageUrl: string;
  };
  location.assign(launch.hostPageUrl);
}

function panel(title: string): HTMLElement {
  const box = document.getElementById('panel');
  if (box === null) throw new Error('The page lost its panel');
  clear(box);
  const section = el('section', { 'aria-label': title });
  section.append(
    el('h3', {}, title),
    button('Close', () => clear(box)),
  );
  box.append(section);
  return section;
}

function sharePanel(kind: 'files' | 'folders', id: string, name: string): void {
  const section = panel(`Share ${name}`);
  const form = el('form', { id: 'share-form' });
  const user = el('input', { id: 'share-user', required: 'true' });
  const share = el('select', { id: 'share-role' });
  for (const role of ['view', 'edit', 'edit+delete']) share.append(el('option', { value: role }, role));
  form.append(
    el('label', { for: 'share-user' }, 'User id'),
    user,
    el('label', { for: 'share-role' }, 'May'),
    share,
    el('button', { type: 'submit' }, 'Share'),
    el('button', { type: 'button', id: 'unshare' }, 'Take the share away'),
  );
  const path = () => `/host/api/${kind}/${encodeURIComponent(id)}/shares/${encodeURIComponent(user.value.trim())}`;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api('PUT', path(), { share: share.value })
      .then(() => say(status, `Shared ${name} with ${user.value.trim()} (${share.value})`))
      .catch(report);
  });
  form.querySelector('#unshare')?.addEventListener('click', () => {
    api('DELETE', path())
      .then(() => say(status, `${user.value.trim()} no longer shares ${name}`))
      .catch(report);
  });
  section.append(form);
  user.focus();
}

async function versionsPanel(file: ApiFile): Promise<void> {
  const path = `/host/api/files/${encodeURIComponent(file.id)}`;
  const versions = (await api('GET', `${path}/versions`)) as {
    current: { version: number; modifiedAt: string; modifiedBy: string };
    versions: { version: number; modifiedAt: string; modifiedBy: string }[];
    recoveryCopies: { id: string; sentAt: string; sentBy: string; reason: string }[];
  };
  const section = panel(`Versions of ${file.name}`);
  const list = el('ul', { id: 'versions' });
  list.append(el('li', {}, `Version ${versions.current.version} (current), ${versions.current.modifiedAt}`));
  for (const v of versions.versions) {
    const restore = act(async () => {
      const restored = (await api('POST', `${path}/restore`, { version: v.version })) as ApiFile;
      await refresh();
      say(status, `Version ${v.version} of ${file.name} is the current one again, as version ${restored.version}`);
    });
    list.append(el('li', {}, `Version ${v.version}, ${v.modifiedAt} by ${v.modifiedBy} `, button('Restore', restore)));
  }
  for (const copy of versions.recoveryCopies) {
    const restore = act(async () => {
      const restored = (await api('POST', `${path}/restore`, { recoveryCopy: copy.id })) as ApiFile;
      await refresh();
      say(status, `The recovery copy of ${file.name} is the current one, as version ${restored.version}`);
    });
    list.append(
      el('li', {}, `Recovery copy ${copy.sentAt} by ${copy.sentBy} (${copy.reason}) `, button('Restore', restore)),
    );
  }
  section.append(list);
}

async function sharedWithMe(): Promise<void> {
  const { files, folders } = (await api('GET', '/host/api/files?shared=true')) as {
    files: ApiFile[];
    folders: ApiFolder[];
  };
  const section = panel('Shared with me');
  section.append(listing([...folders.map((folder) => ({ ...folder, kind: 'folder' as const })), ...files]));
}

async function trashView(): Promise<void> {
  const { files } = (await api('GET', '/host/api/trash')) as { files: ApiFile[] };
  const section = panel('Trash');
  const list = el('ul', { id: 'trash-list' });
  if (files.length === 0) list.append(el('li', {}, 'The trash is empty'));
  for (const file of files) {
    const restore = act(async () => {
      await api('POST', `/host/api/trash/${encodeURIComponent(file.id)}/restore`);
      await refresh();
      say(status, `${file.name} is back`);
    });
    list.append(el('li', { 'data-name': file.name }, `${file.name} `, button('Restore', restore)));
  }
  section.append(list);
}

async function start(): Promise<void> {
  document.body.append(el('header', {}, el('h1', {}, 'Documents'), el('p', { id: 'who' })), status, main);
  const returned = settings.oidc ? await completeOidcSignIn(settings.oidc.issuer, settings.oidc.clientId) : undefined;
  const saved = returned ?? credential.get();
  if (saved === undefined) return signInView();
  await signedIn(saved).catch((error: unknown) => {
    signOut();
    signInView();
    report(error);
  });
}

start().catch(report);
