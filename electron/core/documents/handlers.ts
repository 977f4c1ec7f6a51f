// The minutes, the action log and the register of interests as Word and accessible HTML documents.
import type { documentsMethods } from '../../../shared/contract/documents';
import { requireStore, type FeatureHandlers } from '../handler';
import { exportActionLogDocx } from './actionLogDocx';
import { exportInterestRegister } from './interestRegister';
import { exportMinutesDocument } from './minutesDocuments';

export const documentsHandlers: FeatureHandlers<typeof documentsMethods> = {
  exportMinutesDocument: (ctx, input) => exportMinutesDocument(requireStore(ctx), input, ctx.hooks),
  exportActionLogDocx: (ctx, input) => exportActionLogDocx(requireStore(ctx), input, ctx.hooks),
  exportInterestRegister: (ctx, input) => exportInterestRegister(requireStore(ctx), input, ctx.hooks),
};
