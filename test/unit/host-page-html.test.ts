// http/host-page-html.ts: every value the host page interpolates is HTML-escaped.
import { describe, expect, it } from 'vitest';
import { escapeHtml, hostPageHtml } from '../../lambda/http/host-page-html';

describe('escapeHtml', () => {
  it('escapes the five characters that can end an element or a quoted attribute', () => {
    // Prepare
    const text = `<a href="x" title='y'>&</a>`;
    // Act
    const escaped = escapeHtml(text);
    // Assess
    expect(escaped).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('hostPageHtml', () => {
  it('keeps hostile values inside their attributes and the title', () => {
    // Prepare
    const hostile = `"><script>alert(1)</script>`;
    // Act
    const html = hostPageHtml({
      actionUrl: `https://client.example/cool.html?WOPISrc=${hostile}`,
      accessToken: hostile,
      accessTokenTtl: 1767261600000,
      title: hostile,
      nonce: hostile,
    });
    // Assess
    expect({
      scriptTags: (html.match(/<script\b/g) ?? []).length,
      breaksOut: html.includes('"><script>'),
    }).toEqual({ scriptTags: 1, breaksOut: false });
  });
});
