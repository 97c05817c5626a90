// The conformance runner's reading of the validator's checks (test/conformance/): each must reject what the
// validator rejects, or a passing run would prove nothing.
import { describe, expect, it } from 'vitest';
import { checkFileInfoSchemaErrors } from '../conformance/checkfileinfo-schema';
import { checkErrors, encodeQueryValue, jsonAt, targetNameHeader } from '../conformance/validator-runner';

const answer = (status: number, body: unknown = '', headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

const minimalInfo = { BaseFileName: 'a.wopitest', OwnerId: 'o', Size: 0, UserId: 'u', Version: '1' };

describe('CheckFileInfo schema', () => {
  it('accepts the five required properties alone', () => {
    expect(checkFileInfoSchemaErrors(minimalInfo)).toEqual([]);
  });

  it('rejects a missing required property, a Size that is a string, a coauthoring property and a relative URL', () => {
    // Prepare
    const { Version: _, ...noVersion } = minimalInfo;
    const info = { ...noVersion, Size: '0', SupportsCoauth: false, HostEditUrl: '/host/files/a' };
    // Act
    const errors = checkFileInfoSchemaErrors(info);
    // Assess
    expect(errors).toEqual([
      'Version is required',
      'Size may not be "0"',
      'SupportsCoauth may not be false',
      'HostEditUrl may not be "/host/files/a"',
    ]);
  });

  it('rejects a share URL type the schema does not list', () => {
    expect(checkFileInfoSchemaErrors({ ...minimalInfo, SupportedShareUrlTypes: ['ReadOnly', 'Edit'] })).toHaveLength(1);
  });
});

describe('checks', () => {
  it('a lock mismatch is 409 with the current lock; 200, or another lock, is rejected', () => {
    const check = { lockMismatch: 'L1' };
    expect(checkErrors(check, answer(409, '', { 'X-WOPI-Lock': 'L1' }))).toEqual([]);
    expect(checkErrors(check, answer(200, '', { 'X-WOPI-Lock': 'L1' }))).toHaveLength(1);
    expect(checkErrors(check, answer(409, '', { 'X-WOPI-Lock': 'L2' }))).toHaveLength(1);
    expect(checkErrors(check, answer(409))).toEqual(['X-WOPI-Lock is missing']);
  });

  it('an empty expected lock accepts the header absent or empty, and rejects another value', () => {
    const check = { lockMismatch: '' };
    expect(checkErrors(check, answer(409))).toEqual([]);
    expect(checkErrors(check, answer(409, '', { 'X-WOPI-Lock': '' }))).toEqual([]);
    expect(checkErrors(check, answer(409, '', { 'X-WOPI-Lock': 'L1' }))).toHaveLength(1);
  });

  it('a header that must differ from a kept value rejects the same value', () => {
    const check = { header: 'X-WOPI-ItemVersion', equalsKept: 'Original', shouldMatch: false };
    const state = new Map([['Original', '3']]);
    expect(checkErrors(check, answer(200, '', { 'X-WOPI-ItemVersion': '4' }), state)).toEqual([]);
    expect(checkErrors(check, answer(200, '', { 'X-WOPI-ItemVersion': '3' }), state)).toHaveLength(1);
  });

  it('a required property that is absent or empty fails; an optional one that is absent passes', () => {
    const required = { json: [{ type: 'string', name: 'Name', required: true }] } as const;
    const optional = { json: [{ type: 'url', name: 'HostViewUrl' }] } as const;
    expect(checkErrors(required, answer(200, { Name: '' }))).toHaveLength(1);
    expect(checkErrors(required, answer(200, {}))).toHaveLength(1);
    expect(checkErrors(optional, answer(200, {}))).toEqual([]);
    expect(checkErrors(optional, answer(200, { HostViewUrl: 'not a url' }))).toHaveLength(1);
  });

  it('a URL that must carry the access token rejects one without it', () => {
    const check = { json: [{ type: 'url', name: 'Url', required: true, withAccessToken: true }] } as const;
    expect(checkErrors(check, answer(200, { Url: 'http://h/wopi/files/1?access_token=t' }))).toEqual([]);
    expect(checkErrors(check, answer(200, { Url: 'http://h/wopi/files/1' }))).toHaveLength(1);
  });

  it('anyOf passes when one option passes, and fails when none does', () => {
    const check = { anyOf: [{ status: 401 }, { status: 404 }] };
    expect(checkErrors(check, answer(404))).toEqual([]);
    expect(checkErrors(check, answer(200))).toHaveLength(1);
  });

  it('a JSON check of a body that is not JSON fails', () => {
    expect(checkErrors({ json: [] }, answer(200, '<html>'))).toHaveLength(1);
  });

  it('a regex that must not match rejects an empty value, as the validator does', () => {
    const check = { json: [{ type: 'regex', name: 'CloseUrl', pattern: /officeapps/, shouldMatch: false }] } as const;
    expect(checkErrors(check, answer(200, {}))).toEqual([]);
    expect(checkErrors(check, answer(200, { CloseUrl: 'https://host/close' }))).toEqual([]);
    expect(checkErrors(check, answer(200, { CloseUrl: '' }))).toHaveLength(1);
    expect(checkErrors(check, answer(200, { CloseUrl: 'https://x.officeapps.live.com/y' }))).toHaveLength(1);
  });
});

describe('request encodings', () => {
  it('percent-encodes every query character but ASCII letters and digits, as UTF-8', () => {
    expect(encodeQueryValue('a.b-c_é')).toBe('a%2Eb%2Dc%5F%C3%A9');
  });

  it('sends target names in UTF-7, "_" shifted', () => {
    expect(targetNameHeader('madeup_name.wopitestx')).toBe('madeup+AF8-name.wopitestx');
  });

  it('reads JSON paths with indexes and the last element', () => {
    const value = { A: [{ Url: 'first' }, { Url: 'last' }] };
    expect([jsonAt(value, 'A[0].Url'), jsonAt(value, 'A[-1:].Url'), jsonAt(value, 'B.C')]).toEqual([
      'first',
      'last',
      undefined,
    ]);
  });
});
