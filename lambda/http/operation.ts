// A WOPI operation as the handlers see it: a name, the right it needs, and a function of the request and of the
// stores its entry wired.
import type { DiscoveryClient } from '../adapters/wopi-discovery';
import type { Rights, TokenGrant } from '../auth/access-token';
import type { Config } from '../config';
import type { Clock } from '../domain/ports';
import type { WopiCall, WopiRequest } from './wopi-request';
import type { WopiResponse } from './wopi-response';

/** What every WOPI function needs besides its stores: settings, time, the token key and the client's proof keys. */
export interface WopiBase {
  readonly config: Config;
  readonly clock: Clock;
  readonly tokenSecret: Uint8Array;
  readonly discovery: DiscoveryClient | undefined;
}

export type OperationContext<Stores = unknown> = WopiBase &
  Stores & {
    /** Who the token names and its ceiling; what it is for is the request's file, container or ecosystem. */
    readonly grant: TokenGrant;
    /** One instant per request, so every rule in it sees the same time. */
    readonly now: number;
  };

export interface WopiOperation<Stores = unknown, Request extends WopiCall = WopiRequest> {
  /** The operation's name in the WOPI docs, used in logs and metrics. */
  readonly name: string;
  readonly needs: Rights;
  run(request: Request, context: OperationContext<Stores>): Promise<WopiResponse>;
}

/** Picks the operation for a request; for most routes there is only one. */
export type OperationSelector<Stores, Request extends WopiCall = WopiRequest> = (
  request: Request,
) => WopiOperation<Stores, Request>;
