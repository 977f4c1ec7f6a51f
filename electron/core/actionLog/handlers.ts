// The action log: outstanding actions across boards, one action's history, the printable log.
import type { actionLogMethods } from '../../../shared/contract/actionLog';
import { onStore, requireStore, type FeatureHandlers } from '../handler';
import { exportActionLogPdf, getActionHistory, outstandingActions } from './actionLog';

export const actionLogHandlers: FeatureHandlers<typeof actionLogMethods> = {
  outstandingActions: onStore(outstandingActions),
  getActionHistory: onStore(getActionHistory),
  exportActionLogPdf: (ctx, input) => exportActionLogPdf(requireStore(ctx), input, ctx.hooks.printPdf),
};
