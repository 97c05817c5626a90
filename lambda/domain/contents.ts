// Removing stored bytes that nothing needs any more, without failing the request that noticed.
import type { ContentStore } from './ports';

export async function deleteQuietly(contents: ContentStore, key: string): Promise<void> {
  // A leftover object costs storage, never correctness: the orphan sweep finds what this misses.
  await contents.delete(key).catch(() => undefined);
}
