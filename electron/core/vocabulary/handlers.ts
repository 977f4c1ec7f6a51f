// A board's vocabulary: the abbreviations its minutes use that are not people.
import type { vocabularyMethods } from '../../../shared/contract/vocabulary';
import { onStore, type FeatureHandlers } from '../handler';
import { boardVocabulary } from './vocabulary';

export const vocabularyHandlers: FeatureHandlers<typeof vocabularyMethods> = {
  boardVocabulary: onStore(boardVocabulary),
};
