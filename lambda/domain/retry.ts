// How long a write that keeps meeting newer records may go on: until the request's time is up, with a pause
// between attempts that grows and is jittered, so racing writers do not meet again in step.

export interface Retry {
  /** False once the request has no time left for another attempt. */
  canRetry(): boolean;
  /** Waits before attempt `attempt` (2, 3, ...). */
  pause(attempt: number): Promise<void>;
}

/** For callers that must not wait (a model replays sequential steps): one attempt only. */
export const noRetry: Retry = { canRetry: () => false, pause: async () => undefined };
