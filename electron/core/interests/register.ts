// The board's register of members' interests (its one writer) and the board's publishing
// setting for the chair's signature block.
import type { InterestEntry, InterestRegister, ParsedInputOf, PublishingSettings } from '../../../shared/contract';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { DomainError, notFound } from '../errors';
import { requireBoardRow } from '../settings/settings';
import { readInterestRow, readInterestRows, rowToInterest } from '../store/interests';
import { write } from '../store/write';

export function listInterests(store: Store, input: ParsedInputOf<'listInterests'>): InterestRegister {
  const board = requireBoardRow(store, input.boardId);
  return { boardId: board.id, boardName: board.name, entries: readInterestRows(store, board.id).map(rowToInterest) };
}

export function saveInterest(store: Store, input: ParsedInputOf<'saveInterest'>): InterestEntry {
  requireBoardRow(store, input.boardId);
  const member = store.db.prepare('SELECT id FROM board_members WHERE id = ? AND board_id = ?').get(input.memberId, input.boardId);
  if (!member) throw new DomainError('invalid_input', 'That person is not on this board’s roster. Add them to the roster first.', 'memberId');
  // The schema says so too; kept here so no caller can write a register entry that ends before it starts.
  if (input.fromDate && input.toDate && input.toDate < input.fromDate) {
    throw new DomainError('invalid_input', 'The interest cannot end before it starts: check the dates.', 'toDate');
  }
  const at = nowInstant();
  const interestId = input.interestId ?? newId();
  write(store, (w) => {
    if (input.interestId) {
      const before = readInterestRow(w, input.interestId);
      if (!before || before.board_id !== input.boardId) throw notFound('interest');
      w.db
        .prepare('UPDATE interests SET member_id = ?, interest = ?, category = ?, from_date = ?, to_date = ?, updated_at = ? WHERE id = ?')
        .run(input.memberId, input.interest, input.category, input.fromDate ?? null, input.toDate ?? null, at, interestId);
    } else {
      w.db
        .prepare('INSERT INTO interests (id, board_id, member_id, interest, category, from_date, to_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(interestId, input.boardId, input.memberId, input.interest, input.category, input.fromDate ?? null, input.toDate ?? null, at, at);
    }
    // The register hangs off the roster: its screens watch roster members.
    w.log({ entity: 'roster_member', entityId: input.memberId, action: input.interestId ? 'interest_changed' : 'interest_added', detail: { interestId, interest: input.interest, category: input.category } }, at);
  });
  return rowToInterest(readInterestRow(store, interestId)!);
}

export function removeInterest(store: Store, input: ParsedInputOf<'removeInterest'>): { removed: true } {
  write(store, (w) => {
    const row = readInterestRow(w, input.interestId);
    if (!row) throw notFound('interest');
    w.db.prepare('DELETE FROM interests WHERE id = ?').run(row.id);
    w.log({ entity: 'roster_member', entityId: row.member_id, action: 'interest_removed', detail: { interestId: row.id, interest: row.interest } });
  });
  return { removed: true };
}

export function getPublishingSettings(store: Store, input: ParsedInputOf<'getPublishingSettings'>): PublishingSettings {
  const board = requireBoardRow(store, input.boardId);
  return { boardId: board.id, signatureBlock: board.signature_block === 1 };
}

export function setSignatureBlock(store: Store, input: ParsedInputOf<'setSignatureBlock'>): PublishingSettings {
  const board = requireBoardRow(store, input.boardId);
  const value = input.signatureBlock ? 1 : 0;
  if (board.signature_block !== value) {
    write(store, (w) => {
      const at = nowInstant();
      w.db.prepare('UPDATE boards SET signature_block = ?, updated_at = ? WHERE id = ?').run(value, at, board.id);
      w.log({ entity: 'board', entityId: board.id, action: 'settings', detail: { signatureBlock: input.signatureBlock } }, at);
    });
  }
  return { boardId: board.id, signatureBlock: input.signatureBlock };
}
