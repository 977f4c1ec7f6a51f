// The board's own abbreviations (RIO, LSCB), learnt by core from its minutes, so the roster
// check under the discussion does not flag them as unknown initials.
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';

const NONE: readonly string[] = [];

export function useBoardAcronyms(boardId: string): readonly string[] {
  const vocabulary = useLiveQuery(() => call('boardVocabulary', { boardId }), [boardId], { watches: ['meeting', 'roster_member'] });
  return vocabulary.data?.acronyms ?? NONE;
}
