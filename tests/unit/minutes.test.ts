// The minutes editor's core: items and numbers, discussion, decisions, actions with
// references that are never reused, owners and due, and the locks of circulated minutes.
import { describe, expect, it } from 'vitest';
import type {
  AgendaChange,
  BoardSummary,
  MeetingDetail,
  Minutes,
  MinutesAction,
  MinutesDecision,
  MinutesItem,
  MinutesStyle,
} from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';
import { FIXTURE_ROSTER, seedRoster } from '../helpers/seed-roster';

const BOARD = 'Southwark Safeguarding Children Executive Board';

async function setUp(): Promise<{ core: Core; board: BoardSummary; meeting: MeetingDetail; roster: Record<string, string> }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '11:00', endTime: '13:00' });
  const db = core.store?.db;
  if (!db) throw new Error('no store');
  const roster = seedRoster(db, board.id, FIXTURE_ROSTER, ['All', 'All agencies', 'CSE subgroup']);
  return { core, board, meeting, roster };
}

const addItem = (core: Core, payload: Record<string, unknown>) => ok<{ item: MinutesItem; outline: AgendaChange['outline'] }>(core, 'addAgendaItem', payload);
const minutes = (core: Core, meetingId: string) => ok<Minutes>(core, 'getMinutes', { meetingId });
const numbers = (core: Core, meetingId: string) => minutes(core, meetingId).items.map((i) => `${i.number} ${i.title}`);

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

