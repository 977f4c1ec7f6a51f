// Objects core makes per row share one hidden class, however often they are made
// (shared/domain/withFields.ts, store/lazyProperty.ts). One class each is made by V8's runtime
// and kept in the old generation until a full collection: opening a meeting made ~90 of them, and
// the young collections that followed paused the main thread for 12–20 ms on the large store.
// V8's own test of two objects' hidden classes (%HaveSameMap) is turned on for this file only.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { numberItems } from '../../shared/domain/numbering';
import { withFields } from '../../shared/domain/withFields';
import { bulletListNode, discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { lazyProperty } from '../../electron/core/store/lazyProperty';
import { readMeetingRecord } from '../../electron/core/store/meetingRecord';
import { ok, tempCore } from '../helpers/temp';

v8.setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** The objects `make` gives at its first call and at its 30th: V8 changes how it makes them after a few calls. */
function firstAndLater<T extends object>(make: () => T): [T, T] {
  const first = make();
  let later = first;
  for (let i = 0; i < 30; i++) later = make();
  return [first, later];
}

describe('objects made per row', () => {
  it('a copy with more fields: one hidden class for every copy', () => {
    let n = 0;
    const [a, b] = firstAndLater(() => withFields({ id: `i${n}`, parentId: null, position: n++ }, { number: '1', depth: 1 }));
    expect(b).toEqual({ id: 'i30', parentId: null, position: 30, number: '1', depth: 1 });
    expect(sameHiddenClass(a, b)).toBe(true);
  });

  it('numbered items: one hidden class for every item', () => {
    const outline = [
      { id: 'a', parentId: null, position: 0 },
      { id: 'b', parentId: 'a', position: 0 },
      { id: 'c', parentId: null, position: 1 },
    ];
    const [first, later] = firstAndLater(() => numberItems(outline, 'letters'));
    expect(later.map((i) => [i.id, i.number, i.depth])).toEqual([
      ['a', '1', 1],
      ['b', '1a', 2],
      ['c', '2', 1],
    ]);
    expect(sameHiddenClass(first[0]!, later[0]!)).toBe(true);
    expect(sameHiddenClass(later[0]!, later[1]!)).toBe(true);
  });

  it('values read when first asked for: one hidden class for every object', () => {
    let n = 0;
    const [a, b] = firstAndLater(() => lazyProperty(lazyProperty({ id: `r${n++}` }, 'discussion_json', () => '{}'), 'discussion_text', () => ''));
    expect(sameHiddenClass(a, b)).toBe(true);
  });

  it('a meeting’s record: its items, and its items’ rows, share one hidden class, however often it is read', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    for (const title of ['Safeguarding', 'Finance', 'Any other business']) {
      const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title }).item;
      ok(core, 'saveDiscussion', { itemId: item.id, json: discussionRootJson([paragraphNode([textNode(`${title} was noted.`)]), bulletListNode(['One', 'Two'])]) });
    }
    const db = core.store!.db;
    const [first, later] = firstAndLater(() => readMeetingRecord(db, meeting.id));
    expect(later.items.map((i) => i.discussionText)).toEqual(['Safeguarding was noted.\n- One\n- Two', 'Finance was noted.\n- One\n- Two', 'Any other business was noted.\n- One\n- Two']);
    expect(sameHiddenClass(first.items[0]!, later.items[0]!)).toBe(true);
    expect(sameHiddenClass(later.items[0]!, later.items[2]!)).toBe(true);
    expect(sameHiddenClass(first.rows.agenda_items[0]!, later.rows.agenda_items[1]!)).toBe(true);
    core.close();
  });
});
