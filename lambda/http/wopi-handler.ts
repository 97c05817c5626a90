// Turns a WOPI operation into a Lambda handler: parse, authenticate, run, answer. The entry wires the stores.
import { type TokenScope, verifyScopedToken } from '../auth/access-token';
import { NotPermittedError } from '../domain/errors';
import { type Event, nameOperation, nameUser, observed } from './middleware';
import type { OperationSelector, WopiBase } from './operation';
import {
  type ContainerRequest,
  parseContainerRequest,
  parseWopiCall,
  parseWopiRequest,
  type WopiCall,
  type WopiRequest,
} from './wopi-request';

/** What a route acts on, as its path names it, and so what its access token must be for. */
interface Endpoint<Request extends WopiCall> {
  readonly parse: (event: Event) => Request;
  readonly scope: (request: Request) => TokenScope;
}

const files: Endpoint<WopiRequest> = { parse: parseWopiRequest, scope: (req) => ({ kind: 'file', id: req.fileId }) };
const containers: Endpoint<ContainerRequest> = {
  parse: parseContainerRequest,
  scope: (req) => ({ kind: 'container', id: req.containerId }),
};
const ecosystem: Endpoint<WopiCall> = { parse: parseWopiCall, scope: () => ({ kind: 'ecosystem' }) };

/** A route of the Files endpoint (/wopi/files/{file_id}...): its token must be the file's. */
export function wopiHandler<Stores>(select: OperationSelector<Stores>, wire: () => Promise<WopiBase & Stores>) {
  return endpointHandler(files, select, wire);
}

/** A route of the Containers endpoint (/wopi/containers/{container_id}...): its token must be the container's. */
export function containerHandler<Stores>(
  select: OperationSelector<Stores, ContainerRequest>,
  wire: () => Promise<WopiBase & Stores>,
) {
  return endpointHandler(containers, select, wire);
}

/** A route of the Ecosystem endpoint (/wopi/ecosystem...): its token must be an ecosystem token. */
export function ecosystemHandler<Stores>(
  select: OperationSelector<Stores, WopiCall>,
  wire: () => Promise<WopiBase & Stores>,
) {
  return endpointHandler(ecosystem, select, wire);
}

function endpointHandler<Stores, Request extends WopiCall>(
  endpoint: Endpoint<Request>,
  select: OperationSelector<Stores, Request>,
  wire: () => Promise<WopiBase & Stores>,
) {
  // WOPI errors carry their reason in headers (error-response.ts), so the response is used as it is.
  return observed(
    (response) => response,
    async (event) => {
      const deps = await wire();
      const request = endpoint.parse(event);
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
      const scope = endpoint.scope(request);
      const grant = await verifyScopedToken(deps.tokenSecret, request.accessToken, scope, now, tokenMaxAgeSeconds);
      nameUser(event, grant.userId);
      if (operation.needs === 'write' && grant.rights !== 'write') {
        throw new NotPermittedError(`${operation.name} needs an access token with write rights`);
      }
      return operation.run(request, { ...deps, grant, now });
    },
  );
}