describe('agenda items', () => {
  it('numbers items 1, 1a, 1b, 2 as they are added, moved and deleted', async () => {
    const { core, meeting } = await setUp();
    const one = addItem(core, { meetingId: meeting.id, title: 'Minutes and actions arising' }).item;
    const a = addItem(core, { meetingId: meeting.id, parentId: one.id, title: 'Update on SSCB sub-groups' }).item;
    addItem(core, { meetingId: meeting.id, parentId: one.id, afterItemId: a.id, title: 'London Probation Trust update' });
    const two = addItem(core, { meetingId: meeting.id, afterItemId: a.id, title: 'Early help' }).item;
    expect(two.number).toBe('2');
    expect(numbers(core, meeting.id)).toEqual(['1 Minutes and actions arising', '1a Update on SSCB sub-groups', '1b London Probation Trust update', '2 Early help']);

    // A new item straight after 1a is 1b, and the old 1b becomes 1c.
    addItem(core, { meetingId: meeting.id, parentId: one.id, afterItemId: a.id, title: 'Inserted' });
    expect(numbers(core, meeting.id)).toEqual([
      '1 Minutes and actions arising',
      '1a Update on SSCB sub-groups',
      '1b Inserted',
      '1c London Probation Trust update',
      '2 Early help',
    ]);

    // Move 2 to the top, then make 1a a sub-item of the new 1.
    ok(core, 'moveAgendaItem', { itemId: two.id, parentId: null, position: 0 });
    const moved = ok<AgendaChange>(core, 'moveAgendaItem', { itemId: a.id, parentId: two.id, position: 0 });
    expect(moved.outline.map((o) => o.number)).toEqual(['1', '1a', '2', '2a', '2b']);
    expect(numbers(core, meeting.id)).toEqual([
      '1 Early help',
      '1a Update on SSCB sub-groups',
      '2 Minutes and actions arising',
      '2a Inserted',
      '2b London Probation Trust update',
    ]);

    const change = ok<AgendaChange>(core, 'deleteAgendaItem', { itemId: two.id });
    expect(change.outline.map((o) => o.number)).toEqual(['1', '1a', '1b']);
    expect(numbers(core, meeting.id)).toEqual(['1 Minutes and actions arising', '1a Inserted', '1b London Probation Trust update']);
  });

  it('uses the board’s decimal numbering, renumbering draft minutes when it changes', async () => {
    const { core, board, meeting } = await setUp();
    const one = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    addItem(core, { meetingId: meeting.id, parentId: one.id, title: 'One point one' });
    addItem(core, { meetingId: meeting.id, title: 'Two' });
    expect(ok<MinutesStyle>(core, 'setMinutesStyle', { boardId: board.id, numbering: 'decimal' })).toMatchObject({ numbering: 'decimal' });
    expect(minutes(core, meeting.id).items.map((i) => i.number)).toEqual(['1', '1.1', '2']);
    addItem(core, { meetingId: meeting.id, parentId: one.id, title: 'One point two' });
    expect(minutes(core, meeting.id).items.map((i) => i.number)).toEqual(['1', '1.1', '1.2', '2']);
  });

  it('refuses a third level, an item under itself, and an item with sub-items becoming one', async () => {
    const { core, meeting } = await setUp();
    const one = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    const sub = addItem(core, { meetingId: meeting.id, parentId: one.id, title: 'Sub' }).item;
    const two = addItem(core, { meetingId: meeting.id, title: 'Two' }).item;
    const before = dump(core);
    expect(refused(core, 'addAgendaItem', { meetingId: meeting.id, parentId: sub.id })).toMatchObject({ code: 'invalid_input', field: 'parentId' });
    expect(refused(core, 'moveAgendaItem', { itemId: one.id, parentId: one.id, position: 0 }).message).toBe('An item cannot be moved under itself.');
    expect(refused(core, 'moveAgendaItem', { itemId: one.id, parentId: two.id, position: 0 }).message).toContain('has sub-items');
    expect(refused(core, 'moveAgendaItem', { itemId: two.id, parentId: sub.id, position: 0 }).message).toContain('cannot have sub-items');
    expect(dump(core)).toBe(before);
  });

  it('keeps titles with emoji and right-to-left text, and an empty title, exactly', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id }).item;
    expect(item.title).toBe('');
    ok(core, 'updateAgendaItem', { itemId: item.id, title: 'Young people 👍 مرحبا بكم', presenter: 'AF', confidential: true });
    expect(minutes(core, meeting.id).items[0]).toMatchObject({ title: 'Young people 👍 مرحبا بكم', presenter: 'AF', confidential: true });
    const e = refused(core, 'updateAgendaItem', { itemId: item.id, title: 'x'.repeat(301) });
    expect(e).toMatchObject({ code: 'invalid_input', field: 'title', message: 'An item title can be at most 300 characters.' });
  });

  it('defers an item to a later meeting of the board, or to a meeting described in words', async () => {
    const { core, board, meeting } = await setUp();
    const april = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-04-10' });
    const other = ok<BoardSummary>(core, 'createBoard', { name: 'Main Board' });
    const elsewhere = ok<MeetingDetail>(core, 'createMeeting', { boardId: other.id, date: '2014-05-01' });
    const earlier = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-01-10' });
    const item = addItem(core, { meetingId: meeting.id, title: 'Horizon scan' }).item;
    expect(minutes(core, meeting.id).laterMeetings).toEqual([{ id: april.id, date: '2014-04-10' }]);
    ok(core, 'updateAgendaItem', { itemId: item.id, deferred: true, deferredToMeetingId: april.id });
    expect(minutes(core, meeting.id).items[0]).toMatchObject({ deferred: true, deferredToMeetingId: april.id });
    ok(core, 'updateAgendaItem', { itemId: item.id, deferredToMeetingId: null, deferredToText: 'the January SSCB meeting' });
    expect(minutes(core, meeting.id).items[0]).toMatchObject({ deferred: true, deferredToMeetingId: null, deferredToText: 'the January SSCB meeting' });
    expect(refused(core, 'updateAgendaItem', { itemId: item.id, deferredToMeetingId: elsewhere.id }).field).toBe('deferredToMeetingId');
    expect(refused(core, 'updateAgendaItem', { itemId: item.id, deferredToMeetingId: earlier.id }).message).toBe('An item can only be deferred to a later meeting.');
  });
});

