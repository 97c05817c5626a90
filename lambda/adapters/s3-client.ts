// The S3 client, created once per container. An endpoint is set only for the local emulator.
import { S3Client } from '@aws-sdk/client-s3';
import { type ClientOptions, emulatorCredentials } from './emulator-credentials';

export function createS3Client(options: ClientOptions): S3Client {
  return new S3Client({
    region: options.region,
    ...(options.s3Endpoint && {
      endpoint: options.s3Endpoint,
      credentials: emulatorCredentials,
      forcePathStyle: true,
      // With the SDK's default, s3rver stores streamed bodies with their aws-chunked framing.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  });
}
