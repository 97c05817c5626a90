// WOPI discovery (issue 6, "Opening a document"): reading Collabora Online's and Office for the web's discovery XML,
// picking an action for a file and turning its urlsrc into the URL the host page opens.
import { beforeAll, describe, expect, it } from 'vitest';
import { type DiscoveryAction, fillUrlSrc, parseDiscovery, pickAction } from '../../lambda/adapters/wopi-discovery';
import { proofKeysFromDiscovery } from '../../lambda/auth/proof-key';
import { collaboraDiscoveryXml, officeDiscoveryXml } from '../support/discovery-xml';
import { generateProofKey, type TestProofKey } from '../support/proof-signing';

const collabora = 'https://office.example.com';
const wopiSrc = 'https://wopi.example.com/prod/wopi/files/abc123';

let current: TestProofKey;
let old: TestProofKey;
beforeAll(() => {
  [current, old] = [generateProofKey(), generateProofKey()];
});

describe('parseDiscovery', () => {
  describe('Collabora Online /hosting/discovery', () => {
    it('lists each action with its app, name, extension and urlsrc', () => {
      // Act
      const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
      // Assess
      expect(actions).toContainEqual({
        zone: 'external-http',
        app: 'writer',
        name: 'edit',
        ext: 'docx',
        urlsrc: `${collabora}/browser/80a6f97/cool.html?`,
      });
      expect(actions.find((action) => action.ext === 'pdf')?.name).toBe('view_comment');
    });

    it('skips actions inside XML comments (the commented-out Math app)', () => {
      // Act
      const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
      // Assess
      expect(actions.some((action) => action.ext === 'odf')).toBe(false);
    });

    it('keeps the legacy MIME-type apps, whose actions have ext=""', () => {
      // Act
      const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
      // Assess
      const mime = actions.find((action) => action.app.startsWith('application/vnd.openxmlformats'));
      expect(mime).toMatchObject({ name: 'edit', ext: '' });
    });

    it('reads a proof-key with value, modulus and exponent and no old key', () => {
      // Act
      const { proofKey } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
      // Assess
      expect(proofKey).toEqual({
        value: current.value,
        modulus: current.modulus,
        exponent: current.exponent,
        oldValue: undefined,
        oldModulus: undefined,
        oldExponent: undefined,
      });
    });

    it('has no proof key when Collabora Online has no proof_key file', () => {
      expect(parseDiscovery(collaboraDiscoveryXml(collabora)).proofKey).toBeUndefined();
    });
  });

  describe('Office for the web', () => {
    it('decodes the escaped placeholders of urlsrc', () => {
      // Act
      const { actions } = parseDiscovery(officeDiscoveryXml({ current, old }));
      // Assess
      const edit = actions.find((action) => action.app === 'Excel' && action.name === 'edit');
      expect(edit?.urlsrc).toBe(
        'https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx?edit=1&<ui=UI_LLCC&><rs=DC_LLCC&><dchat=DISABLE_CHAT&>',
      );
    });

    it('reads actions keyed by progid with an empty extension', () => {
      // Act
      const { actions } = parseDiscovery(officeDiscoveryXml({ current, old }));
      // Assess
      expect(actions.filter((action) => action.app === 'Word' && action.name === 'view').map((a) => a.ext)).toEqual([
        'docx',
        '',
      ]);
    });

    it('reads the current and old keys, and both forms of each name the same key', () => {
      // Act
      const { proofKey } = parseDiscovery(officeDiscoveryXml({ current, old }));
      // Assess
      expect(proofKey).toMatchObject({ modulus: current.modulus, oldModulus: old.modulus, oldValue: old.value });
      const keys = proofKeysFromDiscovery(proofKey ?? {});
      expect(keys.current.equals(current.publicKey)).toBe(true);
      expect(keys.old?.equals(old.publicKey)).toBe(true);
    });
  });

  it('reads attributes in any order, single- or double-quoted, with spaces around "="', () => {
    // Prepare
    const xml = `<wopi-discovery><net-zone name='internal-https'><app name="Word">
      <action urlsrc='https://c.example/open?a=1&amp;' ext = "DOCX" name='edit' /></app></net-zone></wopi-discovery>`;
    // Act
    const { actions } = parseDiscovery(xml);
    // Assess
    expect(actions).toEqual([
      { zone: 'internal-https', app: 'Word', name: 'edit', ext: 'docx', urlsrc: 'https://c.example/open?a=1&' },
    ]);
  });

  it('decodes each reference once: "&amp;lt;" is "&lt;", and character references are read', () => {
    // Prepare
    const xml = '<app name="A&amp;lt;&#66;&#x43;&quot;&apos;&gt;"><action name="view" ext="x" urlsrc="u"/></app>';
    // Act
    const { actions } = parseDiscovery(xml);
    // Assess
    expect(actions[0]?.app).toBe(`A&lt;BC"'>`);
  });

  it('reads ">" inside a quoted attribute value as part of the value', () => {
    expect(parseDiscovery('<action name="view" ext="x" urlsrc="https://c/?a=b>c"/>').actions[0]?.urlsrc).toBe(
      'https://c/?a=b>c',
    );
  });

  it('ignores actions without urlsrc, and finds nothing in an HTML error page', () => {
    expect(parseDiscovery('<action name="view" ext="svg"/>').actions).toEqual([]);
    expect(parseDiscovery('<html><body><h1>502 Bad Gateway</h1></body></html>').actions).toEqual([]);
  });
});

