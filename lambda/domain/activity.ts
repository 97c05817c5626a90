// What was done to a file, by whom and when: a bounded list on the file's own record, so it is written in the same
// conditional write as the change it records and costs no request of its own.

export type ActivityKind =
  | 'create'
  | 'save'
  | 'refused-save'
  | 'rename'
  | 'move'
  | 'trash'
  | 'restore-from-trash'
  | 'restore-version'
  | 'restore-recovery-copy'
  | 'share'
  | 'check-out'
  | 'undo-check-out'
  | 'check-in'
  /** Reported by the WOPI client (AddActivities): a comment made, changed or deleted in the document. */
  | 'comment';

export interface Activity {
  /** Epoch milliseconds. */
  readonly at: number;
  /** The user id that acted (or "cli:<account>" for an administrator's command). */
  readonly by: string;
  readonly what: ActivityKind;
  /** A few words more: the new name, the version, the share given, why a save was refused. */
  readonly detail?: string;
  /** The WOPI client's id of an activity it reported, so a retried report is kept once. */
  readonly ref?: string;
}

/** How many entries a record keeps; each write of the item is billed on its size, so the list stays short. */
export const ACTIVITY_KEPT = 50;

/** The record's list with `entry` added, the oldest dropped past the bound. */
export function withActivity(activity: readonly Activity[], entry: Activity): Activity[] {
  return [...activity, entry].slice(-ACTIVITY_KEPT);
}
