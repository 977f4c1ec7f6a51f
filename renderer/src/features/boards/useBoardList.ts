// The boards with their meeting counts and dates, as the sidebar, the home page and a board's
// page list them: live, so a board or meeting made anywhere shows everywhere.
import type { BoardSummary } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveQuery, type Query } from '../../api/useLiveQuery';

export function useBoardList(): Query<BoardSummary[]> {
  return useLiveQuery(() => call('listBoards', {}), [], { watches: ['board', 'meeting'] });
}
