// The web page at / in a real headless Chromium (puppeteer-core with @sparticuz/chromium, which ships the browser in
// the npm package): sign in with an API key and with a real OpenID provider on 127.0.0.1, create a document, upload
// 10 MB straight to the bucket (the bytes come back identical), share, and open the document through the host page
// in a stand-in WOPI client that behaves as Collabora does, whose save is then listed as a version; check a document
// out and back, rename it, restore an earlier version and move it into a folder chosen by browsing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../lambda/domain/users';
import { lock, unlock } from '../support/lock-calls';
import { type OidcProvider, startOidcProvider } from '../support/oidc-provider';
import { type StandInCollabora, startStandInCollabora } from '../support/stand-in-collabora';
import { currentBytes, putFile } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const BROWSER_TIMEOUT = 120_000;
/** `npm run screenshots` sets this: the main screens are saved there for the README. */
const SCREENSHOTS = process.env.WOPI_SCREENSHOTS;
const WEAKENING = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

let host: TestHost;
let collabora: StandInCollabora;
let oidc: OidcProvider;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  collabora = await startStandInCollabora();
  oidc = await startOidcProvider();
  host = await startTestHost({
    env: { WOPI_DISCOVERY_URL: collabora.discoveryUrl, WOPI_PROOF_KEYS: 'off', ...oidc.env },
  });
  browser = await puppeteer.launch({
    executablePath: await chromium.executablePath(),
    // The package's flags for a headless container, less those that would hide what a browser enforces (CORS on the
    // bucket, the page's CSP) or that break browser contexts (one process); and none of Chromium's calls home.
    args: [
      ...chromium.args.filter((arg) => !WEAKENING.has(arg)),
      '--no-sandbox',
      '--disable-background-networking',
      '--no-first-run',
    ],
    headless: true,
  });
  dir = mkdtempSync(join(tmpdir(), 'web-page-'));
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await collabora?.close();
  await oidc?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The provider and the host's test clock both read the real time from here on. */
function clockToNow(): void {
  host.clock.advance(Date.now() - host.clock.now());
}

async function person(userId: string, displayName: string): Promise<string> {
  await host.deps.users.putUser({ userId, displayName });
  return issueApiKey(host.deps.users, userId, host.clock.now());
}

/** A page that records every Content-Security-Policy refusal the browser reports. */
async function newPage(): Promise<{ page: Page; refusals: string[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  return { page, refusals };
}

/** Opens the page and signs in with the key pasted, as a person does; resolves once the listing shows. */
async function signInWithKey(page: Page, apiKey: string): Promise<void> {
  await page.goto(`${host.baseUrl}/`);
  await page.type('#api-key', apiKey);
  await page.click('#sign-in button[type="submit"]');
  await page.waitForSelector('#listing');
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS !== undefined) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function clickInRow(page: Page, name: string, label: string): Promise<void> {
  const row = await page.waitForSelector(`tr[data-name="${name}"]`);
  const buttons = (await row?.$$('button')) ?? [];
  for (const candidate of buttons) {
    if ((await candidate.evaluate((b) => b.textContent)) === label) return candidate.click();
  }
  throw new Error(`No ${label} button in the row of ${name}`);
}

async function statusText(page: Page, containing: string): Promise<string> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const shown = `document.getElementById('status')?.textContent?.includes(${JSON.stringify(containing)})`;
  await page.waitForFunction(shown, { timeout: 60_000 });
  return page.$eval('#status', (status) => status.textContent ?? '');
}

async function apiJson<T>(apiKey: string, path: string): Promise<T> {
  const response = await fetch(`${host.baseUrl}${path}`, { headers: { Authorization: `Bearer ${apiKey}` } });
  return (await response.json()) as T;
}

interface Listed {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly shares?: { userId: string; share: string }[];
}

