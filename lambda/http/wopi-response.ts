// What an operation answers, and its translation into an API Gateway (payload 2.0) result.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface WopiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

export function ok(headers: Record<string, string> = {}): WopiResponse {
  return { status: 200, headers };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): WopiResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function toApiGatewayResult(response: WopiResponse): APIGatewayProxyStructuredResultV2 {
  const { body } = response;
  const binary = body instanceof Uint8Array;
  return {
    statusCode: response.status,
    headers: { ...response.headers },
    body: binary ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64') : (body ?? ''),
    isBase64Encoded: binary,
  };
}
