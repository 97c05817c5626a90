// Uploads of any size with progress, for the CLI: multipart (lib-storage), so no deployed function carries it.
import { Upload } from '@aws-sdk/lib-storage';
import { S3ContentStore } from './s3-content-store';

export class S3ProgressContentStore extends S3ContentStore {
  /** Like put, in parts, reporting the bytes sent so far. */
  async putWithProgress(key: string, body: Uint8Array, onProgress: (sentBytes: number) => void): Promise<void> {
    const upload = new Upload({ client: this.s3, params: { Bucket: this.bucket, Key: key, Body: body } });
    upload.on('httpUploadProgress', (progress) => onProgress(progress.loaded ?? 0));
    await upload.done();
  }
}
