// SuperOffice's document check-out API (seed 004, and the Agents its official client calls): its arguments, wherever
// a route takes them, and its answers (ReturnInfo, CheckoutInfo, its error), in JSON or, when asked, XML.
import { BadRequestError, CheckOutRefusedError, ForbiddenError } from '../domain/errors';
import type { FileRecord } from '../domain/file-record';
import { propertyOf } from '../json-object';
import { type ApiRequest, apiRequestOf } from './api-handler';
import { jsonObjectBody } from './json-body';
import type { ErrorStyle } from './middleware';
import { json, type WopiResponse } from './wopi-response';
import { type FlatValue, flatXml } from './xml';

export interface SuperOfficeArguments {
  /** A document number, or one of our string ids. */
  readonly documentId: string;
  readonly allowedReturnTypes: readonly string[];
  readonly versionDescription: string | undefined;
}

/** Where a route finds its arguments; throws BadRequestError for what no SuperOffice server would take either. */
export type ArgumentReader = (request: ApiRequest) => SuperOfficeArguments;

/**
 * The REST routes, /api/v1/Document/{documentId}/Lock: the id in the path, the rest in the query. An array may come
 * comma-joined (the docs' samples), repeated (API Gateway joins those with commas) or as axios's `name[]`.
 */
export const restArguments: ArgumentReader = (request) => {
  const list = (name: string) => splitList([request.query[name], request.query[`${name}[]`]].join(','));
  return {
    documentId: request.pathId ?? '',
    allowedReturnTypes: list('allowedReturnTypes'),
    // versionExtraFields is not read: versions here have no extra fields.
    versionDescription: request.query.versionDescription,
  };
};

/** The Agents routes, /api/v1/Agents/Document/<Method>: a JSON body, its property names in any case. */
export const agentArguments: ArgumentReader = (request) => {
  const body = jsonObjectBody(request.body);
  const documentId = propertyOf(body, 'DocumentId');
  if (!Number.isInteger(documentId) && typeof documentId !== 'string') {
    throw new BadRequestError('DocumentId must be a document number');
  }
  const versionDescription = propertyOf(body, 'VersionDescription') ?? undefined;
  if (versionDescription !== undefined && typeof versionDescription !== 'string') {
    throw new BadRequestError('VersionDescription must be a string');
  }
  // Checked, as SuperOffice would, then left: versions here have no extra fields.
  stringList(body, 'VersionExtraFields');
  return {
    documentId: String(documentId),
    allowedReturnTypes: stringList(body, 'AllowedReturnTypes'),
    versionDescription,
  };
};

/** A JSON array of strings; missing or null is empty, as SuperOffice reads it. */
function stringList(body: Record<string, unknown>, name: string): string[] {
  const value = propertyOf(body, name) ?? [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new BadRequestError(`${name} must be an array of strings`);
  }
  return value;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** "An empty array implies that the client places no restriction on possible return action requests." */
function acceptsMessage(allowedReturnTypes: readonly string[]): boolean {
  return allowedReturnTypes.length === 0 || allowedReturnTypes.some((type) => type.toLowerCase() === 'message');
}

/** SuperOffice's ReturnInfo; Type is a ReturnType name, which its clients look up by name. */
export function returnInfo(record: FileRecord): Record<string, FlatValue> {
  return {
    ExternalReference: record.fileId,
    VersionId: String(record.content.version),
    Success: true,
    Type: 'None',
    Value: '',
    AdditionalInfo: '',
  };
}

/** CheckoutInfo: State is a CheckoutState name; AssociateId 0 and Name "" when nobody holds the document. */
export function checkoutInfo(
  state: 'NotCheckedOut' | 'CheckedOutOwn' | 'CheckedOutOther',
  associateId: number,
  name: string,
): Record<string, FlatValue> {
  return { State: state, AssociateId: associateId, Name: name };
}

/** The answer in the format the client's Accept asks for: JSON unless it prefers application/xml or text/xml. */
export function superOfficeAnswer(
  request: ApiRequest,
  status: number,
  root: string,
  value: Readonly<Record<string, FlatValue>>,
): WopiResponse {
  const xml = preferredXml(request.headers.accept);
  if (xml === undefined) return json(status, value);
  return { status, headers: { 'Content-Type': `${xml}; charset=utf-8` }, body: flatXml(root, value) };
}

/** The XML media type the Accept header ranks above every JSON one, if any. */
function preferredXml(accept: string | undefined): string | undefined {
  const ranked = (accept ?? '')
    .split(',')
    .map((entry, index) => {
      const [type = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked.find(({ type }) => jsonTypes.has(type) || xmlTypes.has(type));
  return first !== undefined && xmlTypes.has(first.type) ? first.type : undefined;
}

const jsonTypes = new Set(['application/json', 'text/json', '*/*', 'application/*', 'text/*']);
const xmlTypes = new Set(['application/xml', 'text/xml']);

/**
 * A refusal the user should read (held by someone else, open in another user's editor, not the holder) is a 200
 * Message result when the client takes those; any other error, and a refusal the client does not take as a Message,
 * is SuperOffice's error object with the HTTP status.
 */
export function superOfficeError(read: ArgumentReader): ErrorStyle {
  return (response, reason, error, event) => {
    const request = apiRequestOf(event);
    const refusal = error instanceof CheckOutRefusedError || error instanceof ForbiddenError;
    // A refusal comes after the arguments were read, so reading them again here cannot fail.
    if (refusal && acceptsMessage(read(request).allowedReturnTypes)) {
      const current = error instanceof CheckOutRefusedError ? error.current : undefined;
      return superOfficeAnswer(request, 200, 'ReturnInfo', {
        ExternalReference: current?.fileId ?? '',
        VersionId: current === undefined ? '' : String(current.content.version),
        Success: false,
        Type: 'Message',
        Value: reason,
        AdditionalInfo: '',
      });
    }
    const body = { Error: true, ErrorType: errorTypeOf(response.status), Message: reason, ErrorSource: 'wopi-host' };
    return superOfficeAnswer(request, response.status, 'Error', body);
  };
}

function errorTypeOf(status: number): string {
  return errorTypes.get(status) ?? (status >= 500 ? 'ServerError' : 'BadRequest');
}

const errorTypes = new Map([
  [401, 'Unauthorized'],
  [403, 'Forbidden'],
  [404, 'NotFound'],
  [409, 'Conflict'],
  [413, 'PayloadTooLarge'],
]);
