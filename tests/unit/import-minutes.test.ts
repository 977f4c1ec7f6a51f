// Importing legacy minutes through the API: the fixture text becomes two agreed meetings that
// read back (through the one reader of a meeting's record) as the fixture JSON has them, with
// references as printed, owners resolved against the roster, matters arising attached, and
// every unfinished action carried into the next meeting made in the app. Bad files change nothing.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, MattersArising, MeetingAttendance, MeetingDetail, Minutes, MinutesRecord } from '../../shared/contract';
import feb from '../fixtures/2014-02-19.json' with { type: 'json' };
import apr from '../fixtures/2014-04-10.json' with { type: 'json' };
import { splitOwnerText } from '../../shared/domain/owners';
import { dump, ok, okAsync, tempCore } from '../helpers/temp';
import { ownerLabel } from '../../shared/domain/owners';

const TEXT = fs.readFileSync(new URL('../fixtures/sscb-2014-02-19-and-04-10.txt', import.meta.url), 'utf8');
const BOARD = 'Southwark Safeguarding Children Executive Board';
const textFile = (name: string, content: string) => ({ name, encoding: 'text' as const, content });

type Fixture = typeof feb;

function expectRecordMatches(minutes: Minutes, attendance: MeetingAttendance, want: Fixture): void {
  expect(minutes.meeting.date).toBe(want.date);
  expect(minutes.meeting.status).toBe('agreed');
  expect(minutes.items.map((i) => [i.number, i.title])).toEqual(want.items.map((i) => [i.number, i.title]));
  want.items.forEach((w, n) => {
    const item = minutes.items[n]!;
    expect(item.discussionText, `item ${w.number}`).toBe(w.discussion.join('\n'));
    expect(item.decisions.map((d) => d.text), `item ${w.number} decisions`).toEqual(w.decisions);
    expect(
      item.actions.map((a) => ({ ref: a.reference.split('/').pop(), details: a.details, owners: a.owners.map((o) => ownerLabel(o)) })),
      `item ${w.number} actions`,
    ).toEqual(w.actions.map((a) => ({ ref: a.ref, details: a.details, owners: splitOwnerText(a.owner).tokens })));
  });
  const present = attendance.rows.filter((r) => r.status !== 'apologies');
  expect(present.map((r) => ({ name: r.displayName, initials: r.initials, role: r.role }))).toEqual(want.present.map((p) => ({ name: p.name, initials: p.initials, role: p.role })));
  expect(attendance.rows.filter((r) => r.status === 'apologies').map((r) => ({ name: r.displayName, role: r.role }))).toEqual(want.apologies);
}

