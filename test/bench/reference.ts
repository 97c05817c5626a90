// The reference the figures are read against: cs3org/wopiserver (CERN's WOPI server, Python, local file system),
// run outside the project on the same machine type with the same kind of client (one keep-alive connection per
// client, 2,000 operations after 200 warm-up, files of 1 KiB), medians of three quiet runs (issue 15). The bench
// does not run it; these are its published figures, in calls per second (Lock→Unlock: cycles per second).
export interface Reference {
  readonly clients_1: number;
  readonly clients_16: number;
  /** What the host should do at 16 clients: as much as cs3, twice as much for the lock operations. */
  readonly target_16: number;
}

const reference = (clients_1: number, clients_16: number, factor: 1 | 2): Reference => ({
  clients_1,
  clients_16,
  target_16: clients_16 * factor,
});

export const CS3: Readonly<Record<string, Reference>> = {
  LockUnlock: reference(370, 244, 2),
  GetLock: reference(1187, 997, 2),
  PutFile: reference(535, 424, 1),
  CheckFileInfo: reference(1052, 823, 1),
  GetFile: reference(834, 693, 1),
};

/** At 1 client, each operation's p50 should be within this many times the raw storage calls it makes. */
export const RAW_RATIO_TARGET = 1.3;

/** Cold init of every bundle should be within this many times the minimal bundle's. */
export const COLD_INIT_RATIO_TARGET = 1.5;
