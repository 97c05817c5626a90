// http/error-response.ts: the one place where typed errors become WOPI status codes and headers.
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  LockConflictError,
  NotFoundError,
  NotImplementedError,
  NotPermittedError,
  UnauthorizedError,
} from '../../lambda/domain/errors';
import { errorResponse } from '../../lambda/http/error-response';

describe('errorResponse', () => {
  it('maps LockConflictError to 409 with X-WOPI-Lock holding the current lock and an X-WOPI-LockFailureReason', () => {
    // Prepare
    const error = new LockConflictError('lock-a', 'File is locked by another lock id');
    // Act
    const { response } = errorResponse(error);
    // Assess
    expect(response).toEqual({
      status: 409,
      headers: expect.objectContaining({
        'X-WOPI-Lock': 'lock-a',
        'X-WOPI-LockFailureReason': 'File is locked by another lock id',
      }),
    });
  });

  it('"This header must always be included when responding to the request with 409 Conflict": X-WOPI-Lock is there even when it is the empty string', () => {
    // Prepare
    const error = new LockConflictError('', 'File is not locked');
    // Act
    const { response } = errorResponse(error);
    // Assess
    expect({
      status: response.status,
      hasLock: 'X-WOPI-Lock' in (response.headers ?? {}),
      lock: response.headers?.['X-WOPI-Lock'],
    }).toEqual({
      status: 409,
      hasLock: true,
      lock: '',
    });
  });

  it.each<{ name: string; error: Error; status: number }>([
    { name: 'BadRequestError', error: new BadRequestError('X-WOPI-Lock was not provided or was empty'), status: 400 },
    { name: 'UnauthorizedError', error: new UnauthorizedError('access_token has expired'), status: 401 },
    { name: 'NotFoundError', error: new NotFoundError('File x does not exist'), status: 404 },
    {
      name: 'NotPermittedError (a valid token without the right)',
      error: new NotPermittedError('Lock needs write rights'),
      status: 404,
    },
    {
      name: 'NotImplementedError',
      error: new NotImplementedError('X-WOPI-Override "X" is not supported'),
      status: 501,
    },
  ])('maps $name to $status, with its reason in X-WOPI-ServerError and no X-WOPI-Lock', ({ error, status }) => {
    // Prepare
    const reason = error.message;
    // Act
    const { response } = errorResponse(error);
    // Assess
    expect(response).toEqual({ status, headers: { 'X-WOPI-ServerError': reason } });
  });

  it("marks a typed error as expected (a 4xx is the client's mistake, logged as such)", () => {
    // Prepare
    const error = new BadRequestError('bad');
    // Act
    const { expected, reason } = errorResponse(error);
    // Assess
    expect({ expected, reason }).toEqual({ expected: true, reason: 'bad' });
  });

  it.each<[string, unknown]>([
    ['an unexpected Error', new Error('connect ECONNREFUSED 10.0.0.1:443 (secret internals)')],
    ['a thrown string', 'something odd'],
    ['a thrown undefined', undefined],
  ])('turns %s into an opaque 500: no reason leaves the host', (_, thrown) => {
    // Prepare
    const error = thrown;
    // Act
    const answer = errorResponse(error);
    // Assess
    expect({ response: answer.response, expected: answer.expected }).toEqual({
      response: { status: 500, headers: {} },
      expected: false,
    });
  });

  it('keeps header values printable ASCII when a reason quotes what a client sent', () => {
    // Prepare
    const error = new NotImplementedError('X-WOPI-Override "VERROU-ÉTÉ\r\nX-Evil: 1" is not supported');
    // Act
    const { response } = errorResponse(error);
    // Assess
    expect(response.headers?.['X-WOPI-ServerError']).toMatch(/^[\x20-\x7e]*$/);
  });

  it('caps the reason header at 512 characters', () => {
    // Prepare
    const error = new BadRequestError('x'.repeat(5000));
    // Act
    const { response } = errorResponse(error);
    // Assess
    expect(response.headers?.['X-WOPI-ServerError']).toHaveLength(512);
  });
});
