// The one route table: the CDK stack makes an API Gateway route and a Lambda function of each row, and the
// local server dispatches to the same entry modules, so the two can never disagree.

/** What a route's function may do with each store; infra grants exactly this and no more. */
export type Access = 'none' | 'read' | 'write';

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path with {parameters}. */
  readonly path: string;
  /** Module under lambda/ that exports `handler`. */
  readonly entry: string;
  readonly table: Access;
  readonly bucket: Access;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/wopi/files/{file_id}', entry: 'check-file-info', table: 'read', bucket: 'read' },
  { method: 'GET', path: '/wopi/files/{file_id}/contents', entry: 'get-file', table: 'read', bucket: 'read' },
  { method: 'POST', path: '/wopi/files/{file_id}/contents', entry: 'put-file', table: 'write', bucket: 'write' },
  // Lock, GetLock, RefreshLock, Unlock, UnlockAndRelock, PutRelativeFile, RenameFile, DeleteFile, PutUserInfo,
  // picked by X-WOPI-Override.
  { method: 'POST', path: '/wopi/files/{file_id}', entry: 'files-override', table: 'write', bucket: 'write' },
  // Check-out in the shapes of ONLYOFFICE DocSpace (seed 003) and SuperOffice (seed 004). A route that answers a
  // document or associate number may give a file or user made before numbers its number, so it writes the table.
  { method: 'PUT', path: '/api/2.0/files/file/{file_id}/lock', entry: 'docspace-lock', table: 'write', bucket: 'none' },
  { method: 'GET', path: '/api/2.0/files/file/{file_id}', entry: 'docspace-file', table: 'write', bucket: 'none' },
  {
    method: 'GET',
    path: '/api/2.0/files/file/{file_id}/protectusers',
    entry: 'docspace-protect-users',
    table: 'read',
    bucket: 'none',
  },
  {
    method: 'POST',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkout',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'GET',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkout-state',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'PUT',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-checkin',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'DELETE',
    path: '/api/v1/Document/{file_id}/Lock',
    entry: 'superoffice-undo-checkout',
    table: 'write',
    bucket: 'none',
  },
  // What SuperOffice's own client (@superoffice/webapi DocumentAgent) calls: POST, the arguments in a JSON body.
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/CheckoutDocument',
    entry: 'superoffice-agent-checkout',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/GetCheckoutState',
    entry: 'superoffice-agent-checkout-state',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/CheckinDocument',
    entry: 'superoffice-agent-checkin',
    table: 'write',
    bucket: 'none',
  },
  {
    method: 'POST',
    path: '/api/v1/Agents/Document/UndoCheckoutDocument',
    entry: 'superoffice-agent-undo-checkout',
    table: 'write',
    bucket: 'none',
  },
  // The page that opens a file in the WOPI client (discovery), for an API key or a short-lived link.
  { method: 'GET', path: '/host/files/{file_id}', entry: 'host-page', table: 'read', bucket: 'none' },
];

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}
