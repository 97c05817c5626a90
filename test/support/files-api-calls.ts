// Calls of the files API (/host/api/) as one of the people of test/support/api-people.ts, and the one error shape
// every refusal must take.
import { expect } from 'vitest';
import type { People, Person } from './api-people';
import type { TestHost } from './wopi-host';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface CallOptions {
  /** Sent as it is, with Content-Type application/json: for bodies that are not JSON. */
  readonly raw?: string;
}

export type ApiCall = (
  who: Person,
  method: string,
  path: string,
  body?: unknown,
  options?: CallOptions,
) => Promise<ApiAnswer>;

export function apiCalls(host: TestHost, people: People): ApiCall {
  return async (who, method, path, body, options = {}) => {
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await fetch(`${host.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        Authorization: `Bearer ${people.keys[who]}`,
        ...(payload !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(payload !== undefined && { body: payload }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
}

/** The answer is a refusal with this status in the API's one shape, its message saying why. */
export function expectRefusal(answer: ApiAnswer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  const { message } = (answer.body as { error: { message: string } }).error;
  expect(message.length).toBeGreaterThan(0);
}