describe('discussion', () => {
  const json = (text: string) => JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });

  it('stores the editor’s JSON with the plain text core derives from it, and refuses anything that is not the editor’s JSON', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'Sub groups' }).item;
    const withList = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'AF explained the proposals.' }] },
          { type: 'list', listType: 'bullet', children: ['first', 'second'].map((t) => ({ type: 'listitem', children: [{ type: 'text', text: t }] })) },
        ],
      },
    });
    ok(core, 'saveDiscussion', { itemId: item.id, json: withList });
    const saved = minutes(core, meeting.id).items[0];
    expect(saved?.discussionText).toBe('AF explained the proposals.\n- first\n- second');
    expect(saved?.discussionJson).toBe(withList);
    const before = dump(core);
    for (const bad of ['not json', '{"root": 1}', '[]', 'null', '{"root": {"type": "root"}}']) {
      expect(refused(core, 'saveDiscussion', { itemId: item.id, json: bad })).toMatchObject({ code: 'invalid_input', field: 'json' });
    }
    // The limit is on the text core derives, whatever the client thinks it typed.
    const tooLong = refused(core, 'saveDiscussion', { itemId: item.id, json: json('x'.repeat(200_001)) });
    expect(tooLong).toMatchObject({ code: 'invalid_input', field: 'json' });
    expect(tooLong.message).toContain('too long to save (at most 200,000 characters)');
    // A window of an older version still sending its own plain text is refused, in words.
    const stale = refused(core, 'saveDiscussion', { itemId: item.id, json: json('Changed'), text: 'Changed' });
    expect(stale).toMatchObject({ code: 'invalid_input', message: 'This window sends the discussion in an older format, so it was not saved. Copy what you typed, then reload the window.' });
    expect(dump(core)).toBe(before);
  });

  it('writes nothing for the same document in another key order, or an empty one where there was none', async () => {
    const { core, meeting } = await setUp();
    const [one, two] = [addItem(core, { meetingId: meeting.id, title: 'One' }).item, addItem(core, { meetingId: meeting.id, title: 'Two' }).item];
    const stored = JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'MOC welcomed the board.' }] }] } });
    ok(core, 'saveDiscussion', { itemId: one.id, json: stored });
    const before = dump(core);
    // As the editor exports it: its own key order, and the fields it always writes.
    const reordered = JSON.stringify({ root: { children: [{ children: [{ text: 'MOC welcomed the board.', type: 'text', version: 1 }], type: 'paragraph', version: 1 }], type: 'root', version: 1 } });
    const empty = JSON.stringify({ root: { children: [{ children: [], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 }], direction: null, format: '', indent: 0, type: 'root', version: 1 } });
    ok(core, 'saveDiscussion', { itemId: one.id, json: reordered });
    ok(core, 'saveDiscussion', { itemId: two.id, json: empty });
    expect(dump(core)).toBe(before);
    expect(minutes(core, meeting.id).items.map((i) => i.discussionJson)).toEqual([stored, null]);
    // A changed word is a change.
    ok(core, 'saveDiscussion', { itemId: one.id, json: reordered.replace('welcomed', 'thanked') });
    expect(minutes(core, meeting.id).items[0]?.discussionText).toBe('MOC thanked the board.');
    expect(dump(core)).not.toBe(before);
  });
});

describe('decisions', () => {
  it('adds, orders, edits and deletes decisions under an item', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'Sub groups' }).item;
    const first = ok<MinutesDecision>(core, 'addDecision', { itemId: item.id, text: 'All recommendations were accepted' });
    const last = ok<MinutesDecision>(core, 'addDecision', { itemId: item.id, text: 'The board agreed' });
    ok(core, 'addDecision', { itemId: item.id, afterDecisionId: first.id, text: 'In between' });
    expect(minutes(core, meeting.id).items[0]?.decisions.map((d) => d.text)).toEqual(['All recommendations were accepted', 'In between', 'The board agreed']);
    ok(core, 'updateDecision', { decisionId: last.id, text: 'The board agreed the terms of reference' });
    ok(core, 'deleteDecision', { decisionId: first.id });
    expect(minutes(core, meeting.id).items[0]?.decisions.map((d) => [d.position, d.text])).toEqual([
      [0, 'In between'],
      [1, 'The board agreed the terms of reference'],
    ]);
  });
});

