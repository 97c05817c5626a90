// The people of the check-out API tests: an owner, two editors, a viewer and a stranger, each with an API key and an
// associate number, and a file the owner shares with the editors and the viewer.
import type { FileRecord } from '../../lambda/domain/file-record';
import { addUser } from '../../lambda/domain/numbers';
import { issueApiKey, type User } from '../../lambda/domain/users';
import type { TestHost } from './wopi-host';

export const PEOPLE = {
  'owner-1': { displayName: 'Olivia Owner', email: 'olivia@example.com' },
  'editor-1': { displayName: 'Eddie Editor', email: 'eddie@example.com' },
  'editor-2': { displayName: 'Erin Editor' },
  'viewer-1': { displayName: 'Vic Viewer', email: 'vic@example.com' },
  stranger: { displayName: 'Sam Stranger' },
} as const;

export type Person = keyof typeof PEOPLE;

export interface People {
  readonly keys: Readonly<Record<Person, string>>;
  readonly users: Readonly<Record<Person, User>>;
}

export async function addPeople(host: TestHost): Promise<People> {
  const keys: Partial<Record<Person, string>> = {};
  const users: Partial<Record<Person, User>> = {};
  for (const [userId, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const user = await addUser(host.deps, { userId, ...person });
    if (user === undefined) throw new Error(`${userId} exists already`);
    users[userId] = user;
    keys[userId] = await issueApiKey(host.deps.users, userId, host.clock.now());
  }
  return { keys: keys as Record<Person, string>, users: users as Record<Person, User> };
}

/** A file of owner-1's, with edit shares for both editors and a view share for the viewer. */
export async function sharedFile(host: TestHost, name?: string, bytes = 'shared content'): Promise<FileRecord> {
  const file = await host.addFile(bytes, name, 'owner-1');
  await host.share(file.fileId, 'editor-1', 'edit');
  await host.share(file.fileId, 'editor-2', 'edit');
  await host.share(file.fileId, 'viewer-1', 'view');
  return file;
}
