// The DynamoDB client, created once per container. An endpoint is set only for the local emulator.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ClientOptions, emulatorCredentials } from './emulator-credentials';

export type { ClientOptions };

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
