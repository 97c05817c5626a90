// The HS256 key of access tokens and host-page links, for the entries that sign or verify them.
import type { Config } from '../config';
import { cachedAsync, config, provisions } from './runtime';

// A key rotated in Secrets Manager reaches every container within this long (README "Rotating the signing key").
const SECRET_MAX_AGE_MS = 3600 * 1000;

export function tokenSecret(): Promise<Uint8Array> {
  const given = provisions().tokenSecret;
  if (given !== undefined) return Promise.resolve(given);
  return cachedAsync('tokenSecret', SECRET_MAX_AGE_MS, () => resolveTokenSecret(config()));
}

export async function resolveTokenSecret(settings: Config): Promise<Uint8Array> {
  if ('value' in settings.tokenSecret) return new TextEncoder().encode(settings.tokenSecret.value);
  // Loaded only where a secret id is configured (on AWS): local use and tests never start the client.
  const { readSecret } = await import('../adapters/secrets-manager');
  const secret = await readSecret(settings.tokenSecret.secretId, settings.region);
  // 32 bytes is the HS256 key size; a shorter key would be guessable. Never logged.
  if (secret.length < 32) throw new Error('Token signing secret is missing or short');
  return new TextEncoder().encode(secret);
}
