// Where the APIs outside WOPI find a caller's API key, in the forms their own clients send it:
// "Bearer <key>" (DocSpace, SuperOffice), "Basic base64(<user id>:<key>)" (SuperOffice clients that only speak
// Basic), "SOTicket <key>" (SuperOffice's ticket scheme), a bare "<key>" or the asc_auth_key cookie (DocSpace).
import type { ApiCredentials } from '../domain/users';
import type { Event } from './middleware';

export function credentialsOf(event: Event): ApiCredentials | undefined {
  const authorization = (event.headers?.authorization ?? '').trim();
  if (authorization !== '') return fromAuthorization(authorization);
  const cookie = event.cookies?.find((entry) => entry.trimStart().startsWith('asc_auth_key='));
  const key = cookie?.trim().slice('asc_auth_key='.length);
  return key ? { key: decodeURIComponentSafely(key) } : undefined;
}

function fromAuthorization(authorization: string): ApiCredentials | undefined {
  const [first = '', credentials] = authorization.split(/\s+/, 2);
  const scheme = first.toLowerCase();
  if (credentials === undefined) return { key: first };
  if (scheme === 'bearer' || scheme === 'soticket') return { key: credentials };
  if (scheme === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 ? { key: decoded.slice(colon + 1), claimedUserId: decoded.slice(0, colon) } : undefined;
  }
  return undefined;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
