// The host page (GET /host/files/{file_id}) as a browser meets it: opened with an API key or a link, and the form
// it POSTs into the WOPI client's iframe, read back the way a browser would.
import { expect } from 'vitest';
import { type DiscoveryServer, serveDiscovery } from './discovery-server';
import { collaboraDiscoveryXml } from './discovery-xml';
import { startTestHost, type TestHost } from './wopi-host';

export interface CollaboraHost {
  readonly host: TestHost;
  readonly discovery: DiscoveryServer;
  close(): Promise<void>;
}

/**
 * A test host whose WOPI client is Collabora Online, its discovery served on 127.0.0.1. Proof keys are off: this
 * discovery publishes none, and the tests call the WOPI routes without signatures.
 */
export async function startCollaboraHost(env: Record<string, string> = {}): Promise<CollaboraHost> {
  const discovery = await serveDiscovery((origin) => collaboraDiscoveryXml(origin));
  const host = await startTestHost({ env: { WOPI_DISCOVERY_URL: discovery.url, WOPI_PROOF_KEYS: 'off', ...env } });
  return {
    host,
    discovery,
    close: async () => {
      await host.close();
      await discovery.close();
    },
  };
}

export function openPage(
  host: TestHost,
  fileId: string,
  auth: { apiKey?: string; link?: string } = {},
): Promise<Response> {
  const query = auth.link === undefined ? '' : `?link=${encodeURIComponent(auth.link)}`;
  return fetch(`${host.baseUrl}/host/files/${fileId}${query}`, {
    headers: auth.apiKey === undefined ? {} : { Authorization: `Bearer ${auth.apiKey}` },
  });
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? '');
}

export interface PageForm {
  readonly attributes: string;
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The page's form: its attributes, its action URL and its hidden inputs, as a browser would read them. */
export function formOf(html: string): PageForm {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/.exec(html);
  if (form === null) throw new Error('The page has no form');
  const [, attributes = '', inner = ''] = form;
  const fields: Record<string, string> = {};
  for (const [, name = '', value = ''] of inner.matchAll(/<input name="([^"]*)" value="([^"]*)" type="hidden">/g)) {
    fields[unescapeHtml(name)] = unescapeHtml(value);
  }
  return { attributes, action: unescapeHtml(/\baction="([^"]*)"/.exec(attributes)?.[1] ?? ''), fields };
}

/** The form of a page that must have opened (200). */
export async function pageForm(res: Response): Promise<PageForm> {
  expect(res.status).toBe(200);
  return formOf(await res.text());
}