describe('fillUrlSrc', () => {
  it('Collabora Online: appends WOPISrc, URL-encoded, to the urlsrc that ends with "?"', () => {
    expect(fillUrlSrc(`${collabora}/browser/80a6f97/cool.html?`, { wopiSrc })).toBe(
      `${collabora}/browser/80a6f97/cool.html?WOPISrc=https%3A%2F%2Fwopi.example.com%2Fprod%2Fwopi%2Ffiles%2Fabc123`,
    );
  });

  it('"If the PLACEHOLDER_VALUE is known, the angle brackets are removed ... If present, the optional & must be preserved"', () => {
    // Act
    const filled = fillUrlSrc('https://w.example/we.aspx?<ui=UI_LLCC&><rs=DC_LLCC&>', {
      wopiSrc,
      ui: 'de-DE',
      rs: 'fr-FR',
    });
    // Assess
    expect(filled).toBe(`https://w.example/we.aspx?ui=de-DE&rs=fr-FR&WOPISrc=${encodeURIComponent(wopiSrc)}`);
  });

  it('"If the PLACEHOLDER_VALUE is unknown to the host, the entire parameter, including the angle brackets, is removed"', () => {
    // Act
    const filled = fillUrlSrc('https://w.example/we.aspx?<ui=UI_LLCC&><showpagestats=PERFSTATS&><new=SOMETHING_NEW&>', {
      wopiSrc,
      ui: 'en-US',
    });
    // Assess
    expect(filled).toBe(`https://w.example/we.aspx?ui=en-US&WOPISrc=${encodeURIComponent(wopiSrc)}`);
  });

  it('fills other placeholders by their PLACEHOLDER_VALUE name, and the last one may lack "&"', () => {
    // Act
    const filled = fillUrlSrc('https://x.example/a.aspx?edit=1&<dchat=DISABLE_CHAT&><ui=UI_LLCC>', {
      wopiSrc,
      placeholders: { DISABLE_CHAT: '1' },
    });
    // Assess
    expect(filled).toBe(`https://x.example/a.aspx?edit=1&dchat=1&WOPISrc=${encodeURIComponent(wopiSrc)}`);
  });

  it('URL-encodes the values it fills in', () => {
    expect(fillUrlSrc('https://x.example/?<ui=UI_LLCC&>', { wopiSrc, ui: 'a&b' })).toMatch(/\?ui=a%26b&WOPISrc=/);
  });

  it('puts WOPISrc where a WOPI_SOURCE placeholder asks for it, and does not append it twice', () => {
    // Act
    const filled = fillUrlSrc('https://x.example/?<wopisrc=WOPI_SOURCE&><ui=UI_LLCC&>', { wopiSrc });
    // Assess
    expect(filled).toBe(`https://x.example/?wopisrc=${encodeURIComponent(wopiSrc)}&`);
  });

  it('adds "?" or "&" before WOPISrc as the URL needs', () => {
    expect(fillUrlSrc('https://x.example/open', { wopiSrc })).toBe(
      `https://x.example/open?WOPISrc=${encodeURIComponent(wopiSrc)}`,
    );
    expect(fillUrlSrc('https://x.example/open?a=1', { wopiSrc })).toBe(
      `https://x.example/open?a=1&WOPISrc=${encodeURIComponent(wopiSrc)}`,
    );
  });

  it('fills a real Office urlsrc read from discovery', () => {
    // Prepare
    const { actions } = parseDiscovery(officeDiscoveryXml({ current }));
    const edit = pickAction(actions, 'docx', 'edit');
    // Act
    const filled = fillUrlSrc(edit?.urlsrc ?? '', { wopiSrc, ui: 'en-US', rs: 'en-US' });
    // Assess
    expect(filled).toBe(
      `https://word-edit.officeapps.live.com/we/wordeditorframe.aspx?ui=en-US&rs=en-US&WOPISrc=${encodeURIComponent(wopiSrc)}`,
    );
  });
});