describe('importing legacy minutes', () => {
  it('previews exactly what will be written, and writes nothing', async () => {
    const core = await tempCore();
    const before = dump(core);
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files: [textFile('sscb.txt', TEXT)] });
    expect(dump(core)).toBe(before);
    expect(preview.board).toEqual({ id: null, name: BOARD, exists: false });
    const [file] = preview.files;
    expect(file?.problem).toBeNull();
    expect(file?.meetings.map((m) => [m.date, m.counts.items, m.counts.decisions, m.counts.actions, m.counts.present, m.counts.inAttendance, m.counts.apologies])).toEqual([
      ['2014-02-19', 10, 10, 13, 16, 3, 7],
      ['2014-04-10', 9, 8, 11, 18, 0, 13],
    ]);
    expect(file?.meetings[0]?.agreedOn).toBe('2014-04-10');
    expect(file?.meetings[1]?.updates.map((u) => [u.itemNumber, u.reference])).toEqual([
      ['1a', '2014-02-19/8'],
      ['1b', '2014-02-19/2'],
      ['1c', '2014-02-19/11'],
    ]);
  });

  it('imports the fixture text as two agreed meetings matching the fixture JSON field by field', async () => {
    const core = await tempCore();
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files: [textFile('sscb.txt', TEXT)] });
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: BOARD, files: [textFile('sscb.txt', TEXT)], digests: [preview.files[0]!.digest] });
    expect(result.files).toEqual([{ name: 'sscb.txt', imported: true, problem: null, meetings: [expect.objectContaining({ date: '2014-02-19' }), expect.objectContaining({ date: '2014-04-10' })] }]);
    for (const [{ id }, want] of result.files[0]!.meetings.map((m, i) => [m, i === 0 ? feb : apr] as const)) {
      expectRecordMatches(ok<Minutes>(core, 'getMinutes', { meetingId: id }), ok<MeetingAttendance>(core, 'getAttendance', { meetingId: id }), want as Fixture);
      const record = ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: id });
      expect(record.agreement?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(record.imported?.file).toBe('sscb.txt');
      expect(ok<{ matches: boolean }>(core, 'verifyMinutes', { meetingId: id }).matches).toBe(true);
    }
    // 10 April's matters arising record the agreement of 19 February's minutes.
    const [febMeeting, aprMeeting] = result.files[0]!.meetings;
    const agreeing = ok<Minutes>(core, 'getMinutes', { meetingId: aprMeeting!.id }).items[0]!.decisions[0];
    expect(agreeing).toMatchObject({ text: 'The draft minutes from the previous meeting were reviewed and agreed.', agreesMinutesOf: febMeeting!.id });
    expect(ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: febMeeting!.id }).agreement).toMatchObject({ atMeetingId: aprMeeting!.id, agreedOn: '2014-04-10' });
    // Owners resolved against the roster: JC is Jackie Cook, added with the initials printed.
    const roster = ok<Array<{ fullName: string; initials: string }>>(core, 'listRoster', { boardId: result.boardId });
    expect(roster.find((r) => r.fullName === 'Jackie Cook')?.initials).toBe('JC');
    expect(roster.find((r) => r.fullName === 'Susi Whitthome')).toBeDefined();
  });

  it('attaches the matters-arising updates and carries every unfinished action into the next meeting made in the app', async () => {
    const core = await tempCore();
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: BOARD, files: [textFile('sscb.txt', TEXT)], digests: [null] });
    const [, april] = result.files[0]!.meetings;
    const arising = ok<MattersArising>(core, 'getMattersArising', { meetingId: april!.id });
    expect(arising.entries).toHaveLength(13);
    expect(arising.entries.filter((e) => e.update).map((e) => [e.reference, e.update?.status])).toEqual([
      ['2014-02-19/2', 'in_progress'],
      ['2014-02-19/8', 'in_progress'],
      ['2014-02-19/11', 'in_progress'],
    ]);
    const next = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: april!.id, date: '2014-06-12' });
    const carried = ok<MattersArising>(core, 'getMattersArising', { meetingId: next.id });
    expect(carried.entries).toHaveLength(24);
    expect(carried.entries.map((e) => e.reference)).toContain('2014-04-10/11');
  });

  it('gives a reference printed twice in one meeting a suffix and a warning, never renumbering', async () => {
    const core = await tempCore();
    const doubled = TEXT.slice(0, TEXT.indexOf('Minutes and Actions\nSouthwark Safeguarding Children Executive Board\n10 April 2014')).replace('12\tPrivate fostering', '11\tPrivate fostering');
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files: [textFile('feb.txt', doubled)] });
    const meeting = preview.files[0]!.meetings[0]!;
    const refs = meeting.items.flatMap((i) => i.actions.map((a) => a.reference));
    expect(refs.filter((r) => r.startsWith('2014-02-19/11'))).toEqual(['2014-02-19/11', '2014-02-19/11a']);
    expect(meeting.warnings.map((w) => w.kind)).toContain('duplicate_reference');
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: BOARD, files: [textFile('feb.txt', doubled)], digests: [null] });
    expect(result.files[0]?.imported).toBe(true);
  });

  it('refuses a meeting date the board already has, and a file in another layout, each with its own message, changing nothing', async () => {
    const core = await tempCore();
    await okAsync(core, 'importMinutes', { board: BOARD, files: [textFile('sscb.txt', TEXT)], digests: [null] });
    const before = dump(core);
    const result = await okAsync<ImportResult>(core, 'importMinutes', {
      board: BOARD,
      files: [textFile('again.txt', TEXT), textFile('letter.txt', 'Dear Tina,\nThe room is booked.\n')],
      digests: [null, null],
    });
    expect(result.files.map((f) => [f.name, f.imported])).toEqual([
      ['again.txt', false],
      ['letter.txt', false],
    ]);
    expect(result.files[0]?.problem).toMatch(/already has a meeting on 19 February 2014/);
    expect(result.files[1]?.problem).toMatch(/does not look like minutes/);
    expect(dump(core)).toBe(before);
  });

  it('refuses a file whose plan changed since its preview, writing nothing from it', async () => {
    const core = await tempCore();
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files: [textFile('sscb.txt', TEXT)] });
    ok(core, 'createBoard', { name: BOARD });
    const board = ok<Array<{ id: string; name: string }>>(core, 'listBoards', {}).find((b) => b.name === BOARD)!;
    ok(core, 'addRosterMember', { boardId: board.id, fullName: 'Jane Cole', initials: 'JC' });
    const before = dump(core);
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: BOARD, files: [textFile('sscb.txt', TEXT)], digests: [preview.files[0]!.digest] });
    expect(result.files[0]?.problem).toMatch(/changed since this file was previewed/);
    expect(dump(core)).toBe(before);
    // Previewed again, the clash of initials is reported: Jackie Cook is added with other initials, the minutes keep JC.
    const again = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files: [textFile('sscb.txt', TEXT)] });
    expect(again.files[0]?.meetings[0]?.warnings.find((w) => w.kind === 'initials_clash')?.message).toMatch(/JC is Jane Cole on the roster, so Jackie Cook is added as/);
  });

  it('keeps nothing of a file whose import fails part-way, says so, and still imports the other files', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    // A failure deep inside the first file's write: its 11th action cannot be stored.
    db.exec("CREATE TEMP TRIGGER fail_half_way BEFORE INSERT ON actions WHEN NEW.details LIKE 'Scorecard to be reissued%' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const april = TEXT.slice(TEXT.indexOf('Minutes and Actions\nSouthwark Safeguarding Children Executive Board\n10 April 2014'));
    const february = TEXT.slice(0, TEXT.length - april.length);
    const result = await okAsync<ImportResult>(core, 'importMinutes', {
      board: BOARD,
      files: [textFile('feb.txt', february), textFile('apr.txt', april)],
      digests: [null, null],
    });
    expect(result.files[0]).toEqual({ name: 'feb.txt', imported: false, problem: expect.stringMatching(/stopped part-way \(disk I\/O error\), so nothing from it was kept/), meetings: [] });
    expect(result.files[1]?.imported).toBe(true);
    db.exec('DROP TRIGGER fail_half_way');
    const meetings = db.prepare('SELECT meeting_date FROM meetings').pluck().all();
    expect(meetings).toEqual(['2014-04-10']);
    expect(db.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(11);
  });

  it('reads a Due column with the due parser, keeping the printed words it cannot read', async () => {
    const core = await tempCore();
    const minutes = [
      'Minutes and Actions', 'Finance Sub-group', '3 June 2014', '2.00pm – 3.30pm', '', 'Present:', 'Ann Flynn (Chair)\tAF\tDevelopment Manager',
      'Elaine Allegretti\tEA\tHead of Strategy', '', '1. Budget', '', 'AF presented the budget. The board agreed the budget.', '',
      'Decisions and/or actions agreed', 'Reference\tDetails\tAction\tDue', '1\tCirculate the budget\tAF\tby 22.07', '2\tReview the reserves\tEA\tASAP', '',
    ].join('\n');
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: 'Finance', files: [textFile('june.txt', minutes)], digests: [null] });
    const [meeting] = result.files[0]!.meetings;
    const actions = ok<Minutes>(core, 'getMinutes', { meetingId: meeting!.id }).items[0]!.actions;
    expect(actions.map((a) => a.due)).toEqual([
      { kind: 'date', date: '2014-07-22', meetingId: null, text: 'by 22.07' },
      { kind: 'none', date: null, meetingId: null, text: 'ASAP' },
    ]);
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: 'Finance 2', files: [textFile('june.txt', minutes)] });
    const kinds = preview.files[0]!.meetings[0]!.warnings.map((w) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['due_not_understood', 'board_name_differs']));
  });

  it('imports several files previewed together, in date order, each checked against its preview', async () => {
    const core = await tempCore();
    const april = TEXT.slice(TEXT.indexOf('Minutes and Actions\nSouthwark Safeguarding Children Executive Board\n10 April 2014'));
    const february = TEXT.slice(0, TEXT.length - april.length);
    const files = [textFile('apr.txt', april), textFile('feb.txt', february)];
    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: BOARD, files });
    expect(preview.files.map((f) => f.name)).toEqual(['feb.txt', 'apr.txt']);
    const digests = files.map((f) => preview.files.find((p) => p.name === f.name)!.digest);
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: BOARD, files, digests });
    expect(result.files.map((f) => [f.name, f.imported, f.problem])).toEqual([
      ['feb.txt', true, null],
      ['apr.txt', true, null],
    ]);
    const aprilId = result.files[1]!.meetings[0]!.id;
    const arising = ok<MattersArising>(core, 'getMattersArising', { meetingId: aprilId });
    expect(arising.entries.filter((e) => e.update).map((e) => e.reference)).toEqual(['2014-02-19/2', '2014-02-19/8', '2014-02-19/11']);
  });
});
