// Property test (fast-check) of how a kept row of the action log becomes the API's row
// (store/actionLogRows.ts, where SQLite writes each row as JSON text): for any kept rows, with any
// text in them (quotes, backslashes, control characters, any script, emoji), any nulls and counts,
// the log read through the API is exactly the rows mapped one by one in JavaScript, here, from the
// same kept rows, in the log's order, a window of it too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionLogOwner, ActionLogWindow, OutstandingAction } from '../../shared/contract';
import { ACTION_STATUSES, OUTSTANDING_STATUSES } from '../../shared/domain/actionStatus';
import { DUE_KINDS } from '../../shared/domain/enums';
import { londonToday } from '../../shared/domain/actionLog';
import { ok, tempCore } from '../helpers/temp';
import { forgetAllLogRows } from '../../electron/core/store/actionLogMemo';

interface Kept {
  board_id: string;
  origin_date: string;
  seq: number;
  action_id: string;
  board_name: string;
  short_code: string | null;
  reference: string;
  details: string;
  due_kind: string;
  due_date: string | null;
  due_meeting_id: string | null;
  due_text: string | null;
  effective_due: string | null;
  status: string;
  origin_id: string;
  item_id: string | null;
  item_number: string | null;
  item_title: string | null;
  owners_json: string;
  latest_meeting_id: string | null;
  latest_date: string | null;
  latest_text: string | null;
  latest_status: string | null;
  times_carried: number;
}

// Any text SQLite keeps and the API takes: every code point but NUL (refused at the door) and lone surrogates.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0') && !LONE_SURROGATE.test(s));
const hostile = fc.oneof(text, fc.constantFrom('"', '\\', '\\"', '\n\t\r', '\u2028\u2029', '</script>', '{"a":1}', '😀 Ünïcødé', '\u0001\u001f'));
// Dates either side of today, and today itself (due today is not overdue yet).
const date = fc.oneof(
  fc.integer({ min: 2000, max: 2030 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, '0')}-15`)),
  fc.constant(londonToday()),
);
const owner: fc.Arbitrary<ActionLogOwner> = fc.oneof(
  fc.record({ kind: fc.constant('member' as const), memberId: fc.uuid(), initials: hostile, fullName: hostile, key: hostile }),
  fc.record({ kind: fc.constant('group' as const), groupId: fc.uuid(), name: hostile, key: hostile }),
  fc.record({ kind: fc.constant('guest' as const), attendanceId: fc.uuid(), initials: fc.option(hostile), fullName: hostile, key: hostile }),
  fc.record({ kind: fc.constant('name' as const), name: hostile, key: hostile }),
);
const kept = (boards: string[]): fc.Arbitrary<Kept> =>
  fc.record({
    board_id: fc.constantFrom(...boards),
    origin_date: date,
    seq: fc.integer({ min: 1, max: 400 }),
    action_id: fc.uuid(),
    board_name: hostile,
    short_code: fc.option(hostile),
    reference: hostile,
    details: hostile,
    due_kind: fc.constantFrom(...DUE_KINDS),
    due_date: fc.option(date),
    due_meeting_id: fc.option(fc.uuid()),
    due_text: fc.option(hostile),
    effective_due: fc.option(date),
    status: fc.constantFrom(...OUTSTANDING_STATUSES),
    origin_id: fc.uuid(),
    item_id: fc.option(fc.uuid()),
    item_number: fc.option(hostile),
    item_title: fc.option(hostile),
    owners_json: fc.array(owner, { maxLength: 3 }).map((o) => JSON.stringify(o)),
    latest_meeting_id: fc.option(fc.uuid()),
    latest_date: fc.option(date),
    latest_text: fc.option(hostile),
    latest_status: fc.option(fc.constantFrom(...ACTION_STATUSES)),
    times_carried: fc.nat({ max: 300 }),
  }) as fc.Arbitrary<Kept>;

/** What a kept row means as the API's row: the mapping written out in JavaScript, field by field. */
function expected(r: Kept, today: string): OutstandingAction {
  return {
    id: r.action_id,
    boardId: r.board_id,
    boardName: r.board_name,
    boardShortCode: r.short_code,
    reference: r.reference,
    seq: r.seq,
    details: r.details,
    owners: JSON.parse(r.owners_json) as ActionLogOwner[],
    due: { kind: r.due_kind, date: r.due_date, meetingId: r.due_meeting_id, text: r.due_text },
    dueDate: r.effective_due,
    overdue: r.effective_due !== null && r.effective_due < today,
    status: r.status,
    origin: { meetingId: r.origin_id, meetingDate: r.origin_date, itemId: r.item_id, itemNumber: r.item_number, itemTitle: r.item_title },
    timesCarried: r.times_carried,
    latestUpdate:
      r.latest_meeting_id && r.latest_status && r.latest_date
        ? { meetingId: r.latest_meeting_id, meetingDate: r.latest_date, text: r.latest_text ?? '', status: r.latest_status, supersededBy: null }
        : null,
  } as OutstandingAction;
}

describe('the action log rows as the API returns them', () => {
  it('are exactly the kept rows mapped one by one, whatever text and nulls they hold', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    const boards = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    const columns = Object.keys(fc.sample(kept(boards), 1)[0]!).filter((c) => c !== 'times_carried');
    const insert = db.prepare(`INSERT INTO action_summaries (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    const count = db.prepare('INSERT INTO action_times_carried (board_id, action_id, times_carried) VALUES (@board_id, @action_id, @times_carried)');
    const clear = db.transaction(() => {
      db.prepare('DELETE FROM action_summaries').run();
      db.prepare('DELETE FROM action_times_carried').run();
    });
    // The rows are written here directly, not by their one writer: the rows made from the last
    // ones, held in memory (store/actionLogMemo.ts), are let go as that writer would.
    const reset = (): void => {
      clear();
      forgetAllLogRows(db);
    };
    fc.assert(
      fc.property(fc.uniqueArray(kept(boards), { selector: (r) => r.action_id, maxLength: 12 }), fc.nat({ max: 12 }), fc.integer({ min: 1, max: 5 }), (rows, offset, limit) => {
        reset();
        db.transaction(() => {
          for (const r of rows) {
            const { times_carried: _t, ...row } = r;
            insert.run(row);
            count.run(r);
          }
        })();
        const log = ok<ActionLog>(core, 'outstandingActions', {});
        const order = (a: Kept, b: Kept): number =>
          a.origin_date < b.origin_date ? -1 : a.origin_date > b.origin_date ? 1 : a.seq !== b.seq ? a.seq - b.seq : a.action_id < b.action_id ? -1 : 1;
        const want = [...rows].sort(order).map((r) => expected(r, log.today));
        expect(log.actions).toEqual(want);
        // The window reads the same rows by their ids, in its own order (due date, then where raised).
        const window = ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, sort: { by: 'raised', descending: false }, offset, limit });
        expect(window.actions).toEqual(want.slice(offset, offset + limit));
        expect(window.total).toBe(rows.length);
      }),
      { numRuns: 120 },
    );
  });
});
