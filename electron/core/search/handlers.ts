// Full-text search: the search method's handler.
import type { searchMethods } from '../../../shared/contract/search';
import { onStore, type FeatureHandlers } from '../handler';
import { search } from './search';

export const searchHandlers: FeatureHandlers<typeof searchMethods> = {
  search: onStore(search),
};
