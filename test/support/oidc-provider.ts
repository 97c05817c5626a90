// A real OpenID provider on 127.0.0.1 (oauth2-mock-server): discovery, published keys, authorization code with PKCE,
// and tokens the tests shape (expired, another audience, signed with a key it never published).
import { OAuth2Issuer, OAuth2Server } from 'oauth2-mock-server';

export const OIDC_AUDIENCE = 'wopi-web';

export interface TokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
  readonly aud?: string;
  readonly iss?: string;
}

export interface OidcProvider {
  /** Its URL, as its tokens' iss says it: what the host is given as WOPI_OIDC_ISSUER. */
  readonly issuer: string;
  /** The host's settings for this provider. */
  readonly env: Record<string, string>;
  /** A token the provider signs, for the audience unless the claims say otherwise. */
  token(claims: TokenClaims, expiresInSeconds?: number): Promise<string>;
  /** A token with the provider's issuer and claims, signed with a key it does not publish. */
  foreignToken(claims: TokenClaims): Promise<string>;
  /** Who the authorization endpoint signs in next (it signs in without asking). */
  signInNext(claims: TokenClaims): void;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<OidcProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url as string;
  const shaped = (claims: TokenClaims) => (_header: unknown, payload: Record<string, unknown>) => {
    Object.assign(payload, { aud: OIDC_AUDIENCE, ...claims });
  };
  let next: TokenClaims = { sub: 'johndoe' };
  // The token endpoint names its own sub (johndoe): the next sign-in's claims go in as each token is signed.
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, next);
  });
  return {
    issuer,
    env: { WOPI_OIDC_ISSUER: issuer, WOPI_OIDC_AUDIENCE: OIDC_AUDIENCE },
    token: (claims, expiresIn = 3600) => server.issuer.buildToken({ scopesOrTransform: shaped(claims), expiresIn }),
    async foreignToken(claims) {
      const stranger = new OAuth2Issuer();
      stranger.url = issuer;
      await stranger.keys.generate('RS256');
      return stranger.buildToken({ scopesOrTransform: shaped(claims) });
    },
    signInNext(claims) {
      next = claims;
    },
    close: () => server.stop(),
  };
}
