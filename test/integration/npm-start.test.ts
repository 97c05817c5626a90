// `npm start` as a user runs it: the local host in a process of its own with its emulators, a fresh data folder,
// and what it prints. A WOPI client beside it (here: this test, on 127.0.0.1) opens the sample document with the
// printed URL and token, and downloads it through FileUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NAME } from '../../lambda/local/sample-document';
import { type StartedHost, startNpmStart } from '../support/npm-start';

let host: StartedHost;

beforeAll(async () => {
  host = await startNpmStart();
}, 60_000);

afterAll(async () => {
  await host.stop();
});

describe('npm start', () => {
  it('prints a WOPI source and a token that open the sample, with FileUrl and host page URLs', async () => {
    // Prepare
    const source = host.printed['WOPI source'] ?? '';
    const token = encodeURIComponent(host.printed['Access token'] ?? '');
    // Act
    const info = (await (await fetch(`${source}?access_token=${token}`)).json()) as Record<string, unknown>;
    const viaHost = Buffer.from(await (await fetch(`${source}/contents?access_token=${token}`)).arrayBuffer());
    const viaFileUrl = Buffer.from(await (await fetch(String(info.FileUrl))).arrayBuffer());
    // Assess
    expect({ name: info.BaseFileName, canWrite: info.UserCanWrite, size: info.Size }).toEqual({
      name: SAMPLE_NAME,
      canWrite: true,
      size: viaHost.length,
    });
    expect(String(info.FileUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(viaFileUrl.equals(viaHost)).toBe(true);
    expect(info.HostEditUrl).toMatch(new RegExp(`^${new URL(source).origin}/host/files/`));
  });

  it('stops on SIGTERM, closing its emulators', async () => {
    // Act
    const code = await host.stop();
    // Assess
    expect(code).toBe(0);
  });
});
