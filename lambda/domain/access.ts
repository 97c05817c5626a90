// Who may do what with a file: the owner edits, the share list grants view or edit, nobody else sees it.
import type { FileRecord } from './file-record';

/** The rights an access token carries. */
export type Rights = 'read' | 'write';

export function rightsOf(record: FileRecord, userId: string): Rights | undefined {
  if (record.ownerId === userId) return 'write';
  const share = record.shares?.[userId];
  if (share === 'edit') return 'write';
  if (share === 'view') return 'read';
  return undefined;
}
