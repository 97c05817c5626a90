// A save the host refused for a lock, check-out or timestamp reason is kept, not dropped: no user's work is
// silently lost.

export type RefusalReason = 'lock-mismatch' | 'not-locked' | 'checked-out' | 'timestamp-mismatch';

export interface RecoveryCopy {
  readonly fileId: string;
  /** Unique per copy; sorts by time. */
  readonly copyId: string;
  readonly contentKey: string;
  readonly size: number;
  readonly sha256: string;
  readonly sentBy: string;
  readonly sentAt: number;
  readonly reason: RefusalReason;
  readonly detail: string;
  /** Epoch milliseconds after which the copy may be deleted. */
  readonly keepUntil: number;
}
