// Sign-in with OpenID Connect: an ID or access token (a JWT) from the configured issuer, verified against the keys it
// publishes (its .well-known/openid-configuration names them, jwks_uri), for the configured audience (the client id).
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthorizedError } from '../domain/errors';
import type { SignedInIdentity } from '../domain/sign-in';

export interface OidcSettings {
  /** The issuer's URL exactly as its tokens' `iss` says it (e.g. https://login.example.com/realms/acme). */
  readonly issuer: string;
  /** What `aud` must contain: the client id the page signs in with. */
  readonly audience: string;
}

export interface OidcOptions {
  /** Epoch milliseconds; tests pass their clock. */
  readonly now?: () => number;
}

export interface OidcVerifier {
  /** Who the token names, or UnauthorizedError saying why it is not one of the issuer's for this audience. */
  verify(token: string): Promise<SignedInIdentity>;
}

// Asymmetric only: an HS* token would be signed with a secret the issuer shares with its clients, not with us.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
// Keys are fetched again after this long, and at once for a key id not seen yet, but then at most this often: a
// stream of tokens with made-up key ids cannot turn this host into a flood of requests to the issuer.
const KEYS_MAX_AGE_MS = 10 * 60_000;
const UNKNOWN_KEY_COOLDOWN_MS = 30_000;
const TIMEOUT_MS = 5_000;
// Clocks of the issuer and of the functions' containers differ a little.
const CLOCK_TOLERANCE_SECONDS = 30;

type KeySet = ReturnType<typeof createRemoteJWKSet>;

export function createOidcVerifier(settings: OidcSettings, options: OidcOptions = {}): OidcVerifier {
  const clock = options.now ?? Date.now;
  let keys: Promise<KeySet> | undefined;

  async function discover(): Promise<KeySet> {
    const url = `${settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`OpenID configuration ${url} answered ${response.status}`);
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0, 4.3: the issuer it names must be the very one asked for.
    if (metadata.issuer !== settings.issuer) {
      throw new Error(`OpenID configuration ${url} names the issuer ${String(metadata.issuer)}`);
    }
    if (typeof metadata.jwks_uri !== 'string') throw new Error(`OpenID configuration ${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(metadata.jwks_uri), {
      cacheMaxAge: KEYS_MAX_AGE_MS,
      cooldownDuration: UNKNOWN_KEY_COOLDOWN_MS,
      timeoutDuration: TIMEOUT_MS,
    });
  }

  // Once per container; a failure is retried by the next request.
  function keySet(): Promise<KeySet> {
    keys ??= discover().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  }

  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keySet(), {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(clock()),
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw new UnauthorizedError(`The sign-in token ${refusalOf(error)}`);
      }
      const subject = String(payload.sub);
      const claim = (name: string) =>
        typeof payload[name] === 'string' && payload[name] !== '' ? payload[name] : undefined;
      const email = claim('email');
      return { subject, displayName: claim('name') ?? claim('preferred_username') ?? email ?? subject, email };
    },
  };
}

function refusalOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'is from another issuer';
    if (error.claim === 'aud') return 'is for another audience';
    return `has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return "is signed with none of the issuer's keys";
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'has an invalid signature';
  if (error instanceof errors.JOSEError) return 'is not valid';
  // The issuer could not be reached or answered nonsense: the token is not the caller's fault, but unverifiable.
  return `cannot be verified now (${error instanceof Error ? error.message : String(error)})`;
}
