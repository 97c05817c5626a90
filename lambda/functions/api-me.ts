// GET /host/api/me: who the caller is; a person signing in with OpenID for the first time is signed up here.
import { apiJson, signUpHandler } from '../http/files-api';
import { userJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { numberClaims } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), numbers: numberClaims() });

export const handler = signUpHandler('Me', wire, async (_req, ctx) => apiJson(200, userJson(ctx.user)));
