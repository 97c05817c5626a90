// The host page, GET /host/files/{file_id} (issue 6, "Opening a document"), against the emulators, with the WOPI
// client's discovery served on 127.0.0.1: the action it picks, the access token it POSTs into the client's iframe,
// how it authenticates (API key or short-lived link), and how it refuses.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '../../lambda/auth/access-token';
import { HOST_LINK_TTL_SECONDS, mintHostLink } from '../../lambda/auth/host-link';
import type { FileRecord } from '../../lambda/domain/file-record';
import { issueApiKey, type User } from '../../lambda/domain/users';
import { handlerFor, loadSampleEvent } from '../support/api-gateway-events';
import { type DiscoveryServer, serveDiscovery } from '../support/discovery-server';
import { officeDiscoveryXml } from '../support/discovery-xml';
import { type CollaboraHost, formOf, openPage, pageForm, startCollaboraHost } from '../support/host-page';
import { generateProofKey } from '../support/proof-signing';
import { checkFileInfo } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const OWNER: User = { userId: 'owner-1', displayName: 'Owner One' };
const EDITOR: User = { userId: 'editor-1', displayName: 'Edith Editor' };
const VIEWER: User = { userId: 'viewer-1', displayName: 'Victor Viewer' };
const STRANGER: User = { userId: 'stranger-1', displayName: 'Stan Stranger' };

interface People {
  readonly apiKeys: ReadonlyMap<string, string>;
}

/** The four users, each with an API key. */
async function addPeople(host: TestHost): Promise<People> {
  const apiKeys = new Map<string, string>();
  for (const user of [OWNER, EDITOR, VIEWER, STRANGER]) {
    await host.deps.users.putUser(user);
    apiKeys.set(user.userId, await issueApiKey(host.deps.users, user.userId, host.clock.now()));
  }
  return { apiKeys };
}

/** A file of OWNER's, shared with EDITOR (edit) and VIEWER (view). */
async function sharedFile(host: TestHost, name?: string): Promise<FileRecord> {
  const record = await host.addFile('hello', name, OWNER.userId);
  await host.share(record.fileId, EDITOR.userId, 'edit');
  await host.share(record.fileId, VIEWER.userId, 'view');
  return record;
}

let docxCount = 0;
/** A fresh .docx name: names are unique per owner. */
const docx = () => `report-${++docxCount}.docx`;

/** The response's Content-Security-Policy, directive name -> its value. */
function directivesOf(res: Response): Map<string | undefined, string> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
}

function wopiSrcOf(actionUrl: string): string | null {
  return new URL(actionUrl).searchParams.get('WOPISrc');
}