describe('the web page', () => {
  it(
    'signs in with an API key, creates a document, uploads 10 MB, shares, and opens in the WOPI client whose save is listed as a version',
    async () => {
      // Prepare
      clockToNow();
      const apiKey = await person('web-owner', 'Web Owner');
      await person('web-colleague', 'Web Colleague');
      const upload = randomBytes(10 * 1024 * 1024);
      const uploadPath = join(dir, 'big.bin');
      writeFileSync(uploadPath, upload);
      const { page, refusals } = await newPage();
      await page.setViewport({ width: 1100, height: 700 });
      await page.goto(`${host.baseUrl}/`);

      // Act: sign in, create, upload, share
      await screenshot(page, 'sign-in');
      await page.type('#api-key', apiKey);
      await page.click('#sign-in button[type="submit"]');
      await page.waitForSelector('#listing');
      const who = await page.$eval('#who', (element) => element.textContent ?? '');
      await page.type('#new-name', 'Plan');
      await page.select('#new-type', '.docx');
      await page.click('#new-document');
      await page.waitForSelector('tr[data-name="Plan.docx"]');
      const input = await page.$('#upload-file');
      await input?.uploadFile(uploadPath);
      await page.waitForSelector('tr[data-name="big.bin"]', { timeout: 60_000 });
      await clickInRow(page, 'Plan.docx', 'Share');
      await page.type('#share-user', 'web-colleague');
      await page.select('#share-role', 'edit');
      await page.click('#share-form button[type="submit"]');
      const shared = await statusText(page, 'Shared');
      await screenshot(page, 'documents');
      const listed = await apiJson<{ items: Listed[] }>(apiKey, '/host/api/folders/root');
      const plan = listed.items.find((item) => item.name === 'Plan.docx');
      const big = listed.items.find((item) => item.name === 'big.bin');
      const download = await fetch(`${host.baseUrl}/host/api/files/${big?.id}/content`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      });
      const downloaded = Buffer.from(await download.arrayBuffer());

      // Act: open, then back to the list and its versions
      await clickInRow(page, 'Plan.docx', 'Open');
      await page.waitForFunction("location.pathname.startsWith('/host/files/')");
      const hostPageUrl = page.url();
      await expect.poll(() => collabora.sessions[0]?.handshake, { timeout: 60_000 }).toBe(true);
      await page.goto(`${host.baseUrl}/`);
      await clickInRow(page, 'Plan.docx', 'Versions');
      await page.waitForSelector('#versions');
      await screenshot(page, 'versions');
      const versions = await page.$$eval('#versions li', (items) => items.map((item) => item.textContent ?? ''));

      // Assess
      const session = collabora.sessions[0];
      expect({
        who,
        shared,
        shares: plan?.shares,
        uploadIdentical: downloaded.equals(upload),
        tokenInUrl: session !== undefined && hostPageUrl.includes(session.accessToken),
        wopiSrc: session?.wopiSrc,
        tokenSent: (session?.accessToken.length ?? 0) > 0,
        ttlSent: Number(session?.accessTokenTtl) > Date.now(),
        steps: session?.steps,
        versions: versions.map((text) => text.replace(/,.*$/, '')),
        refusals,
      }).toEqual({
        who: expect.stringContaining('Signed in as Web Owner'),
        shared: 'Shared Plan.docx with web-colleague (edit)',
        shares: [{ userId: 'web-colleague', share: 'edit' }],
        uploadIdentical: true,
        tokenInUrl: false,
        wopiSrc: `${host.baseUrl}/wopi/files/${plan?.id}`,
        tokenSent: true,
        ttlSent: true,
        steps: ['CheckFileInfo', 'GetFile', 'Lock', 'PutFile', 'Unlock'].map((call) => ({ call, status: 200 })),
        versions: ['Version 2 (current)', 'Version 1'],
        refusals: [],
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'signs in with the OpenID provider (authorization code with PKCE), signing the person up on the way',
    async () => {
      // Prepare
      clockToNow();
      oidc.signInNext({ sub: 'web-person', name: 'Person From The Provider', email: 'person@example.test' });
      const { page, refusals } = await newPage();
      await page.goto(`${host.baseUrl}/`);
      // Act
      await page.click('#oidc-sign-in');
      await page.waitForSelector('#listing', { timeout: 60_000 });
      const who = await page.$eval('#who', (element) => element.textContent ?? '');
      const url = page.url();
      // Assess
      expect({ who, url, refusals }).toEqual({
        who: expect.stringContaining('Signed in as Person From The Provider'),
        url: `${host.baseUrl}/`,
        refusals: [],
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'deletes a document to the trash and restores it from there',
    async () => {
      // Prepare
      const apiKey = await person('web-tidy', 'Web Tidy');
      const { page } = await newPage();
      await signInWithKey(page, apiKey);
      await page.type('#new-name', 'Old');
      await page.select('#new-type', '.xlsx');
      await page.click('#new-document');
      // Act
      await clickInRow(page, 'Old.xlsx', 'Delete');
      const deleted = await statusText(page, 'trash');
      const listedAfterDelete = await page.$('#listing tr[data-name="Old.xlsx"]');
      await page.click('#trash');
      const restore = await page.waitForSelector('#trash-list li[data-name="Old.xlsx"] button');
      await restore?.click();
      const restored = await statusText(page, 'is back');
      await page.waitForSelector('#listing tr[data-name="Old.xlsx"]');
      // Assess
      expect({ deleted, listedAfterDelete, restored }).toEqual({
        deleted: 'Old.xlsx is in the trash',
        listedAfterDelete: null,
        restored: 'Old.xlsx is back',
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'renames a folder and deletes it once empty, and lists a folder someone shared with the person',
    async () => {
      // Prepare: a colleague's folder shared with the person for viewing
      clockToNow();
      const apiKey = await person('web-folders', 'Web Folders');
      const colleagueKey = await person('web-lender', 'Web Lender');
      const post = (key: string, path: string, body: unknown, method = 'POST') =>
        fetch(`${host.baseUrl}${path}`, {
          method,
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((response) => response.json() as Promise<{ id: string }>);
      const lent = await post(colleagueKey, '/host/api/folders', { name: 'Lent to you' });
      await post(colleagueKey, `/host/api/folders/${lent.id}/shares/web-folders`, { share: 'view' }, 'PUT');
      const { page, refusals } = await newPage();
      await signInWithKey(page, apiKey);
      await page.type('#new-name', 'Drafts');
      await page.click('#new-folder');
      await page.waitForSelector('tr[data-name="Drafts"]');
      // Act: rename through the prompt, delete, then look at what is shared
      page.once('dialog', (dialog) => {
        dialog.accept('Final drafts').catch(() => undefined);
      });
      await clickInRow(page, 'Drafts', 'Rename');
      const renamed = await statusText(page, 'is now');
      await page.waitForSelector('#listing tr[data-name="Final drafts"]');
      await clickInRow(page, 'Final drafts', 'Delete');
      const deleted = await statusText(page, 'deleted');
      const listedAfterDelete = await page.$('#listing tr[data-name="Final drafts"]');
      await page.click('#shared');
      const sharedRow = await page.waitForSelector('#panel tr[data-name="Lent to you"]');
      const sharedText = await sharedRow?.evaluate((row) => row.textContent ?? '');
      const sharedButtons = await sharedRow?.$$eval('button', (buttons) => buttons.map((b) => b.textContent ?? ''));
      await screenshot(page, 'shared-with-me');
      // Assess
      expect({ renamed, deleted, listedAfterDelete, sharedText, sharedButtons, refusals }).toEqual({
        renamed: 'Drafts is now Final drafts',
        deleted: 'The folder Final drafts is deleted',
        listedAfterDelete: null,
        sharedText: expect.stringContaining('Shared with you (view)'),
        // A viewer opens it; renaming, sharing and deleting are not offered.
        sharedButtons: ['📁 Lent to you'],
        refusals: [],
      });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'checks a document out and back, renames it, restores its first version and moves it into a folder',
    async () => {
      // Prepare: a folder, and a document with a second version saved through WOPI
      clockToNow();
      const apiKey = await person('web-reviser', 'Web Reviser');
      const { page, refusals } = await newPage();
      await signInWithKey(page, apiKey);
      await page.type('#new-name', 'Archive');
      await page.click('#new-folder');
      await page.waitForSelector('tr[data-name="Archive"]');
      await page.$eval('#new-name', (input) => {
        (input as unknown as { value: string }).value = '';
      });
      await page.type('#new-name', 'Plan');
      await page.click('#new-document');
      await statusText(page, 'Created Plan.docx');
      const root = await apiJson<{ items: Listed[] }>(apiKey, '/host/api/folders/root');
      const fileId = root.items.find((item) => item.name === 'Plan.docx')?.id ?? '';
      const original = await currentBytes(host, fileId);
      const token = await host.token(fileId, 'write', { userId: 'web-reviser' });
      await lock(host, fileId, 'L', { token });
      await putFile(host, fileId, 'the second version', { 'X-WOPI-Lock': 'L' }, token);
      await unlock(host, fileId, 'L', { token });
      await page.reload();
      await page.waitForSelector('tr[data-name="Plan.docx"]');
      // Act
      await clickInRow(page, 'Plan.docx', 'Check out');
      const checkedOut = await statusText(page, 'You checked out');
      const stateWhileOut = await page.$eval('tr[data-name="Plan.docx"]', (row) => row.textContent ?? '');
      await clickInRow(page, 'Plan.docx', 'Undo check-out');
      const checkedIn = await statusText(page, 'not checked out now');
      page.once('dialog', (dialog) => {
        dialog.accept('Plan v2.docx').catch(() => undefined);
      });
      await clickInRow(page, 'Plan.docx', 'Rename');
      const renamed = await statusText(page, 'is now Plan v2.docx');
      await clickInRow(page, 'Plan v2.docx', 'Versions');
      await page.waitForSelector('#versions li button');
      for (const item of await page.$$('#versions li')) {
        if ((await item.evaluate((li) => li.textContent ?? '')).startsWith('Version 1,'))
          await (await item.$('button'))?.click();
      }
      const restored = await statusText(page, 'current one again');
      await clickInRow(page, 'Plan v2.docx', 'Move');
      await (await page.waitForSelector('#move-folders li[data-name="Archive"] button'))?.click();
      await page.waitForFunction(`document.getElementById('move-path')?.textContent?.endsWith('Archive')`);
      await page.click('#move-here');
      const moved = await statusText(page, 'is now in Archive');
      const listedInRoot = await page.$('#listing tr[data-name="Plan v2.docx"]');
      await clickInRow(page, 'Archive', '📁 Archive');
      await page.waitForSelector('#listing tr[data-name="Plan v2.docx"]');
      // Assess
      expect({ checkedOut, stateWhileOut, checkedIn, renamed, restored, moved, listedInRoot, refusals }).toEqual({
        checkedOut: 'You checked out Plan.docx',
        stateWhileOut: expect.stringContaining('Checked out by you'),
        checkedIn: 'Plan.docx is not checked out now',
        renamed: 'Plan.docx is now Plan v2.docx',
        restored: 'Version 1 of Plan v2.docx is the current one again, as version 3',
        moved: 'Plan v2.docx is now in Archive',
        listedInRoot: null,
        refusals: [],
      });
      expect((await currentBytes(host, fileId)).equals(original)).toBe(true);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'refuses a pasted key that is not one, saying why, and stays signed out',
    async () => {
      // Prepare
      const { page } = await newPage();
      await page.goto(`${host.baseUrl}/`);
      // Act
      await page.type('#api-key', 'wopi_not-a-key');
      await page.click('#sign-in button[type="submit"]');
      const status = await statusText(page, 'key');
      // Assess
      expect({ status, listing: await page.$('#listing') }).toEqual({ status: expect.any(String), listing: null });
    },
    BROWSER_TIMEOUT,
  );
});
