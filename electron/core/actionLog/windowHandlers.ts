// The action log a window at a time, and the figures and choices around it.
import type { actionLogWindowMethods } from '../../../shared/contract/actionLogWindow';
import { onStore, type FeatureHandlers } from '../handler';
import { actionLogSummary } from './summary';
import { actionLogWindow } from './window';

export const actionLogWindowHandlers: FeatureHandlers<typeof actionLogWindowMethods> = {
  actionLogWindow: onStore(actionLogWindow),
  actionLogSummary: onStore(actionLogSummary),
};