describe('host page with Collabora Online discovery', () => {
  let collabora: CollaboraHost;
  let discovery: DiscoveryServer;
  let host: TestHost;
  let people: People;
  const keyOf = (user: User) => people.apiKeys.get(user.userId) ?? '';

  beforeAll(async () => {
    collabora = await startCollaboraHost();
    ({ host, discovery } = collabora);
    people = await addPeople(host);
  });
  afterAll(() => collabora.close());

  it("POSTs into Collabora's edit urlsrc with WOPISrc = <WOPI_PUBLIC_URL>/wopi/files/<id> for a user with edit rights", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(EDITOR) }));
    // Assess
    const wopiSrc = `${host.baseUrl}/wopi/files/${file.fileId}`;
    expect(form.action).toBe(`${discovery.origin}/browser/80a6f97/cool.html?WOPISrc=${encodeURIComponent(wopiSrc)}`);
  });

  it('CheckFileInfo and PutRelativeFile give HostEditUrl / HostViewUrl: the host page with a link for the user', async () => {
    // Prepare
    const file = await sharedFile(host);
    const token = await host.token(file.fileId, 'write', EDITOR);
    // Act
    const info = (await (await host.wopi(file.fileId, { method: 'GET', token })).json()) as Record<string, string>;
    const relative = await host.wopi(file.fileId, {
      override: 'PUT_RELATIVE',
      token,
      headers: { 'X-WOPI-SuggestedTarget': '.pdf' },
      body: 'copy',
    });
    const [editPage, viewPage] = [await fetch(info.HostEditUrl ?? ''), await fetch(info.HostViewUrl ?? '')];
    // Assess
    expect(info.HostEditUrl).toMatch(new RegExp(`^${host.baseUrl}/host/files/${file.fileId}\\?link=`));
    expect(info.HostViewUrl).toMatch(new RegExp(`^${host.baseUrl}/host/files/${file.fileId}\\?link=`));
    expect((await pageForm(editPage)).action).toContain('/cool.html?');
    const viewForm = await pageForm(viewPage);
    const viewGrant = await verifyAccessToken(
      host.deps.tokenSecret,
      viewForm.fields.access_token,
      file.fileId,
      host.clock.now(),
    );
    expect({ userId: viewGrant.userId, rights: viewGrant.rights }).toEqual({ userId: EDITOR.userId, rights: 'read' });
    expect(await relative.json()).toMatchObject({ HostEditUrl: expect.stringContaining('/host/files/') });
  });

  it('POSTs an access token that verifies for that file and user with write rights', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(EDITOR) }));
    const grant = await verifyAccessToken(
      host.deps.tokenSecret,
      form.fields.access_token,
      file.fileId,
      host.clock.now(),
    );
    // Assess
    expect(grant).toMatchObject({
      fileId: file.fileId,
      userId: EDITOR.userId,
      userName: EDITOR.displayName,
      rights: 'write',
    });
  });

  it('POSTs an access token with read rights for a user the file is shared with for viewing', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(VIEWER) }));
    const grant = await verifyAccessToken(
      host.deps.tokenSecret,
      form.fields.access_token,
      file.fileId,
      host.clock.now(),
    );
    // Assess
    expect(grant).toMatchObject({ userId: VIEWER.userId, rights: 'read' });
  });

  it('"access_token_ttl is the token\'s absolute expiry in milliseconds since the Unix epoch": exp * 1000, in the future', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(OWNER) }));
    const ttl = Number(form.fields.access_token_ttl);
    // Assess
    expect({
      ttl,
      isExpTimes1000: ttl === (decodeJwt(form.fields.access_token ?? '').exp ?? 0) * 1000,
      inTheFuture: ttl > host.clock.now(),
      isTheConfiguredLifetime: ttl - host.clock.now() <= host.deps.config.tokenTtlSeconds * 1000,
    }).toEqual({ ttl: expect.any(Number), isExpTimes1000: true, inTheFuture: true, isTheConfiguredLifetime: true });
  });

  it('posts exactly access_token and access_token_ttl, with method POST, into the iframe named office_frame', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const html = await (await openPage(host, file.fileId, { apiKey: keyOf(OWNER) })).text();
    const form = formOf(html);
    // Assess
    expect({
      fields: Object.keys(form.fields).sort(),
      method: /\bmethod="post"/i.test(form.attributes),
      target: /\btarget="office_frame"/.test(form.attributes),
      iframe: /<iframe\b[^>]*\bname="office_frame"[^>]*>/.test(html),
      allowfullscreen: /<iframe\b[^>]*\sallowfullscreen[\s>]/.test(html),
      sandbox: /<iframe\b[^>]*\bsandbox="[^"]*allow-scripts[^"]*allow-same-origin[^"]*allow-forms/.test(html),
      submits: html.includes('.submit()'),
    }).toEqual({
      fields: ['access_token', 'access_token_ttl'],
      method: true,
      target: true,
      iframe: true,
      allowfullscreen: true,
      sandbox: true,
      submits: true,
    });
  });

  it('answers text/html that is never cached or sent on as a Referer', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(OWNER) });
    // Assess
    expect({
      contentType: res.headers.get('content-type'),
      cacheControl: res.headers.get('cache-control'),
      referrerPolicy: res.headers.get('referrer-policy'),
    }).toEqual({ contentType: 'text/html; charset=utf-8', cacheControl: 'no-store', referrerPolicy: 'no-referrer' });
  });

  it("has a Content-Security-Policy that frames only the WOPI client's origin and runs only scripts with this response's nonce", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(OWNER) });
    const html = await res.text();
    const directives = directivesOf(res);
    const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1]);
    // Assess
    expect({
      defaultSrc: directives.get('default-src'),
      frameSrc: directives.get('frame-src'),
      formAction: directives.get('form-action'),
      scriptSrc: directives.get('script-src'),
      scriptTags: (html.match(/<script\b/g) ?? []).length,
    }).toEqual({
      defaultSrc: "'none'",
      frameSrc: discovery.origin,
      formAction: discovery.origin,
      scriptSrc: `'nonce-${scriptNonces[0]}'`,
      scriptTags: 1,
    });
  });

  it("may be framed only by pages of its own origin by default: frame-ancestors 'self' and X-Frame-Options SAMEORIGIN", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(OWNER) });
    // Assess
    expect({
      frameAncestors: directivesOf(res).get('frame-ancestors'),
      frameOptions: res.headers.get('x-frame-options'),
    }).toEqual({ frameAncestors: "'self'", frameOptions: 'SAMEORIGIN' });
  });

  it('uses a fresh nonce for every response', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const policies = await Promise.all(
      [1, 2].map(async () =>
        (await openPage(host, file.fileId, { apiKey: keyOf(OWNER) })).headers.get('content-security-policy'),
      ),
    );
    // Assess
    expect(policies[0]).not.toBe(policies[1]);
  });

  it("listens to PostMessage only from the WOPI client's origin and answers Frame_Ready with Host_PostmessageReady", async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const html = await (await openPage(host, file.fileId, { apiKey: keyOf(OWNER) })).text();
    // Assess
    expect({
      listens: html.includes("addEventListener('message'"),
      checksOrigin: html.includes('event.origin !== origin'),
      originIsTheActions: html.includes('new URL(form.action).origin'),
      answersReady: html.includes("'Host_PostmessageReady'"),
    }).toEqual({ listens: true, checksOrigin: true, originIsTheActions: true, answersReady: true });
  });

  it('escapes the file name and every value it puts into the page (a file named <script>.odt)', async () => {
    // Prepare: a record as another tool could have written it; validation refuses these characters in new names
    const file = await sharedFile(host);
    const name = `<script>alert("x")</script>'&.odt`;
    await host.deps.files.create({ ...file, fileId: `${file.fileId}-raw`, name });
    // Act
    const res = await openPage(host, `${file.fileId}-raw`, { apiKey: keyOf(OWNER) });
    const html = await res.text();
    // Assess
    expect({
      status: res.status,
      rawNameInPage: html.includes(name) || html.includes('<script>alert'),
      escapedTitle: html.includes('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;.odt</title>'),
    }).toEqual({ status: 200, rawNameInPage: false, escapedTitle: true });
  });

  it("escapes a valid name with & and ' (R&D 'draft'.odt)", async () => {
    // Prepare
    const file = await sharedFile(host, `R&D 'draft'.odt`);
    // Act
    const html = await (await openPage(host, file.fileId, { apiKey: keyOf(OWNER) })).text();
    // Assess
    expect(html).toContain('<title>R&amp;D &#39;draft&#39;.odt</title>');
  });

  it('answers 415 with a reason for a file type the WOPI client has no action for', async () => {
    // Prepare
    const file = await sharedFile(host, 'notes.xyz');
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(OWNER) });
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 415,
      reason: 'The WOPI client has no action for ".xyz" files',
    });
  });

  it('answers 415 for a file without an extension', async () => {
    // Prepare
    const file = await sharedFile(host, 'README');
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(OWNER) });
    // Assess
    expect(res.status).toBe(415);
  });

  it('answers 404 to a user the file is not shared with (it does not reveal that the file exists)', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(STRANGER) });
    // Assess
    expect({ status: res.status, hasForm: (await res.text()).includes('<form') }).toEqual({
      status: 404,
      hasForm: false,
    });
  });

  it('answers 404 for a file that does not exist, as for one the user may not see', async () => {
    // Prepare
    const fileId = 'no-such-file';
    // Act
    const res = await openPage(host, fileId, { apiKey: keyOf(OWNER) });
    // Assess
    expect(res.status).toBe(404);
  });

  it('answers 401 with WWW-Authenticate without an API key or link', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId);
    // Assess
    expect({ status: res.status, challenge: res.headers.get('www-authenticate') }).toEqual({
      status: 401,
      challenge: expect.stringMatching(/^Bearer /),
    });
  });

  it('answers 401 for an API key that is not valid', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: 'wopi_not-a-key-this-host-issued' });
    // Assess
    expect(res.status).toBe(401);
  });

  it("opens with the CLI's short-lived link instead of an API key, as the link's user", async () => {
    // Prepare
    const file = await sharedFile(host);
    const { link } = await mintHostLink(
      host.deps.tokenSecret,
      { fileId: file.fileId, userId: VIEWER.userId, rights: 'write' },
      host.clock.now(),
    );
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { link }));
    const grant = await verifyAccessToken(
      host.deps.tokenSecret,
      form.fields.access_token,
      file.fileId,
      host.clock.now(),
    );
    // Assess
    expect(grant).toMatchObject({ userId: VIEWER.userId, rights: 'read' });
  });

  it('answers 404 to a valid link whose user has lost access since it was printed', async () => {
    // Prepare
    const file = await sharedFile(host);
    const { link } = await mintHostLink(
      host.deps.tokenSecret,
      { fileId: file.fileId, userId: EDITOR.userId, rights: 'write' },
      host.clock.now(),
    );
    await host.share(file.fileId, EDITOR.userId, 'none');
    // Act
    const res = await openPage(host, file.fileId, { link });
    // Assess
    expect(res.status).toBe(404);
  });

  it('answers 401 to a link for another file', async () => {
    // Prepare
    const [file, other] = [await sharedFile(host), await sharedFile(host)];
    const { link } = await mintHostLink(
      host.deps.tokenSecret,
      { fileId: other.fileId, userId: OWNER.userId, rights: 'write' },
      host.clock.now(),
    );
    // Act
    const res = await openPage(host, file.fileId, { link });
    // Assess
    expect(res.status).toBe(401);
  });

  it('answers 401 to a WOPI access token passed as a link (another audience)', async () => {
    // Prepare
    const file = await sharedFile(host);
    const token = await host.token(file.fileId, 'write', { userId: OWNER.userId });
    // Act
    const res = await openPage(host, file.fileId, { link: token });
    // Assess
    expect(res.status).toBe(401);
  });

  it(`answers 401 to a link older than its ${HOST_LINK_TTL_SECONDS / 60} minutes`, async () => {
    // Prepare
    const file = await sharedFile(host);
    const { link } = await mintHostLink(
      host.deps.tokenSecret,
      { fileId: file.fileId, userId: OWNER.userId, rights: 'write' },
      host.clock.now(),
    );
    host.clock.advance(HOST_LINK_TTL_SECONDS * 1000 + 1000);
    // Act
    const res = await openPage(host, file.fileId, { link });
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 401,
      reason: 'The link has expired',
    });
  });

  it('CheckFileInfo says PostMessageOrigin = the origin of WOPI_PUBLIC_URL, where the host page is, when WOPI_CHECK_FILE_INFO_EXTRA sets none', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await checkFileInfo(host, file.fileId);
    const info = (await res.json()) as Record<string, unknown>;
    // Assess
    expect(info.PostMessageOrigin).toBe(new URL(host.baseUrl).origin);
  });
});

