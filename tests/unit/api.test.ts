// The contract through core's dispatch: boards and meetings, and every method refusing a
// malformed payload with a typed error while nothing in the database changes.
import { describe, expect, it } from 'vitest';
import { contract, LIMITS, methodNames, type BoardSummary, type MeetingDetail, type MeetingSummary } from '../../shared/contract';
import { handlers } from '../../electron/core/api';
import { dump, ok, tempCore } from '../helpers/temp';

const BOARD = 'Southwark Safeguarding Children Executive Board';

/** Payloads that are wrong for every method: wrong types, unknown keys, hostile strings. */
const MALFORMED: unknown[] = [
  null,
  42,
  'createBoard',
  [],
  [{}],
  { boardId: 12 },
  { meetingId: "'; DROP TABLE boards; --" },
  { name: { $gt: '' } },
  { __proto__: { polluted: true }, unexpected: 1 },
  { name: 'x'.repeat(10_000), boardId: 'not-a-uuid', meetingId: true, date: '2014-02-31' },
];

describe('every API method', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    expect(new Set(methodNames).size).toBe(methodNames.length);
  });

  it('rejects malformed payloads with a typed error and changes nothing', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
    ok(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const before = dump(core);
    for (const method of methodNames) {
      for (const payload of MALFORMED) {
        // A method without inputs ignores nothing: unknown keys and non-objects are refused too.
        const response = await core.callAsync(method, payload);
        expect(response.ok, `${method} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!response.ok) {
          expect(response.error.code).toBe('invalid_input');
          expect(response.error.message.length).toBeGreaterThan(0);
        }
      }
    }
    expect(dump(core)).toBe(before);
  });

  it('refuses an unknown method by name', async () => {
    const core = await tempCore();
    for (const name of ['dropTables', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await core.callAsync(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('has a schema for every method', () => {
    for (const name of methodNames) expect(typeof contract[name].input.safeParse).toBe('function');
  });
});

describe('boards', () => {
  it('creates, lists and renames boards', async () => {
    const core = await tempCore();
    const exec = ok<BoardSummary>(core, 'createBoard', { name: `  ${BOARD}  `, shortCode: 'SSCB' });
    expect(exec).toMatchObject({ name: BOARD, shortCode: 'SSCB', meetingCount: 0, lastMeetingDate: null });
    ok(core, 'createBoard', { name: 'Main Board' });
    expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toEqual(['Main Board', BOARD]);

    const renamed = ok<BoardSummary>(core, 'renameBoard', { boardId: exec.id, name: 'Safeguarding Executive' });
    expect(renamed.name).toBe('Safeguarding Executive');
    expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toEqual(['Main Board', 'Safeguarding Executive']);
  });

  it('refuses an empty, over-long or duplicate name with a message naming the field', async () => {
    const core = await tempCore();
    ok(core, 'createBoard', { name: BOARD });
    const before = dump(core);
    expect(core.call('createBoard', { name: '   ' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Enter a board name.', field: 'name' },
    });
    expect(core.call('createBoard', { name: 'B'.repeat(LIMITS.boardName + 1) })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: `A board name can be at most ${LIMITS.boardName} characters.`, field: 'name' },
    });
    expect(core.call('createBoard', { name: BOARD.toUpperCase() })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'name' },
    });
    expect(dump(core)).toBe(before);
  });

  it('keeps the old name on minutes already circulated when a board is renamed', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
    const held = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const draft = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-04-10' });
    core.store!.db.prepare("UPDATE meetings SET status = 'circulated' WHERE id = ?").run(held.id);
    ok(core, 'renameBoard', { boardId: board.id, name: 'Southwark Safeguarding Children Partnership' });
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: held.id }).boardName).toBe(BOARD);
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: draft.id }).boardName).toBe('Southwark Safeguarding Children Partnership');
  });

  it('records creation and renaming in the change log', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
    ok(core, 'renameBoard', { boardId: board.id, name: 'Executive' });
    const log = core.store!.db.prepare('SELECT entity, entity_id, action, detail FROM change_log ORDER BY seq').all();
    expect(log).toEqual([
      { entity: 'board', entity_id: board.id, action: 'create', detail: JSON.stringify({ name: BOARD }) },
      { entity: 'board', entity_id: board.id, action: 'rename', detail: JSON.stringify({ from: BOARD, to: 'Executive' }) },
    ]);
  });
});

describe('meetings', () => {
  it('creates a meeting, lists it for its board newest first, and gets it', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
    const other = ok<BoardSummary>(core, 'createBoard', { name: 'Main Board' });
    const feb = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '11:00', endTime: '13:00' });
    const apr = ok<MeetingDetail>(core, 'createMeeting', {
      boardId: board.id,
      date: '2014-04-10',
      startTime: '13:00',
      endTime: '15:00',
      venue: 'Room G02b, 160 Tooley Street, SE1',
    });
    ok(core, 'createMeeting', { boardId: other.id, date: '2014-03-01' });

    expect(feb).toMatchObject({ boardName: BOARD, date: '2014-02-19', startTime: '11:00', endTime: '13:00', venue: null, status: 'draft' });
    const listed = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    expect(listed.map((m) => m.id)).toEqual([apr.id, feb.id]);
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: apr.id })).toEqual(apr);
    expect(ok<BoardSummary[]>(core, 'listBoards', {}).find((b) => b.id === board.id)?.meetingCount).toBe(2);
  });

  it('refuses impossible dates, reversed times and unknown boards, changing nothing', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
    const before = dump(core);
    expect(core.call('createMeeting', { boardId: board.id, date: '2014-02-31' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'date', message: '31 February does not exist (February has 28 days).' },
    });
    expect(core.call('createMeeting', { boardId: board.id, date: '19/02/2014' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'date' },
    });
    expect(core.call('createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '13:00', endTime: '11:00' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'endTime', message: 'The meeting must end after it starts.' },
    });
    expect(core.call('createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '25:00' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'startTime' },
    });
    expect(core.call('createMeeting', { boardId: crypto.randomUUID(), date: '2014-02-19' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That board no longer exists.' },
    });
    expect(core.call('getMeeting', { meetingId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dump(core)).toBe(before);
  });
});
