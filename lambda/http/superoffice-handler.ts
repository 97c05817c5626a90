// A SuperOffice route is where it reads its arguments (REST or Agent) and one of the four check-out actions. Its
// error style reads the same arguments, so a refusal becomes a Message result there, with no try/catch here.
import { checkIn, checkOut, checkOutStateOf, undoCheckOut } from '../domain/check-out';
import { addressedFile, associateNumberOf } from '../domain/numbers';
import { type ApiContext, apiHandler, type DocumentApiBase, type DocumentStores } from './api-handler';
import {
  type ArgumentReader,
  checkoutInfo,
  returnInfo,
  type SuperOfficeArguments,
  superOfficeAnswer,
  superOfficeError,
} from './superoffice';
import type { FlatValue } from './xml';

interface SuperOfficeResult {
  /** The carrier's name, the root element of its XML form. */
  readonly root: 'ReturnInfo' | 'CheckoutInfo';
  readonly value: Readonly<Record<string, FlatValue>>;
}

export type SuperOfficeAction = (
  args: SuperOfficeArguments,
  ctx: ApiContext<DocumentStores>,
) => Promise<SuperOfficeResult>;

export function superOfficeHandler(
  name: string,
  read: ArgumentReader,
  action: SuperOfficeAction,
  wire: () => Promise<DocumentApiBase>,
) {
  return apiHandler(name, superOfficeError(read), wire, async (req, ctx) => {
    const { root, value } = await action(read(req), ctx);
    return superOfficeAnswer(req, 200, root, value);
  });
}

/** CheckoutDocument: "Check out a document for editing by the current user." */
export const checkoutDocument: SuperOfficeAction = async (args, ctx) => {
  const { fileId } = await addressedFile(ctx, args.documentId, ctx.user);
  return { root: 'ReturnInfo', value: returnInfo(await checkOut(ctx, fileId, ctx.user)) };
};

/** UndoCheckoutDocument: the holder (or the file's owner) gives the document back unchanged. */
export const undoCheckoutDocument: SuperOfficeAction = async (args, ctx) => {
  const { fileId } = await addressedFile(ctx, args.documentId, ctx.user);
  return { root: 'ReturnInfo', value: returnInfo(await undoCheckOut(ctx, fileId, ctx.user)) };
};

/** CheckinDocument: the holder ends the check-out; versionDescription is kept on the current version. */
export const checkinDocument: SuperOfficeAction = async (args, ctx) => {
  const { fileId } = await addressedFile(ctx, args.documentId, ctx.user);
  const record = await checkIn(ctx, fileId, ctx.user, args.versionDescription);
  return { root: 'ReturnInfo', value: returnInfo(record) };
};

/** GetCheckoutState, as the caller sees it; AssociateId is the holder's associate number. */
export const getCheckoutState: SuperOfficeAction = async (args, ctx) => {
  const record = await addressedFile(ctx, args.documentId, ctx.user);
  const state = checkOutStateOf(record, ctx.user.userId);
  if (record.checkOut === undefined) return { root: 'CheckoutInfo', value: checkoutInfo(state, 0, '') };
  const holder = await ctx.users.getUser(record.checkOut.holder);
  const associateId = holder === undefined ? 0 : await associateNumberOf(ctx, holder);
  return { root: 'CheckoutInfo', value: checkoutInfo(state, associateId, record.checkOut.holderName) };
};
