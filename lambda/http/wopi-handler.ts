// Turns a WOPI operation into a Lambda handler: parse, authenticate, run, answer. The entry wires the stores.
import { verifyAccessToken } from '../auth/access-token';
import { NotPermittedError } from '../domain/errors';
import { nameOperation, nameUser, observed } from './middleware';
import type { OperationSelector, WopiBase } from './operation';
import { parseWopiRequest } from './wopi-request';

export function wopiHandler<Stores>(select: OperationSelector<Stores>, wire: () => Promise<WopiBase & Stores>) {
  // WOPI errors carry their reason in headers (error-response.ts), so the response is used as it is.
  return observed(
    (response) => response,
    async (event) => {
      const deps = await wire();
      const request = parseWopiRequest(event);
      const operation = select(request);
      nameOperation(event, operation.name);
      const now = deps.clock.now();
      // Proof first: it shows the request comes from the WOPI client before the token says who the user is.
      if (deps.config.proofKeys && deps.discovery !== undefined) {
        const { headers } = request;
        const publicUrl = deps.config.publicUrl;
        await deps.discovery.verifyProof(
          {
            accessToken: request.accessToken ?? '',
            // Behind API Gateway the client called the public URL (custom domain, stage), not the event's host.
            url: publicUrl === undefined ? request.url : `${publicUrl}${request.wopiPathAndQuery}`,
            proof: headers['x-wopi-proof'],
            proofOld: headers['x-wopi-proofold'],
            timestamp: headers['x-wopi-timestamp'],
          },
          now,
        );
      }
      const { tokenMaxAgeSeconds } = deps.config;
      const grant = await verifyAccessToken(
        deps.tokenSecret,
        request.accessToken,
        request.fileId,
        now,
        tokenMaxAgeSeconds,
      );
      nameUser(event, grant.userId);
      if (operation.needs === 'write' && grant.rights !== 'write') {
        throw new NotPermittedError(`${operation.name} needs an access token with write rights`);
      }
      return operation.run(request, { ...deps, grant, now });
    },
  );
}
