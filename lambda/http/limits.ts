// Limits of the deployed path (API Gateway HTTP API -> Lambda) that the local server enforces too.

/** A synchronous Lambda invocation's event and result may each be at most 6 MB (6,291,456 bytes). */
export const LAMBDA_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
