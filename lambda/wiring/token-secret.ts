// The HS256 key of access tokens and host-page links, for the entries that sign or verify them.
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Config } from '../config';
import { config, onceAsync, provisions } from './runtime';

export function tokenSecret(): Promise<Uint8Array> {
  const given = provisions().tokenSecret;
  return given !== undefined ? Promise.resolve(given) : onceAsync('tokenSecret', () => resolveTokenSecret(config()));
}

export async function resolveTokenSecret(settings: Config): Promise<Uint8Array> {
  if ('value' in settings.tokenSecret) return new TextEncoder().encode(settings.tokenSecret.value);
  // Cached by Powertools for the life of the container; never logged.
  const secret = await getSecret<string>(settings.tokenSecret.secretId, { maxAge: 3600 });
  if (typeof secret !== 'string' || secret.length < 32) throw new Error('Token signing secret is missing or short');
  return new TextEncoder().encode(secret);
}
