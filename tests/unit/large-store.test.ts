// The bench's large-store generator: deterministic from its seed, and its batched path (one
// outer transaction per meeting) gives exactly the data of calls made one by one.
import { describe, expect, it } from 'vitest';
import { buildLargeStore, LARGE_STORE } from '../bench/largeStore';
import { tempCore } from '../helpers/temp';
import type { Core } from '../../electron/core/app';

const SMALL = { ...LARGE_STORE, boards: 2, meetingsPerBoard: 3, itemsPerMeeting: 6, actionsPerMeeting: 4, membersPerBoard: 8 };

/** The content, without ids and timestamps (random and clock-bound by design). */
function content(core: Core): unknown {
  const db = core.store!.db;
  return {
    boards: db.prepare('SELECT name, short_code FROM boards ORDER BY name').all(),
    members: db.prepare('SELECT b.name AS board, m.initials, p.full_name FROM board_members m JOIN boards b ON b.id = m.board_id JOIN people p ON p.id = m.person_id ORDER BY 1, 2').all(),
    meetings: db.prepare('SELECT b.name AS board, meeting_date, start_time, venue FROM meetings m JOIN boards b ON b.id = m.board_id ORDER BY 1, 2').all(),
    items: db
      .prepare('SELECT m.meeting_date, b.name AS board, i.number, i.title, ma_discussion_json(i.discussion_deflated) AS discussion_json, i.discussion_text FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN boards b ON b.id = m.board_id ORDER BY 2, 1, 3')
      .all(),
    decisions: db.prepare('SELECT i.number, d.text FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id ORDER BY i.number, d.text').all(),
    updates: db
      .prepare('SELECT a.reference, m.meeting_date, u.text, u.status FROM action_updates u JOIN actions a ON a.id = u.action_id JOIN meetings m ON m.id = u.meeting_id ORDER BY 1, 2')
      .all(),
    actions: db.prepare('SELECT a.reference, a.details, a.due_kind, a.due_text, a.status, (SELECT group_concat(bm.initials) FROM action_owners o JOIN board_members bm ON bm.id = o.member_id WHERE o.action_id = a.id) AS owners FROM actions a ORDER BY a.reference').all(),
  };
}

describe('the large-store generator', () => {
  it('builds the same data batched as call by call, and the same again from the same seed', async () => {
    const batched = await tempCore();
    const built = buildLargeStore(batched, SMALL);
    expect(built.counts).toMatchObject({ meetings: 6, items: 36, actions: 24 });
    expect(built.counts.updates).toBeGreaterThan(0);
    const oneByOne = await tempCore();
    buildLargeStore(oneByOne, { ...SMALL, batched: false });
    expect(content(batched)).toEqual(content(oneByOne));
    const again = await tempCore();
    buildLargeStore(again, SMALL);
    expect(content(again)).toEqual(content(batched));
  });
});
