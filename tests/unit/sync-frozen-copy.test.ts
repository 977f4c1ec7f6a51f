// The frozen copy of agreed minutes in their meeting's document: written with an agreement made
// while the board is shared (exactly the agreed tables and discussion texts), never for minutes
// agreed before sharing (they reach every laptop already agreed), and once it is there the mirror
// writes nothing more into that document (publishing goes into the board's document).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { frozenCopy, frozenDiscussion, frozenTableRows } from '../../electron/core/sync/frozenRecord';
import { scopedRows, tablesOf } from '../../electron/core/sync/registry';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { sharedSample } from '../helpers/syncScripts';

const meetingDoc = (core: Core, boardId: string, meetingId: string): Y.Doc => engineOf(core).boards.get(boardId)!.replica.meeting(meetingId).doc;

describe('the frozen copy of agreed minutes', () => {
  it('is written with an agreement made while shared, holds the agreed record exactly, and is the last the mirror writes there', async () => {
    let later = '';
    const s = await sharedSample(['a', 'b'], (a, boardId) => {
      const date = a.store!.db.prepare("SELECT meeting_date FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
      later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    });
    const [a, b] = s.laptops as [Core, Core];
    const db = a.store!.db;

    // Minutes agreed before the board was shared carry no copy.
    const agreedBefore = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status IN ('agreed', 'published')").pluck().all(s.boardId) as string[];
    expect(agreedBefore.length).toBeGreaterThan(0);
    for (const id of agreedBefore) expect(frozenCopy(meetingDoc(a, s.boardId, id))).toBeNull();

    ok(a, 'circulateMinutes', { meetingId: s.draftId });
    ok(a, 'agreeMinutes', { meetingId: s.draftId, atMeetingId: later });
    const doc = meetingDoc(a, s.boardId, s.draftId);
    const copy = frozenCopy(doc);
    expect(copy).not.toBeNull();
    for (const table of tablesOf('meeting')) expect([...frozenTableRows(db, copy!, table)], table.table).toEqual([...scopedRows(db, table, s.draftId)]);
    const discussions = db.prepare('SELECT id, ma_discussion_json(discussion_deflated) AS discussion_json FROM agenda_items WHERE meeting_id = ?').all(s.draftId) as Array<{ id: string; discussion_json: string | null }>;
    expect(discussions.some((d) => d.discussion_json !== null)).toBe(true);
    for (const d of discussions) expect(frozenDiscussion(copy!, d.id)).toBe(d.discussion_json);

    // Publishing changes the minutes' state (in the board's document), never their own document.
    await until(s.laptops, () => inStep(s.laptops, s.boardId));
    const before = Y.encodeStateVector(doc);
    ok(a, 'publishMinutes', { meetingId: s.draftId });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && b.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(s.draftId) === 'published');
    expect(frozenCopy(meetingDoc(b, s.boardId, s.draftId))).toEqual(copy);
    expect(ok<{ matches: boolean }>(b, 'verifyMinutes', { meetingId: s.draftId }).matches).toBe(true);
  });
});