describe('host page with Office for the web discovery and no WOPI_PUBLIC_URL', () => {
  let discovery: DiscoveryServer;
  let host: TestHost;
  let people: People;
  const keyOf = (user: User) => people.apiKeys.get(user.userId) ?? '';

  beforeAll(async () => {
    const keys = { current: generateProofKey() };
    discovery = await serveDiscovery(() => officeDiscoveryXml(keys));
    // An empty WOPI_PUBLIC_URL leaves it unset: the host derives its public URL from each request.
    host = await startTestHost({
      env: { WOPI_DISCOVERY_URL: discovery.url, WOPI_PROOF_KEYS: 'off', WOPI_PUBLIC_URL: '' },
    });
    people = await addPeople(host);
  });
  afterAll(async () => {
    await host.close();
    await discovery.close();
  });

  it("POSTs into Word's view action for a viewer, with the placeholders it has no value for removed", async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(VIEWER) }));
    // Assess
    expect(form.action).toBe(
      `https://word-view.officeapps.live.com/wv/wordviewerframe.aspx?WOPISrc=${encodeURIComponent(`${host.baseUrl}/wopi/files/${file.fileId}`)}`,
    );
  });

  it("POSTs into Word's edit action for an editor", async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(EDITOR) }));
    // Assess
    expect(new URL(form.action).origin + new URL(form.action).pathname).toBe(
      'https://word-edit.officeapps.live.com/we/wordeditorframe.aspx',
    );
  });

  it('builds WOPISrc from the URL the browser called when WOPI_PUBLIC_URL is not set', async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    // Act
    const form = await pageForm(await openPage(host, file.fileId, { apiKey: keyOf(OWNER) }));
    // Assess
    expect(wopiSrcOf(form.action)).toBe(`${host.baseUrl}/wopi/files/${file.fileId}`);
  });

  it("keeps API Gateway's stage prefix in WOPISrc (https://<api>/prod/wopi/files/<id>)", async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    const event = loadSampleEvent('host-page.json', { fileId: file.fileId, accessToken: '', apiKey: keyOf(OWNER) });
    const staged = { ...event, rawPath: `/prod${event.rawPath}` };
    // Act
    const result = await (await handlerFor(staged))(staged, {});
    // Assess
    expect({ status: result.statusCode, wopiSrc: wopiSrcOf(formOf(String(result.body)).action) }).toEqual({
      status: 200,
      wopiSrc: `https://${event.requestContext.domainName}/prod/wopi/files/${file.fileId}`,
    });
  });

  it("frames only Office for the web: frame-src is the action URL's origin", async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    // Act
    const res = await openPage(host, file.fileId, { apiKey: keyOf(VIEWER) });
    // Assess
    expect(res.headers.get('content-security-policy')).toContain('frame-src https://word-view.officeapps.live.com;');
  });

  it('CheckFileInfo says PostMessageOrigin = the origin the WOPI client called when WOPI_PUBLIC_URL is not set', async () => {
    // Prepare
    const file = await sharedFile(host, docx());
    // Act
    const info = (await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>;
    // Assess
    expect(info.PostMessageOrigin).toBe(new URL(host.baseUrl).origin);
  });
});

