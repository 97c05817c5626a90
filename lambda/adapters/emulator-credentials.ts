// What both SDK clients are made from: the region, and endpoints only when they talk to the local emulators.

export interface ClientOptions {
  readonly region: string;
  readonly dynamodbEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
}

// Emulators accept any credentials; a fixed pair keeps the SDK from searching the machine for real ones.
export const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
