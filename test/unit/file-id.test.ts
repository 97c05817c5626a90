// domain/file-id.ts: new ids never start with "-" (a command line would read one as an option), and ids made
// before that rule still name their files.
import { describe, expect, it } from 'vitest';
import { isFileId, isGeneratedFileId, newFileId } from '../../lambda/domain/file-id';

describe('newFileId', () => {
  it('never starts with "-": of 10,000 ids, about 156 would without the redraw', () => {
    // Act
    const ids = Array.from({ length: 10_000 }, newFileId);
    // Assess
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
  });

  it('makes 22 base64url characters that isFileId accepts, never the same twice', () => {
    // Act
    const ids = Array.from({ length: 10_000 }, newFileId);
    // Assess
    expect({
      shaped: ids.every((id) => isGeneratedFileId(id) && isFileId(id)),
      distinct: new Set(ids).size,
    }).toEqual({ shaped: true, distinct: 10_000 });
  });
});

describe('newFileId and document numbers', () => {
  it('is never all digits, which the vendor routes read as a document number: whatever the last byte, the last character is A, Q, g or w', () => {
    // Prepare: the last character encodes only the last byte's 2 low bits, then 4 zero bits
    const lastCharacters = new Set<string>();
    // Act
    for (let last = 0; last < 256; last++) {
      const bytes = Buffer.alloc(16, 0x31);
      bytes[15] = last;
      lastCharacters.add(bytes.toString('base64url').slice(-1));
    }
    // Assess
    expect([...lastCharacters].sort()).toEqual(['A', 'Q', 'g', 'w']);
    expect(Array.from({ length: 10_000 }, newFileId).filter((id) => /^[0-9]+$/.test(id))).toEqual([]);
  });
});

describe('isFileId', () => {
  it('still accepts an id made before the rule, starting with "-"', () => {
    expect([isFileId('-AbCdEfGhIjKlMnOpQrStU'), isGeneratedFileId('-AbCdEfGhIjKlMnOpQrStU')]).toEqual([true, true]);
  });
});
