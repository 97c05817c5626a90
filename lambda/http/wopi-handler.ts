// Turns a WOPI operation into a Lambda handler: parse, authenticate, run, answer.
import { verifyAccessToken } from '../auth/access-token';
import { NotPermittedError } from '../domain/errors';
import { getDeps } from '../wiring';
import { nameOperation, observed } from './middleware';
import type { OperationSelector } from './operation';
import { parseWopiRequest } from './wopi-request';

export function wopiHandler(select: OperationSelector) {
  // WOPI errors carry their reason in headers (error-response.ts), so the response is used as it is.
  return observed(
    (response) => response,
    async (event) => {
      const deps = await getDeps();
      const request = parseWopiRequest(event);
      const operation = select(request);
      nameOperation(event, operation.name);
      const now = deps.clock.now();
      const grant = await verifyAccessToken(deps.tokenSecret, request.accessToken, request.fileId, now);
      if (operation.needs === 'write' && grant.rights !== 'write') {
        throw new NotPermittedError(`${operation.name} needs an access token with write rights`);
      }
      return operation.run(request, { ...deps, grant, now });
    },
  );
}
