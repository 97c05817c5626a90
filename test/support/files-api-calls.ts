// Calls of the files API (/host/api/) as one of the people of test/support/api-people.ts, and the one error shape
// every refusal must take.
import { afterAll, beforeAll, expect } from 'vitest';
import { addPeople, type People, type Person } from './api-people';
import { type HostOptions, startTestHost, type TestHost } from './wopi-host';

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

export interface ApiHost {
  readonly host: TestHost;
  readonly people: People;
  readonly call: ApiCall;
  /** GET /host/api/files/{id}/content's bytes (the redirect, if any, followed) as `who`. */
  download(fileId: string, who?: Person): Promise<Buffer>;
}

/** A test host with the people of api-people.ts for the test file: started before its tests, closed after. */
export function useApiHost(options: () => HostOptions = () => ({})): ApiHost {
  const world: { host?: TestHost; people?: People; call?: ApiCall } = {};
  const known = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The test host is not started yet');
    return value;
  };
  beforeAll(async () => {
    world.host = await startTestHost(options());
    world.people = await addPeople(world.host);
    world.call = apiCalls(world.host, world.people);
  });
  afterAll(async () => {
    await world.host?.close();
  });
  return {
    get host() {
      return known(world.host);
    },
    get people() {
      return known(world.people);
    },
    get call() {
      return known(world.call);
    },
    async download(fileId, who = 'owner-1') {
      const response = await fetch(`${known(world.host).baseUrl}/host/api/files/${fileId}/content`, {
        headers: { Authorization: `Bearer ${known(world.people).keys[who]}` },
      });
      return Buffer.from(await response.arrayBuffer());
    },
  };
}