describe('actions', () => {
  it('gives the fixture’s four actions the references 2014-02-19/1 to /4, with their owners', async () => {
    const { core, meeting, roster } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'Update on SSCB sub-groups and s11 process for 2014' }).item;
    const a1 = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'All recommendations from item 1a agreed', owners: [{ name: 'AF' }] });
    const a2 = ok<MinutesAction>(core, 'addAction', {
      itemId: item.id,
      details: 'Review processes and terms of reference around new subgroups',
      owners: [{ memberId: roster.AF }, { memberId: roster.EA }],
    });
    const a3 = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'Independent chair of audit and learning subcommittee' });
    const a4 = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'Feedback on lessons from CDOP to the next executive board', due: 'next meeting' });
    expect([a1, a2, a3, a4].map((a) => [a.seq, a.reference])).toEqual([
      [1, '2014-02-19/1'],
      [2, '2014-02-19/2'],
      [3, '2014-02-19/3'],
      [4, '2014-02-19/4'],
    ]);
    expect(a1.owners).toEqual([{ kind: 'member', memberId: roster.AF, initials: 'AF', fullName: 'Ann Flynn' }]);
    expect(a2.owners.map((o) => (o.kind === 'member' ? o.initials : '?'))).toEqual(['AF', 'EA']);
    expect(a4.due).toEqual({ kind: 'next_meeting', date: null, meetingId: null, text: 'next meeting' });
    expect(minutes(core, meeting.id).items[0]?.actions.map((a) => a.reference)).toEqual(['2014-02-19/1', '2014-02-19/2', '2014-02-19/3', '2014-02-19/4']);
  });

  it('never reuses a reference, even after the action (or its whole item) is deleted', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    for (let i = 0; i < 4; i += 1) ok(core, 'addAction', { itemId: item.id });
    const fourth = minutes(core, meeting.id).items[0]?.actions[3] as MinutesAction;
    expect(ok(core, 'deleteAction', { actionId: fourth.id })).toEqual({ actionId: fourth.id, reference: '2014-02-19/4' });
    expect(ok<MinutesAction>(core, 'addAction', { itemId: item.id }).reference).toBe('2014-02-19/5');
    ok(core, 'deleteAgendaItem', { itemId: item.id });
    const again = addItem(core, { meetingId: meeting.id, title: 'Again' }).item;
    expect(ok<MinutesAction>(core, 'addAction', { itemId: again.id }).reference).toBe('2014-02-19/6');
    const issued = core.store?.db.prepare('SELECT reference FROM issued_references ORDER BY issued_at, reference').pluck().all();
    expect(issued).toHaveLength(6);
  });

  it('keeps references unique between two meetings on the same day and under a board’s own format', async () => {
    const { core, board, meeting } = await setUp();
    const same = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '14:00' });
    const first = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    const second = addItem(core, { meetingId: same.id, title: 'One' }).item;
    ok(core, 'addAction', { itemId: first.id });
    ok(core, 'addAction', { itemId: first.id });
    expect(ok<MinutesAction>(core, 'addAction', { itemId: second.id })).toMatchObject({ seq: 3, reference: '2014-02-19/3' });
    expect(ok<MinutesAction>(core, 'addAction', { itemId: first.id })).toMatchObject({ seq: 4, reference: '2014-02-19/4' });

    ok(core, 'setMinutesStyle', { boardId: board.id, referenceFormat: "'SSCB' d MMM yy'-'{n}" });
    expect(ok<MinutesAction>(core, 'addAction', { itemId: first.id }).reference).toBe('SSCB 19 Feb 14-5');
    // Existing references never change with the format.
    expect(minutes(core, meeting.id).items[0]?.actions[0]?.reference).toBe('2014-02-19/1');
    expect(refused(core, 'setMinutesStyle', { boardId: board.id, referenceFormat: 'SSCB-yyyy/{n}' }).message).toContain('“S” is not a part of a date');
  });

  it('moves a draft’s references with a corrected date, keeping the old ones issued', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    ok(core, 'addAction', { itemId: item.id });
    ok(core, 'updateMeetingHeader', { meetingId: meeting.id, date: '2014-02-20' });
    expect(minutes(core, meeting.id).items[0]?.actions[0]?.reference).toBe('2014-02-20/1');
    const issued = core.store?.db.prepare('SELECT reference FROM issued_references ORDER BY reference').pluck().all();
    expect(issued).toEqual(['2014-02-19/1', '2014-02-20/1']);
  });

  it('keeps owners nobody knows as written, links names on the roster, and refuses an owner from another board', async () => {
    const { core, board, meeting, roster } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id });
    const updated = ok<MinutesAction>(core, 'updateAction', {
      actionId: action.id,
      owners: [{ name: 'tbc' }, { name: 'Jackie Cook' }, { groupId: roster['All agencies'] }, { name: 'ea' }, { memberId: roster.EA }],
    });
    expect(updated.owners).toEqual([
      { kind: 'name', name: 'tbc' },
      { kind: 'member', memberId: roster.JC, initials: 'JC', fullName: 'Jackie Cook' },
      { kind: 'group', groupId: roster['All agencies'], name: 'All agencies' },
      { kind: 'member', memberId: roster.EA, initials: 'EA', fullName: 'Elaine Allegretti' },
    ]);
    const other = ok<BoardSummary>(core, 'createBoard', { name: 'Main Board' });
    const stranger = seedRoster(core.store!.db, other.id, [{ initials: 'ZZ', name: 'Zed Zee' }]);
    const before = dump(core);
    expect(refused(core, 'updateAction', { actionId: action.id, owners: [{ memberId: stranger.ZZ }] })).toMatchObject({ code: 'invalid_input', field: 'owners' });
    expect(dump(core)).toBe(before);
    expect(board.id).not.toBe(other.id);
  });

  it('reads the due, resolves a named meeting, keeps the unreadable as written and refuses 31/02', async () => {
    const { core, board, meeting } = await setUp();
    const september = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-09-02' });
    const item = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id });
    const due = (text: string) => ok<MinutesAction>(core, 'updateAction', { actionId: action.id, due: text }).due;
    expect(due('by 22.07')).toEqual({ kind: 'date', date: '2014-07-22', meetingId: null, text: 'by 22.07' });
    expect(due('to the September meeting')).toEqual({ kind: 'meeting', date: '2014-09-02', meetingId: september.id, text: 'to the September meeting' });
    expect(due('at December Board meeting')).toEqual({ kind: 'meeting', date: '2014-12-31', meetingId: null, text: 'at December Board meeting' });
    expect(due('ASAP')).toEqual({ kind: 'none', date: null, meetingId: null, text: 'ASAP' });
    expect(due('')).toEqual({ kind: 'none', date: null, meetingId: null, text: null });
    due('end of March');
    const before = dump(core);
    expect(refused(core, 'updateAction', { actionId: action.id, due: '31/02', details: 'kept?' })).toEqual({
      code: 'invalid_input',
      message: '31 February does not exist (February has 28 days).',
      field: 'due',
    });
    expect(dump(core)).toBe(before);
  });
});

