// GET /: the web page people work from (sign in, browse, upload, share, open in the editor), served by the same route
// table on AWS and locally; its script talks to the files API.
import { script, scriptHash, style, styleHash } from '../generated/web-assets';
import { filesApiError } from '../http/files-api';
import { nameOperation, observed } from '../http/middleware';
import { webPage } from '../http/web-page-html';
import { config } from '../wiring/runtime';

export const handler = observed(filesApiError, async (event) => {
  nameOperation(event, 'WebPage');
  return webPage({ script, scriptHash, style, styleHash }, config());
});
