// The folder's host page: what is inside, each linked to its own host page with the same mode, so a share URL of a
// folder leads to what is in it and opens each with the least of that mode and the visitor's rights.
import { escapeHtml } from './host-page-html';
import type { WopiResponse } from './wopi-response';

export interface FolderPageEntry {
  readonly name: string;
  readonly href: string;
  readonly kind: 'folder' | 'file';
}

export function folderPage(title: string, entries: readonly FolderPageEntry[]): WopiResponse {
  const items = entries
    .map((entry) => {
      const label = entry.kind === 'folder' ? `${entry.name}/` : entry.name;
      return `<li><a href="${escapeHtml(entry.href)}">${escapeHtml(label)}</a></li>`;
    })
    .join('\n');
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    },
    body: `<!doctype html>
<html>
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
<ul>
${items}
</ul>
</body>
</html>
`,
  };
}
