// OpenID Connect sign-in from the page: the authorization code flow with PKCE (RFC 7636), the page itself the
// redirect URI. The verifier and state wait in sessionStorage for the return; the code is exchanged at the issuer's
// token endpoint and the ID token becomes the page's credential (the host checks it against the issuer's keys).
import type { Credential } from './api';

const PENDING_KEY = 'wopi-host-oidc-pending';

interface Metadata {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

async function metadataOf(issuer: string): Promise<Metadata> {
  const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in provider answered ${response.status}`);
  return (await response.json()) as Metadata;
}

function randomText(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return base64Url(bytes);
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const redirectUri = () => `${location.origin}/`;

export async function startOidcSignIn(issuer: string, clientId: string): Promise<void> {
  const metadata = await metadataOf(issuer);
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile email',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On the return from the provider: the code exchanged for the ID token, and the code taken out of the URL. */
export async function completeOidcSignIn(issuer: string, clientId: string): Promise<Credential | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const pending = sessionStorage.getItem(PENDING_KEY);
  if (code === null || pending === null) return undefined;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', '/');
  const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
  if (params.get('state') !== state) throw new Error('The sign-in came back for another request; try again');
  const metadata = await metadataOf(issuer);
  const response = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new Error(`The sign-in provider refused the code (${response.status})`);
  const tokens = (await response.json()) as { id_token?: string; access_token?: string };
  const token = tokens.id_token ?? tokens.access_token;
  if (token === undefined) throw new Error('The sign-in provider sent no token');
  return { kind: 'oidc', value: token };
}
