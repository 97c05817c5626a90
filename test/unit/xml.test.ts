// http/xml.ts: SuperOffice's flat objects as XML, with values that try to break out of their element.
import { describe, expect, it } from 'vitest';
import { escapeXmlText, flatXml } from '../../lambda/http/xml';

describe('flatXml', () => {
  it('writes one element per property, in order, under the root, booleans and numbers as text', () => {
    // Act
    const xml = flatXml('CheckoutInfo', { State: 'CheckedOutOwn', AssociateId: 42, Own: true });
    // Assess
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><CheckoutInfo><State>CheckedOutOwn</State><AssociateId>42</AssociateId>' +
        '<Own>true</Own></CheckoutInfo>',
    );
  });

  it('keeps a hostile value inside its element: markup, an entity, a CDATA end and a closing tag are escaped', () => {
    // Prepare
    const hostile = '</Value><Injected a="1">&amp;]]>\'"</Injected><Value>';
    // Act
    const xml = flatXml('ReturnInfo', { Value: hostile });
    // Assess
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><ReturnInfo><Value>' +
        '&lt;/Value&gt;&lt;Injected a="1"&gt;&amp;amp;]]&gt;\'"&lt;/Injected&gt;&lt;Value&gt;' +
        '</Value></ReturnInfo>',
    );
  });
});

describe('escapeXmlText', () => {
  it('replaces what XML 1.0 cannot hold (NUL, other controls, lone surrogates, U+FFFF) and keeps tab, LF, pairs', () => {
    // Act
    const escaped = escapeXmlText('a\u0000b\u0001\u001f\tc\nd\ud800e\udc00f\uffff g\u{1f600}');
    // Assess
    expect(escaped).toBe('a\ufffdb\ufffd\ufffd\tc\nd\ufffde\ufffdf\ufffd g\u{1f600}');
  });

  it('writes a carriage return as &#13;, which a parser would otherwise read as a line feed', () => {
    expect(escapeXmlText('line 1\r\nline 2')).toBe('line 1&#13;\nline 2');
  });
});
