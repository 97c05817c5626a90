// The table's shape, shared by the CDK stack, the adapters and the emulator setup, so all make and read the same
// table. Plain constants: the CDK synth imports them without pulling in any AWS client.

export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
/** Epoch seconds; DynamoDB TTL removes recovery copies and short-lived records. Locks never rely on it. */
export const TTL_ATTRIBUTE = 'expiresAt';
