// A small but real OpenDocument text, so that a WOPI client has something to open on first start.
import { zipSync } from 'fflate';

const mimetype = 'application/vnd.oasis.opendocument.text';

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

function content(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
 <office:body><office:text><text:p>${text}</text:p></office:text></office:body>
</office:document-content>`;
}

export const SAMPLE_NAME = 'Welcome.odt';

export function sampleDocument(): Uint8Array {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  // ODF requires "mimetype" first and stored uncompressed; fflate keeps insertion order.
  return zipSync(
    {
      mimetype: [utf8(mimetype), { level: 0 }],
      'META-INF/manifest.xml': utf8(manifest),
      'content.xml': utf8(content('Welcome to the serverless WOPI host. Edit me and save.')),
    },
    { mtime: new Date('2026-01-01T00:00:00Z') },
  );
}