describe('pickAction', () => {
  const action = (name: string, ext: string, zone = 'external-https'): DiscoveryAction => ({
    zone,
    app: 'App',
    name,
    ext,
    urlsrc: `https://${zone}/${name}/${ext}`,
  });

  it('Office for the web: edit for a user who may edit, view for one who may only read', () => {
    // Prepare
    const { actions } = parseDiscovery(officeDiscoveryXml({ current }));
    // Act / Assess
    expect(pickAction(actions, 'docx', 'edit')?.urlsrc).toMatch(/wordeditorframe/);
    expect(pickAction(actions, 'docx', 'view')?.urlsrc).toMatch(/wordviewerframe/);
  });

  it('Collabora Online: docx has only an edit action, so view falls back to it (read-only comes from CheckFileInfo)', () => {
    // Prepare
    const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
    // Act / Assess
    expect(pickAction(actions, 'docx', 'view')).toMatchObject({ app: 'writer', name: 'edit' });
  });

  it('Collabora Online: a view-only format is opened with view even when edit is preferred; PDF with view_comment', () => {
    // Prepare
    const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
    // Act / Assess
    expect(pickAction(actions, 'dotx', 'edit')?.name).toBe('view');
    expect(pickAction(actions, 'pdf', 'edit')?.name).toBe('view_comment');
  });

  it('takes ".DOCX" and "docx" alike', () => {
    expect(pickAction([action('edit', 'docx')], '.DOCX', 'edit')?.name).toBe('edit');
  });

  it('prefers the external-https net-zone, then external-http, over internal zones', () => {
    // Prepare
    const actions = [
      action('edit', 'docx', 'internal-http'),
      action('edit', 'docx', 'external-http'),
      action('edit', 'docx'),
    ];
    // Act / Assess
    expect(pickAction(actions, 'docx', 'edit')?.zone).toBe('external-https');
    expect(pickAction(actions.slice(0, 2), 'docx', 'edit')?.zone).toBe('external-http');
    expect(pickAction(actions.slice(0, 1), 'docx', 'edit')?.zone).toBe('internal-http');
  });

  it('answers undefined for an extension the WOPI client cannot open, or no extension at all', () => {
    // Prepare
    const { actions } = parseDiscovery(collaboraDiscoveryXml(collabora, current));
    // Act / Assess
    expect(pickAction(actions, 'exe', 'view')).toBeUndefined();
    expect(pickAction(actions, '', 'edit')).toBeUndefined();
  });
});
