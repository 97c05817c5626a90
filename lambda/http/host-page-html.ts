// The host page the WOPI docs describe: a form that POSTs access_token and access_token_ttl into the WOPI
// client's iframe (so the token never appears in a URL), plus the PostMessage handshake Collabora and Office use.
import type { ErrorStyle } from './middleware';
import type { WopiResponse } from './wopi-response';

export interface HostPage {
  /** The action's urlsrc with its placeholders filled and WOPISrc added (fillUrlSrc). */
  readonly actionUrl: string;
  readonly accessToken: string;
  /** The token's absolute expiry in milliseconds since the Unix epoch, not a duration. */
  readonly accessTokenTtl: number;
  /** The file's name, for the window title. */
  readonly title: string;
  /** A fresh random value per response: the Content-Security-Policy lets only scripts and styles carrying it run. */
  readonly nonce: string;
  /** Who may frame the page: CSP frame-ancestors sources, from WOPI_FRAME_ANCESTORS. */
  readonly frameAncestors: readonly string[];
}

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

// Microsoft's sample host page's sandbox, plus downloads ("Download as") and modals (printing), which Collabora
// Online needs; the clipboard is delegated so copy and paste work in the frame.
const sandbox = [
  'allow-scripts',
  'allow-same-origin',
  'allow-forms',
  'allow-popups',
  'allow-top-navigation',
  'allow-popups-to-escape-sandbox',
  'allow-downloads',
  'allow-modals',
].join(' ');

// Constant, so nothing a request carries can reach script context. The WOPI client's origin is read from the
// form's action; messages from any other origin or window are ignored. Collabora and Office post
// App_LoadingStatus (Frame_Ready) and wait for Host_PostmessageReady before sending anything else.
const script = `(function () {
  var form = document.getElementById('office_form');
  var frame = document.getElementById('office_frame');
  var origin = new URL(form.action).origin;
  function post(id, values) {
    frame.contentWindow.postMessage(JSON.stringify({ MessageId: id, SendTime: Date.now(), Values: values || {} }), origin);
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var message;
    try { message = typeof event.data === 'string' ? JSON.parse(event.data) : event.data; } catch (e) { return; }
    if (!message || typeof message !== 'object') return;
    var values = message.Values || {};
    if (message.MessageId === 'App_LoadingStatus' && values.Status === 'Frame_Ready') post('Host_PostmessageReady');
    if (message.MessageId === 'File_Rename' && typeof values.NewName === 'string') document.title = values.NewName;
    if (message.MessageId === 'UI_Close') window.history.back();
  });
  form.submit();
})();`;

export function hostPageHtml(page: HostPage): string {
  const nonce = escapeHtml(page.nonce);
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, minimum-scale=1, user-scalable=no">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">
body { margin: 0; padding: 0; overflow: hidden; -ms-content-zooming: none; }
#office_frame { width: 100%; height: 100%; position: absolute; top: 0; left: 0; right: 0; bottom: 0; margin: 0; border: none; display: block; }
</style>
</head>
<body>
<form id="office_form" name="office_form" target="office_frame" action="${escapeHtml(page.actionUrl)}" method="post">
<input name="access_token" value="${escapeHtml(page.accessToken)}" type="hidden">
<input name="access_token_ttl" value="${escapeHtml(String(page.accessTokenTtl))}" type="hidden">
</form>
<iframe id="office_frame" name="office_frame" title="${escapeHtml(page.title)}" allowfullscreen sandbox="${sandbox}" allow="clipboard-read *; clipboard-write *"></iframe>
<script nonce="${nonce}">
${script}
</script>
</body>
</html>
`;
}

/**
 * The page's headers: no caching (it carries a token), no Referer, and a policy that frames only the WOPI client
 * and lets only `frameAncestors` frame the page, so no other site can overlay it to steer a user's clicks.
 */
export function hostPageHeaders(
  actionUrl: string,
  nonce: string,
  frameAncestors: readonly string[],
): Record<string, string> {
  const client = new URL(actionUrl).origin;
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      `frame-src ${client}`,
      `form-action ${client}`,
      "base-uri 'none'",
      `frame-ancestors ${frameAncestors.join(' ')}`,
    ].join('; '),
    ...frameOptions(frameAncestors),
  };
}

/**
 * X-Frame-Options, for browsers that predate frame-ancestors, when it can say the same: it cannot name other
 * origins (no current browser honours ALLOW-FROM), and some browsers have let its SAMEORIGIN or DENY win over
 * frame-ancestors, so with other origins it is left out rather than allowed to block them.
 */
function frameOptions(frameAncestors: readonly string[]): Record<string, string> {
  if (frameAncestors.length !== 1) return {};
  if (frameAncestors[0] === "'self'") return { 'X-Frame-Options': 'SAMEORIGIN' };
  if (frameAncestors[0] === "'none'") return { 'X-Frame-Options': 'DENY' };
  return {};
}

/** Errors as a small HTML page (the host page is opened in a browser), with the reason the log has too. */
export const hostPageError: ErrorStyle = (response, reason) => ({
  status: response.status,
  headers: {
    ...response.headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'",
    ...(response.status === 401 && { 'WWW-Authenticate': 'Bearer realm="wopi-host"' }),
  },
  body: `<!doctype html>
<html>
<head><meta charset="utf-8"><title>${response.status}</title></head>
<body><h1>${response.status}</h1><p>${escapeHtml(reason)}</p></body>
</html>
`,
});

export function hostPage(page: HostPage): WopiResponse {
  return {
    status: 200,
    headers: hostPageHeaders(page.actionUrl, page.nonce, page.frameAncestors),
    body: hostPageHtml(page),
  };
}
