// GET /wopi/ecosystem: CheckEcosystem; it only verifies the token.
import { ecosystemHandler } from '../http/wopi-handler';
import { wopiBase } from '../wiring/wopi-base';
import { checkEcosystem } from '../wopi/check-ecosystem';

export const handler = ecosystemHandler(() => checkEcosystem, wopiBase);
