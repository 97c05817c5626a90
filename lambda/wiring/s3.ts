// The S3-backed content store, for the entries whose route reads or writes file contents.
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../adapters/s3-client';
import { S3ContentStore } from '../adapters/s3-content-store';
import type { ContentStore } from '../domain/ports';
import { config, once, provisions } from './runtime';

export function s3(): S3Client {
  return provisions().s3 ?? once('s3', () => createS3Client(config()));
}

export const contentStore = (): ContentStore =>
  provisions().stores?.contents ?? new S3ContentStore(s3(), config().bucketName);
