import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeUtf7, encodeUtf7 } from '../../lambda/http/utf7';

// iconv-lite is the reference UTF-7 codec; it stays a devDependency because of its size.
const reference = {
  decode: (text: string) => iconv.decode(Buffer.from(text, 'latin1'), 'utf7'),
  encode: (text: string) => iconv.encode(text, 'utf7').toString('latin1'),
};
// iconv-lite drops a U+FEFF that begins a shifted run (its UTF-16 decoder takes it for a byte-order mark, even with
// stripBOM off); RFC 2152 decodes it like any other character, as decodeUtf7 does. Comparisons leave it out.
const withoutFeff = (text: string) => text.replaceAll('\ufeff', '');

describe('UTF-7 file names (WOPI X-WOPI-SuggestedTarget / RelativeTarget / RequestedName)', () => {
  it('decodes the spec examples', () => {
    expect(decodeUtf7('Hi Mom -+Jjo--!')).toBe('Hi Mom -\u263a-!');
    expect(decodeUtf7('+ZeVnLIqe-.docx')).toBe('日本語.docx');
    expect(decodeUtf7('A+-B')).toBe('A+B');
  });

  it('decodes U+FEFF at the start of a run as itself, where the reference drops it', () => {
    expect(decodeUtf7('+/v8-')).toBe('\ufeff');
    expect(decodeUtf7('a+/v8AYQ-')).toBe('a\ufeffa');
    expect(reference.decode('a+/v8AYQ-')).toBe('aa');
  });

  it('decodes every string exactly as the reference codec does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const encoded = reference.encode(text);
        expect(withoutFeff(decodeUtf7(encoded))).toBe(withoutFeff(reference.decode(encoded)));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips: what it encodes, the reference decodes to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(withoutFeff(reference.decode(encodeUtf7(text)))).toBe(withoutFeff(text));
        expect(decodeUtf7(encodeUtf7(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes malformed input (unterminated or odd runs) the way the reference does, without throwing', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/\-. ]{0,30}$/), (garbage) => {
        expect(withoutFeff(decodeUtf7(garbage))).toBe(withoutFeff(reference.decode(garbage)));
      }),
      { numRuns: 500 },
    );
  });
});
