// The minutes as an accessible PDF, public or full version.
import type { publicationMethods } from '../../../shared/contract/publication';
import { requireStore, type FeatureHandlers } from '../handler';
import { exportMinutesPdf } from './publication';

export const publicationHandlers: FeatureHandlers<typeof publicationMethods> = {
  exportMinutesPdf: (ctx, input) => exportMinutesPdf(requireStore(ctx), input, ctx.hooks),
};
