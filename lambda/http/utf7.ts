// UTF-7 (RFC 2152), the encoding of WOPI's file-name headers. Written here rather than imported because the
// general codec library adds ~480 KB to every Lambda bundle; test/property/utf7.property.test.ts checks this
// against that library.

const base64Char = /[A-Za-z0-9+/]/;
// RFC 2152 "Set D" and space, tab, CR, LF: characters sent as themselves.
const nonDirect = /[^A-Za-z0-9'(),\-./:? \t\r\n]+/g;

export function decodeUtf7(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char !== '+') {
      out += char;
      continue;
    }
    let end = i + 1;
    while (end < text.length && base64Char.test(text[end] ?? '')) end++;
    const run = text.slice(i + 1, end);
    if (run === '' && text[end] === '-') out += '+';
    else out += utf16beToString(Buffer.from(run, 'base64'));
    // The '-' that ends a shifted run is absorbed; any other character ends it and is kept.
    i = text[end] === '-' ? end : end - 1;
  }
  return out;
}

export function encodeUtf7(text: string): string {
  return text.replace(nonDirect, (chunk) => {
    if (chunk === '+') return '+-';
    const utf16 = Buffer.from(chunk, 'utf16le').swap16();
    return `+${utf16.toString('base64').replace(/=+$/, '')}-`;
  });
}

function utf16beToString(bytes: Buffer): string {
  const whole = bytes.subarray(0, bytes.length - (bytes.length % 2)); // trailing partial bits are padding
  return Buffer.from(whole).swap16().toString('utf16le');
}
