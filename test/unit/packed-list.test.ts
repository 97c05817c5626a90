// A file item's lists are stored packed (lambda/adapters/packed-list.ts). Unpacking gives back exactly what was
// packed, and refuses anything else rather than reading it as an empty list, which the sweep would take as "no
// earlier versions" and delete their contents.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packList, unpackList } from '../../lambda/adapters/packed-list';

describe('packed lists', () => {
  it('unpack to what was packed, whatever JSON entries they hold', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (list) => {
        expect(unpackList(packList(list), 'test')).toEqual(JSON.parse(JSON.stringify(list)));
      }),
    );
  });

  it('refuse bytes that are not a packed list', () => {
    expect(() => unpackList(new TextEncoder().encode('[1,2,3]'), 'versions')).toThrow(
      'The stored versions list cannot be read',
    );
  });

  it('refuse a packed value that is not a list', () => {
    expect(() => unpackList(deflateRawSync('{"version":1}'), 'versions')).toThrow(
      'The stored versions list is not a list',
    );
  });

  it('refuse a packed list cut short', () => {
    const packed = packList([{ version: 1, contentKey: 'files/f/k' }]);
    expect(() => unpackList(packed.subarray(0, packed.byteLength - 3), 'activity')).toThrow(
      'The stored activity list cannot be read',
    );
  });
});