describe('host page framed by the origins WOPI_FRAME_ANCESTORS names', () => {
  let collabora: CollaboraHost;
  let host: TestHost;
  let people: People;

  beforeAll(async () => {
    collabora = await startCollaboraHost({
      WOPI_FRAME_ANCESTORS: "'self' https://portal.example.com https://intranet.example.org:8443",
    });
    ({ host } = collabora);
    people = await addPeople(host);
  });
  afterAll(() => collabora.close());

  it('lists them in frame-ancestors and sends no X-Frame-Options, which cannot name them and could block them', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: people.apiKeys.get(OWNER.userId) ?? '' });
    // Assess
    expect({
      status: res.status,
      frameAncestors: directivesOf(res).get('frame-ancestors'),
      frameOptions: res.headers.get('x-frame-options'),
    }).toEqual({
      status: 200,
      frameAncestors: "'self' https://portal.example.com https://intranet.example.org:8443",
      frameOptions: null,
    });
  });
});

describe('host page without a WOPI client', () => {
  let host: TestHost;
  let people: People;

  beforeAll(async () => {
    host = await startTestHost();
    people = await addPeople(host);
  });
  afterAll(() => host.close());

  it('still offers HostEditUrl and HostViewUrl in CheckFileInfo, pages that say why they cannot open the file', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const info = (await (await host.wopi(file.fileId, { method: 'GET' })).json()) as Record<string, unknown>;
    const page = await fetch(String(info.HostEditUrl));
    // Assess
    expect(info.HostViewUrl).toMatch(new RegExp(`^${host.baseUrl}/host/files/${file.fileId}\\?link=`));
    expect({ status: page.status, reason: page.headers.get('x-wopi-servererror') }).toEqual({
      status: 501,
      reason: 'no WOPI client configured (WOPI_DISCOVERY_URL)',
    });
  });

  it('answers 501 naming WOPI_DISCOVERY_URL when no discovery URL is configured', async () => {
    // Prepare
    const file = await sharedFile(host);
    // Act
    const res = await openPage(host, file.fileId, { apiKey: people.apiKeys.get(OWNER.userId) ?? '' });
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 501,
      reason: 'no WOPI client configured (WOPI_DISCOVERY_URL)',
    });
  });
});
