// The words a board's minutes use that the roster check should know are not people.
import { z } from 'zod';
import { id, method } from './common';

export interface BoardVocabulary {
  boardId: string;
  /** Capitalised abbreviations its minutes keep using that are nobody's initials (RIO, LSCB). */
  acronyms: string[];
}

export const vocabularyMethods = {
  boardVocabulary: method<BoardVocabulary>()(z.strictObject({ boardId: id })),
} as const;
