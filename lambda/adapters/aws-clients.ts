// The SDK clients, created once per container. Endpoints are set only for the local emulators.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ClientOptions {
  readonly region: string;
  readonly dynamodbEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
}

// Emulators accept any credentials; a fixed pair keeps the SDK from searching the machine for real ones.
const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function createDynamoDbClient(options: ClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: options.region,
    ...(options.dynamodbEndpoint && { endpoint: options.dynamodbEndpoint, credentials: emulatorCredentials }),
  });
}

export function createDynamoClient(options: ClientOptions): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

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
