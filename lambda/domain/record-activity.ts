// Adds an entry to a file's activity list on its own, for what changes nothing else on the record (a refused
// save): a write that requires the revision it read, tried again when another write came first.
import { type Activity, withActivity } from './activity';
import type { FileStore } from './ports';
import { revisedWrite } from './write-rules';

const ATTEMPTS = 5;

export async function recordActivity(files: FileStore, fileId: string, entry: Activity, now: number): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const record = await files.get(fileId);
    if (record === undefined || record.trashed !== undefined) return;
    const change = { activity: withActivity(record.activity, entry), rev: record.rev + 1 };
    if ((await files.update(fileId, revisedWrite(record), change, now)).applied) return;
  }
}
