// What `npm start` and the CLI share about a local host: the data folder and what it keeps.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCAL_OWNER = { userId: 'local-owner', userName: 'Local Owner' };

export function localSettings(env: Record<string, string | undefined> = process.env) {
  const dataDir = resolve(env.WOPI_DATA_DIR || '.data');
  // Private to the user: it holds the token signing key and the owner's API key.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return {
    dataDir,
    tableName: env.WOPI_TABLE_NAME || 'wopi-files',
    bucketName: env.WOPI_BUCKET_NAME || 'wopi-contents',
    /** Small JSON files under the data folder, made by `create` the first time. */
    persisted<T>(name: string, create: () => T): T {
      const path = join(dataDir, name);
      if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
      const value = create();
      writeFileSync(path, JSON.stringify(value), { mode: 0o600 });
      return value;
    },
    write(name: string, value: unknown): void {
      writeFileSync(join(dataDir, name), JSON.stringify(value), { mode: 0o600 });
    },
    path(name: string): string {
      return join(dataDir, name);
    },
  };
}

/** The token signing key of this data folder, generated at first start and kept with the data. */
export function localTokenSecret(settings: ReturnType<typeof localSettings>): string {
  return settings.persisted('token-secret.json', () => ({ secret: randomBytes(32).toString('base64url') })).secret;
}