describe('the header', () => {
  it('saves each field, and refuses a meeting that ends before it starts or a next meeting before it', async () => {
    const { core, meeting } = await setUp();
    const updated = ok<MeetingDetail>(core, 'updateMeetingHeader', {
      meetingId: meeting.id,
      boardName: '  Safeguarding Executive  ',
      venue: 'Room G02b, 160 Tooley Street, SE1',
      nextDate: '2014-04-10',
      nextTime: '10:30',
      nextVenue: '160 Tooley Street',
    });
    expect(updated).toMatchObject({ boardName: 'Safeguarding Executive', venue: 'Room G02b, 160 Tooley Street, SE1', nextMeeting: { date: '2014-04-10', time: '10:30', venue: '160 Tooley Street' } });
    const before = dump(core);
    expect(refused(core, 'updateMeetingHeader', { meetingId: meeting.id, endTime: '10:00' })).toMatchObject({ field: 'endTime', message: 'The meeting must end after it starts.' });
    expect(refused(core, 'updateMeetingHeader', { meetingId: meeting.id, nextDate: '2014-01-01' })).toMatchObject({ field: 'nextDate' });
    expect(refused(core, 'updateMeetingHeader', { meetingId: meeting.id, date: '2014-02-31' })).toMatchObject({ field: 'date' });
    expect(refused(core, 'updateMeetingHeader', { meetingId: meeting.id, boardName: '   ' })).toMatchObject({ field: 'boardName', message: 'Enter a board name.' });
    expect(dump(core)).toBe(before);
  });
});

