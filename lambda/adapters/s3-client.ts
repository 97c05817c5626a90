// The S3 client, created once per container. An endpoint is set only for the local emulator.
import { S3Client } from '@aws-sdk/client-s3';
import { type ClientOptions, emulatorCredentials } from './emulator-credentials';

export function createS3Client(options: ClientOptions): S3Client {
  return new S3Client({
    region: options.region,
    // With the SDK's default (WHEN_SUPPORTED), a presigned PUT carries the CRC32 of an empty body, which S3 then
    // compares with the browser's upload and refuses it; the SigV4 payload hash still covers the SDK's own PUTs.
    // It also keeps s3rver from storing streamed bodies with their aws-chunked framing.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(options.s3Endpoint && {
      endpoint: options.s3Endpoint,
      credentials: emulatorCredentials,
      forcePathStyle: true,
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  });
}
