// The XML form of the flat objects SuperOffice answers with (ReturnInfo, CheckoutInfo, its error), for clients that
// ask for application/xml or text/xml: one element per property, in order, under one root.

export type FlatValue = string | number | boolean;

/** `<Root><Key>value</Key>...</Root>`; names come from our own code, values may hold anything a client sent. */
export function flatXml(root: string, value: Readonly<Record<string, FlatValue>>): string {
  const elements = Object.entries(value).map(([name, item]) => `<${name}>${escapeXmlText(String(item))}</${name}>`);
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${elements.join('')}</${root}>`;
}

/**
 * Text content that reads back as `text`: markup characters as entities, a carriage return as a reference (a parser
 * would turn a raw one into a line feed), and what XML 1.0 cannot hold at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) as U+FFFD, the replacement character.
 */
export function escapeXmlText(text: string): string {
  let escaped = '';
  // By code point: a surrogate pair is one character, a lone surrogate one of its own.
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    escaped += entities.get(character) ?? (isXmlChar(code) ? character : '\ufffd');
  }
  return escaped;
}

const entities = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['\r', '&#13;'],
]);

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}
