// WOPI CheckEcosystem: GET /wopi/ecosystem, what the host's ecosystem offers.
import type { WopiOperation } from '../http/operation';
import type { WopiCall } from '../http/wopi-request';
import { json } from '../http/wopi-response';

export const checkEcosystem: WopiOperation<unknown, WopiCall> = {
  name: 'CheckEcosystem',
  needs: 'read',
  run: async () => json(200, { SupportsContainers: true }),
};