describe('circulated and agreed minutes', () => {
  it('freezes numbers and structure once circulated, and everything once agreed', async () => {
    const { core, meeting } = await setUp();
    const one = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    const two = addItem(core, { meetingId: meeting.id, title: 'Two' }).item;
    const db = core.store!.db;
    db.prepare("UPDATE meetings SET status = 'circulated' WHERE id = ?").run(meeting.id);
    expect(minutes(core, meeting.id).locked.structure).toContain('circulated');
    const before = dump(core);
    expect(refused(core, 'addAgendaItem', { meetingId: meeting.id })).toMatchObject({ code: 'conflict' });
    expect(refused(core, 'moveAgendaItem', { itemId: two.id, parentId: null, position: 0 })).toMatchObject({ code: 'conflict' });
    expect(refused(core, 'deleteAgendaItem', { itemId: one.id })).toMatchObject({ code: 'conflict' });
    expect(dump(core)).toBe(before);
    // Amendments to the text are still possible before the minutes are agreed.
    ok(core, 'updateAgendaItem', { itemId: one.id, title: 'One (amended)' });
    expect(ok<MinutesAction>(core, 'addAction', { itemId: one.id }).reference).toBe('2014-02-19/1');

    db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(meeting.id);
    const agreed = dump(core);
    expect(refused(core, 'updateAgendaItem', { itemId: one.id, title: 'Changed' }).message).toContain('agreed as accurate');
    expect(refused(core, 'saveDiscussion', { itemId: one.id, json: '{"root":{"type":"root","children":[]}}' }).code).toBe('conflict');
    expect(refused(core, 'addDecision', { itemId: one.id }).code).toBe('conflict');
    expect(refused(core, 'updateMeetingHeader', { meetingId: meeting.id, venue: 'x' }).code).toBe('conflict');
    expect(dump(core)).toBe(agreed);
  });

  it('records every change in the change log', async () => {
    const { core, meeting } = await setUp();
    const item = addItem(core, { meetingId: meeting.id, title: 'One' }).item;
    ok(core, 'updateAgendaItem', { itemId: item.id, title: 'One!' });
    ok(core, 'addAction', { itemId: item.id, details: 'Do it' });
    const log = core.store!.db.prepare('SELECT entity, action FROM change_log ORDER BY seq').all();
    expect(log).toEqual([
      { entity: 'board', action: 'create' },
      { entity: 'meeting', action: 'create' },
      { entity: 'agenda_item', action: 'create' },
      { entity: 'agenda_item', action: 'update' },
      { entity: 'action', action: 'create' },
    ]);
  });
});
