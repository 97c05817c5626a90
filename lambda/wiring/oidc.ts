// The OpenID Connect verifier (the issuer's keys, cached per container), when sign-in is configured.
import { createOidcVerifier, type OidcVerifier } from '../auth/oidc';
import { clock, config, once } from './runtime';

export function oidcVerifier(): OidcVerifier | undefined {
  const settings = config().oidc;
  return settings ? once('oidc', () => createOidcVerifier(settings, { now: () => clock().now() })) : undefined;
}
