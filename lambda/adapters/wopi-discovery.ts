// WOPI discovery: the WOPI client's XML listing its actions (view, edit, ... per file extension, each with a
// urlsrc to open) and its proof keys. Fetched once per container, cached, and re-fetched when keys rotate.
import {
  type ProofCheck,
  type ProofInput,
  type ProofKeyAttributes,
  type ProofKeys,
  proofKeysFromDiscovery,
  verifyProof,
} from '../auth/proof-key';
import { ProofKeyError } from '../auth/proof-key-error';

export interface DiscoveryAction {
  /** The net-zone it belongs to, e.g. external-https (Office) or external-http (Collabora, even over https). */
  readonly zone: string;
  /** The app element's name: Word/Excel/... for Office, writer/calc/... or a MIME type for Collabora. */
  readonly app: string;
  /** view, edit, editnew, embedview, view_comment, ... */
  readonly name: string;
  /** Lower-case file extension without the dot; empty for actions keyed by progid or MIME type only. */
  readonly ext: string;
  /** The action URL with its placeholders, entities decoded; see fillUrlSrc. */
  readonly urlsrc: string;
}

export interface DiscoveryProofKey extends ProofKeyAttributes {
  readonly value: string;
  readonly modulus: string;
  readonly exponent: string;
}

export interface Discovery {
  readonly actions: readonly DiscoveryAction[];
  /** Absent when the WOPI client does not sign requests (e.g. Collabora Online without a proof_key file). */
  readonly proofKey?: DiscoveryProofKey | undefined;
}

// One pass over the document: comments and processing instructions are consumed whole (Collabora's discovery
// comments out whole app elements), everything else of interest is a start, end or empty-element tag.
const markup =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const attribute = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The actions and proof key of a discovery XML document. A small scanner, not a general XML parser: it reads the
 * attributes of net-zone, app, action and proof-key elements, in any order and quoting, and decodes the five
 * predefined entities and character references. DTDs are not read, so no entity expansion attacks apply.
 */
export function parseDiscovery(xml: string): Discovery {
  const actions: DiscoveryAction[] = [];
  let proofKey: DiscoveryProofKey | undefined;
  let zone = '';
  let app = '';
  for (const match of xml.matchAll(markup)) {
    const [, closing, element, rawAttributes = '', selfClosing] = match;
    if (element === undefined) continue; // a comment, processing instruction or CDATA section
    if (closing) {
      if (element === 'app') app = '';
      if (element === 'net-zone') zone = '';
      continue;
    }
    const attributes = parseAttributes(rawAttributes);
    if (element === 'net-zone' && !selfClosing) zone = attributes.get('name') ?? '';
    if (element === 'app' && !selfClosing) app = attributes.get('name') ?? '';
    if (element === 'action') {
      const urlsrc = attributes.get('urlsrc');
      const name = attributes.get('name');
      if (urlsrc && name) actions.push({ zone, app, name, ext: (attributes.get('ext') ?? '').toLowerCase(), urlsrc });
    }
    if (element === 'proof-key') proofKey = proofKeyOf(attributes);
  }
  return { actions, proofKey };
}

function proofKeyOf(attributes: ReadonlyMap<string, string>): DiscoveryProofKey | undefined {
  const key = {
    value: attributes.get('value') ?? '',
    modulus: attributes.get('modulus') ?? '',
    exponent: attributes.get('exponent') ?? '',
    oldValue: attributes.get('oldvalue') || undefined,
    oldModulus: attributes.get('oldmodulus') || undefined,
    oldExponent: attributes.get('oldexponent') || undefined,
  };
  return (key.modulus && key.exponent) || key.value ? key : undefined;
}

function parseAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', doubleQuoted, singleQuoted] of raw.matchAll(attribute)) {
    attributes.set(name, decodeAttribute(doubleQuoted ?? singleQuoted ?? ''));
  }
  return attributes;
}

const namedEntities = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

