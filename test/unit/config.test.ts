// config.ts: WOPI_FRAME_ANCESTORS, read once and refused at the cold start when it is not a list browsers read
// the way it looks.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lambda/config';

const required = { WOPI_TABLE_NAME: 't', WOPI_BUCKET_NAME: 'b', WOPI_TOKEN_SECRET: 'x'.repeat(32) };
const frameAncestors = (value?: string) =>
  loadConfig({ ...required, ...(value !== undefined && { WOPI_FRAME_ANCESTORS: value }) }).frameAncestors;

describe('loadConfig WOPI_FRAME_ANCESTORS', () => {
  it("defaults to 'self', unset or empty", () => {
    expect([frameAncestors(), frameAncestors(''), frameAncestors('  ')]).toEqual([["'self'"], ["'self'"], ["'self'"]]);
  });

  it("reads space-separated 'self', 'none' and http(s) origins, with a port or a trailing slash, lower-cased", () => {
    expect([
      frameAncestors("'none'"),
      frameAncestors(" 'self'  https://Portal.Example.com/\thttp://localhost:3000 https://[::1]:8443 "),
    ]).toEqual([["'none'"], ["'self'", 'https://portal.example.com', 'http://localhost:3000', 'https://[::1]:8443']]);
  });

  it.each([
    ['a host without a scheme', 'portal.example.com'],
    ['another scheme', 'ftp://portal.example.com'],
    ['a path', 'https://portal.example.com/apps'],
    ['a query', 'https://portal.example.com?x'],
    ['a wildcard', 'https://*.example.com'],
    ['a semicolon that would start another directive', "https://portal.example.com;script-src 'unsafe-inline'"],
    ['a comma that would start another policy', 'https://portal.example.com,frame-ancestors'],
    ['credentials', 'https://user@portal.example.com'],
    ['an unquoted keyword', 'self'],
    ["'none' beside other sources, which browsers ignore", "'none' https://portal.example.com"],
    ['a keyword CSP has but frame-ancestors does not take', "'unsafe-inline'"],
  ])('fails the cold start naming the variable for %s', (_, value) => {
    expect(() => frameAncestors(value)).toThrow(/^Configuration: WOPI_FRAME_ANCESTORS must be /);
  });
});
