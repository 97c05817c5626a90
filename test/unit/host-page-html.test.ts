// http/host-page-html.ts: every value the host page interpolates is HTML-escaped, and its headers say who may
// frame it.
import { describe, expect, it } from 'vitest';
import { escapeHtml, hostPageHeaders, hostPageHtml } from '../../lambda/http/host-page-html';

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
      frameAncestors: ["'self'"],
    });
    // Assess
    expect({
      scriptTags: (html.match(/<script\b/g) ?? []).length,
      breaksOut: html.includes('"><script>'),
    }).toEqual({ scriptTags: 1, breaksOut: false });
  });
});

describe('hostPageHeaders', () => {
  const framing = (frameAncestors: string[]) => {
    const headers = hostPageHeaders('https://client.example/cool.html', 'n0nce', frameAncestors);
    return {
      frameAncestors: /frame-ancestors ([^;]*)/.exec(headers['Content-Security-Policy'] ?? '')?.[1],
      frameOptions: headers['X-Frame-Options'],
    };
  };

  it("says SAMEORIGIN in X-Frame-Options for frame-ancestors 'self'", () => {
    expect(framing(["'self'"])).toEqual({ frameAncestors: "'self'", frameOptions: 'SAMEORIGIN' });
  });

  it("says DENY in X-Frame-Options for frame-ancestors 'none'", () => {
    expect(framing(["'none'"])).toEqual({ frameAncestors: "'none'", frameOptions: 'DENY' });
  });

  it('leaves X-Frame-Options out when other origins may frame the page, alone or with its own', () => {
    expect([framing(['https://portal.example.com']), framing(["'self'", 'https://portal.example.com'])]).toEqual([
      { frameAncestors: 'https://portal.example.com', frameOptions: undefined },
      { frameAncestors: "'self' https://portal.example.com", frameOptions: undefined },
    ]);
  });
});
