// A board's vocabulary, learnt from the discussion, decisions and actions of its minutes
// (shared/domain/boardAcronyms.ts), for the roster check in the editor.
import type { BoardVocabulary, ParsedInputOf } from '../../../shared/contract';
import { learnAcronyms } from '../../../shared/domain/boardAcronyms';
import type { Store } from '../db/open';
import { requireBoardRow } from '../settings/settings';
import { discussionTextSql, registerDiscussionText } from '../store/discussionText';

export function boardVocabulary(store: Store, input: ParsedInputOf<'boardVocabulary'>): BoardVocabulary {
  requireBoardRow(store, input.boardId);
  registerDiscussionText(store.db);
  const texts = store.db
    .prepare(
      `SELECT m.id,
         coalesce((SELECT group_concat(i.title || ' ' || ${discussionTextSql(store.db, 'i')}, ' ') FROM agenda_items i WHERE i.meeting_id = m.id), '') || ' ' ||
         coalesce((SELECT group_concat(d.text, ' ') FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = m.id), '') || ' ' ||
         coalesce((SELECT group_concat(a.details, ' ') FROM actions a WHERE a.meeting_id = m.id), '') AS text
       FROM meetings m WHERE m.board_id = ?`,
    )
    .all(input.boardId) as Array<{ id: string; text: string }>;
  const initials = store.db.prepare('SELECT initials FROM board_members WHERE board_id = ?').pluck().all(input.boardId) as string[];
  return { boardId: input.boardId, acronyms: learnAcronyms(texts.map((t) => t.text), initials) };
}
