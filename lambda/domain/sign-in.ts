// People who sign in with OpenID Connect instead of an API key: the issuer vouches for who they are (its `sub`), and
// the host keeps a user for them, made the first time they sign in, with what the issuer says of their name.
import { UnauthorizedError } from './errors';
import { type AssociateDeps, addUser } from './numbers';
import type { User, UserStore } from './users';

/**
 * Ids of signed-in users start with this, which no API key user's id may (the CLI refuses it), so a `sub` can never
 * name a user someone else added.
 */
export const SIGNED_IN_PREFIX = 'oidc:';

/** What a verified ID or access token says of its person. */
export interface SignedInIdentity {
  readonly subject: string;
  readonly displayName: string;
  readonly email?: string | undefined;
}

export function signedInUserId(subject: string): string {
  return `${SIGNED_IN_PREFIX}${subject}`;
}

/** The user the identity names, as every request but the sign-up finds them (it needs no right to create users). */
export async function signedInUser(users: UserStore, identity: SignedInIdentity): Promise<User> {
  const user = await users.getUser(signedInUserId(identity.subject));
  if (user === undefined) throw new UnauthorizedError('Unknown user: GET /host/api/me once signs you up');
  return active(user);
}

/**
 * GET /host/api/me: the user the identity names, made on their first sign-in with an associate number, and with the
 * name and e-mail the issuer has for them now.
 */
export async function signUp(deps: AssociateDeps, identity: SignedInIdentity): Promise<User> {
  const userId = signedInUserId(identity.subject);
  const profile: User = {
    userId,
    displayName: identity.displayName,
    ...(identity.email !== undefined && { email: identity.email }),
  };
  // A racing first sign-in may make them meanwhile: theirs stands.
  const user =
    (await deps.users.getUser(userId)) ?? (await addUser(deps, profile)) ?? (await deps.users.getUser(userId));
  if (user === undefined) throw new UnauthorizedError(`${userId} could not be signed up`);
  active(user);
  if (user.displayName === profile.displayName && user.email === profile.email) return user;
  const { email: _previous, ...kept } = user;
  const updated = {
    ...kept,
    displayName: profile.displayName,
    ...(profile.email !== undefined && { email: profile.email }),
  };
  await deps.users.putUser(updated);
  return updated;
}

function active(user: User): User {
  if (user.disabled) throw new UnauthorizedError('The sign-in belongs to a disabled user');
  return user;
}