// XML attribute-value normalisation: literal line breaks and tabs become spaces, then references are replaced
// in one pass, so "&amp;lt;" stays "&lt;".
function decodeAttribute(raw: string): string {
  return raw
    .replace(/\r\n|[\t\n\r]/g, ' ')
    .replace(
      /&(?:#(\d+)|#x([0-9A-Fa-f]+)|([A-Za-z]+));/g,
      (reference: string, decimal?: string, hex?: string, name?: string) => {
        if (decimal !== undefined || hex !== undefined) {
          const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
          return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
        }
        return namedEntities.get(name ?? '') ?? reference;
      },
    );
}

/** Values for an action URL; placeholders without a value are removed, as the discovery page asks. */
export interface UrlSrcValues {
  /** The file's WOPI endpoint, https://<host>/<stage>/wopi/files/<id>, without access_token. */
  readonly wopiSrc: string;
  /** UI_LLCC: the UI language, e.g. en-US. */
  readonly ui?: string | undefined;
  /** DC_LLCC: the data-calculation language; defaults to the UI language on the client side. */
  readonly rs?: string | undefined;
  /** Any other placeholder by its PLACEHOLDER_VALUE name, e.g. { DISABLE_CHAT: '1', BUSINESS_USER: '1' }. */
  readonly placeholders?: Readonly<Record<string, string>> | undefined;
}

// <name=PLACEHOLDER_VALUE[&]>
const placeholder = /<([^<>=]+)=([^<>&=]+)(&?)>/g;

/**
 * The action URL for one file: each optional `<name=PLACEHOLDER&>` section becomes `name=value&` when a value is
 * given and disappears otherwise (unknown placeholders included); then WOPISrc is appended, URL-encoded, unless a
 * placeholder already put it there. Collabora's urlsrc ends with "?", so it becomes "...cool.html?WOPISrc=...".
 */
export function fillUrlSrc(urlsrc: string, values: UrlSrcValues): string {
  const known = new Map<string, string | undefined>([
    ...Object.entries(values.placeholders ?? {}),
    ['UI_LLCC', values.ui],
    ['DC_LLCC', values.rs],
    ['WOPI_SOURCE', values.wopiSrc],
  ]);
  const filled = urlsrc.replace(placeholder, (_section, name: string, value: string, ampersand: string) => {
    const replacement = known.get(value.trim());
    return replacement === undefined ? '' : `${name.trim()}=${encodeURIComponent(replacement)}${ampersand}`;
  });
  if (/[?&]wopisrc=/i.test(filled)) return filled;
  const separator = !filled.includes('?') ? '?' : /[?&]$/.test(filled) ? '' : '&';
  return `${filled}${separator}WOPISrc=${encodeURIComponent(values.wopiSrc)}`;
}

// Fallbacks: Collabora lists most formats under edit only (it opens them read-only when CheckFileInfo says
// UserCanWrite is false), and PDF under view_comment; Office lists view and edit separately.
const actionPreference = {
  edit: ['edit', 'view', 'view_comment'],
  view: ['view', 'view_comment', 'edit'],
} as const;
const zonePreference = ['external-https', 'external-http'];

/** The action to open a file with this extension (".docx" or "docx"), preferring edit or view; undefined if none. */
export function pickAction(
  actions: readonly DiscoveryAction[],
  extension: string,
  prefer: 'edit' | 'view',
): DiscoveryAction | undefined {
  const ext = extension.replace(/^\./, '').toLowerCase();
  if (ext === '') return undefined;
  const forExtension = actions.filter((action) => action.ext === ext);
  for (const name of actionPreference[prefer]) {
    const named = forExtension.filter((action) => action.name === name);
    const chosen = zonePreference.map((zone) => named.find((action) => action.zone === zone)).find(Boolean) ?? named[0];
    if (chosen !== undefined) return chosen;
  }
  return undefined;
}

export interface DiscoveryClientOptions {
  /** How long a fetched discovery is used before it is fetched again; the discovery page suggests 12-24 hours. */
  readonly ttlMs?: number;
  /**
   * Forced refetches (key rotation) happen at most this often, so requests with bad proofs cannot turn this host
   * into a flood of discovery requests. The first one happens at once, however recent the last fetch.
   */
  readonly minRefreshIntervalMs?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof globalThis.fetch;
  /** Epoch milliseconds; tests pass their clock. */
  readonly now?: () => number;
}

export interface DiscoveryClient {
  /** The cached discovery; fetched on first use and once ttlMs has passed. */
  get(): Promise<Discovery>;
  /** The cached discovery's proof keys, or undefined when it publishes none. */
  proofKeys(): Promise<ProofKeys | undefined>;
  /**
   * verifyProof with the cached keys; when no signature holds, discovery is refetched (keys may have rotated twice
   * since the last fetch) and the proof checked once more; when only a rotated key held, discovery is refetched
   * for the next requests. Throws ProofKeyError.
   */
  verifyProof(input: ProofInput, now: number): Promise<ProofCheck>;
}

interface Cached {
  readonly discovery: Discovery;
  readonly keys: ProofKeys | undefined;
}

export function createDiscoveryClient(url: string, options: DiscoveryClientOptions = {}): DiscoveryClient {
  const ttlMs = options.ttlMs ?? 12 * 3600 * 1000;
  const minRefreshIntervalMs = options.minRefreshIntervalMs ?? 5 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.now ?? Date.now;

  let cached: Cached | undefined;
  let freshUntil = Number.NEGATIVE_INFINITY;
  let forcedAt = Number.NEGATIVE_INFINITY; // of the last refetch a failed proof asked for, not the TTL
  let inFlight: Promise<Cached> | undefined;

  async function download(): Promise<Cached> {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`WOPI discovery ${url} answered ${response.status}`);
    const discovery = parseDiscovery(await response.text());
    // An HTML error page or a proxy's answer parses to nothing; keep the last good discovery instead.
    if (discovery.actions.length === 0) throw new Error(`WOPI discovery ${url} lists no actions`);
    return { discovery, keys: discovery.proofKey && proofKeysFromDiscovery(discovery.proofKey) };
  }

  // One fetch at a time. A failed fetch keeps the last good discovery (stale keys beat no keys) and is retried
  // after minRefreshIntervalMs; it is only an error when there is nothing cached yet.
  function load(): Promise<Cached> {
    inFlight ??= (async () => {
      try {
        cached = await download();
        freshUntil = clock() + ttlMs;
        return cached;
      } catch (error) {
        if (cached === undefined) throw error;
        freshUntil = clock() + minRefreshIntervalMs;
        return cached;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  async function current(): Promise<Cached> {
    if (cached === undefined || clock() >= freshUntil) return load();
    return cached;
  }

  async function refreshed(): Promise<Cached> {
    if (cached !== undefined && clock() - forcedAt < minRefreshIntervalMs) return cached;
    forcedAt = clock();
    return load();
  }

  return {
    get: async () => (await current()).discovery,
    proofKeys: async () => (await current()).keys,
    async verifyProof(input, now) {
      const { keys } = await current();
      if (keys === undefined) throw new ProofKeyError('no-proof-key', `WOPI discovery ${url} publishes no proof key`);
      try {
        const check = verifyProof(input, keys, now);
        if (check.keysRotated) await refreshed();
        return check;
      } catch (error) {
        if (!(error instanceof ProofKeyError) || error.reason !== 'no-valid-signature') throw error;
        const fresh = await refreshed();
        if (fresh.keys === undefined || fresh.keys === keys) throw error;
        return verifyProof(input, fresh.keys, now);
      }
    },
  };
}
