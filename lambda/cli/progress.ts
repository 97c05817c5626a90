// Upload progress on stderr, so large uploads show they are moving and stdout stays parseable.
import type { ContentStore } from '../domain/ports';

export interface ProgressUploads {
  putWithProgress(key: string, body: Uint8Array, onProgress: (sentBytes: number) => void): Promise<void>;
}

/** The same store, whose uploads go in parts and report their progress. */
export function withProgress(contents: ContentStore, uploads: ProgressUploads, total: number): ContentStore {
  return {
    put: async (key, body) => {
      let shown = -1;
      await uploads.putWithProgress(key, body, (sent) => {
        const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
        if (percent === shown) return;
        shown = percent;
        process.stderr.write(`\rUploading ${(total / 1e6).toFixed(1)} MB: ${percent}%`);
      });
      process.stderr.write('\n');
    },
    get: (key) => contents.get(key),
    copy: (from, to) => contents.copy(from, to),
    delete: (key) => contents.delete(key),
    downloadUrl: (key, ttl) => contents.downloadUrl(key, ttl),
    uploadUrl: (key, size, ttl) => contents.uploadUrl(key, size, ttl),
    digest: (key) => contents.digest(key),
    list: (prefix) => contents.list(prefix),
  };
}
