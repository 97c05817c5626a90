// GET /host/api/openapi.json: the files API's OpenAPI 3.1 document.

import { filesApiError } from '../http/files-api';
import { nameOperation, observed } from '../http/middleware';
import { openApiDocument } from '../http/openapi';
import { json } from '../http/wopi-response';

export const handler = observed(filesApiError, async (event) => {
  nameOperation(event, 'OpenApiDocument');
  return json(200, openApiDocument, { 'Cache-Control': 'public, max-age=300' });
});
