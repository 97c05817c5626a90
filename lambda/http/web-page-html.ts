// The web page at /: one HTML document with its script and style inline, each allowed by its hash alone, so the
// Content-Security-Policy runs nothing else. What the script needs to know of this host (how people sign in, whether
// a WOPI client is configured) is in a <meta> element as JSON, not in script.
import type { Config } from '../config';
import { escapeHtml } from './host-page-html';
import type { WopiResponse } from './wopi-response';

export interface WebAssets {
  readonly script: string;
  readonly scriptHash: string;
  readonly style: string;
  readonly styleHash: string;
}

/** What the page's script reads from <meta name="wopi-host">. */
export interface PageSettings {
  /** OpenID Connect with PKCE when set; pasting an API key otherwise. */
  readonly oidc: { readonly issuer: string; readonly clientId: string } | null;
  /** Whether "Open" can open anything (WOPI_DISCOVERY_URL is set). */
  readonly wopiClient: boolean;
}

export function pageSettings(config: Config): PageSettings {
  return {
    oidc: config.oidc ? { issuer: config.oidc.issuer, clientId: config.oidc.audience } : null,
    wopiClient: config.discoveryUrl !== undefined,
  };
}

/**
 * Where the page's script may connect besides this origin: the bucket, which uploads go to and large downloads come
 * from, and the OpenID issuer, whose token endpoint it calls.
 */
export function connectSources(config: Config): string[] {
  const bucket = config.s3Endpoint
    ? new URL(config.s3Endpoint).origin
    : `https://${config.bucketName}.s3.${config.region}.amazonaws.com`;
  return [bucket, ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])];
}

export function webPage(assets: WebAssets, config: Config): WopiResponse {
  const settings = escapeHtml(JSON.stringify(pageSettings(config)));
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="wopi-host" content="${settings}">
<title>Documents</title>
<style>${assets.style}</style>
</head>
<body>
<noscript>This page needs JavaScript.</noscript>
<script>${assets.script}</script>
</body>
</html>
`;
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src ${assets.scriptHash}`,
        `style-src ${assets.styleHash}`,
        `connect-src 'self' ${connectSources(config).join(' ')}`,
        "img-src 'self' data:",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    },
    body,
  };
}
