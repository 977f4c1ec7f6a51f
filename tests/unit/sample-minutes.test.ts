// The sample board in full: both fixture meetings' items, discussion, decisions and actions,
// April's matters arising with their updates, and February agreed at April, entered through core.
import { describe, expect, it } from 'vitest';
import type { ActionLog, MattersArising, Minutes, MinutesRecord, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { ok, tempCore } from '../helpers/temp';
import { APRIL, FEBRUARY } from '../helpers/fixture-agenda';

async function loaded() {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  const apr = meetings.find((m) => m.date === '2014-04-10')!;
  return { core, board, feb, apr };
}

const printedNumbers = (items: Array<{ number: string }>) => items.map((i) => i.number);

describe('the sample board in full', () => {
  it('holds every item of both meetings, with their discussion, decisions and the 13 and 11 actions', async () => {
    const { core, feb, apr } = await loaded();
    const february = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id });
    // The originals never head item 6 (5 goes to 6a): it gets a title so 6a–6c have a parent.
    expect(printedNumbers(february.items)).toEqual(['1', '1a', '1b', '2', '3', '4', '5', '6', '6a', '6b', '6c']);
    for (const f of FEBRUARY.items) {
      const item = february.items.find((i) => i.number === f.number)!;
      expect(item.title).toBe(f.title);
      expect(item.decisions.map((d) => d.text)).toEqual(f.decisions);
      expect(item.actions.map((a) => a.details)).toEqual(f.actions.map((a) => a.details));
    }
    expect(february.items.flatMap((i) => i.actions)).toHaveLength(13);
    // Discussion is rich text: item 1a's run-on list of proposals is a bulleted list.
    const oneA = february.items.find((i) => i.number === '1a')!;
    expect(JSON.parse(oneA.discussionJson!).root.children.map((b: { type: string }) => b.type).slice(0, 3)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(oneA.discussionText).toContain('standard terms of reference for sub groups');
    // Owners read as the editor reads them: "JC EA" is two people, "AF to take forward implementation" is AF.
    const owners = (ref: string) => february.items.flatMap((i) => i.actions).find((a) => a.details === FEBRUARY.items.flatMap((i) => i.actions).find((x) => x.ref === ref)!.details)!.owners;
    expect(owners('10').map((o) => (o.kind === 'member' ? o.initials : '?'))).toEqual(['JC', 'EA']);
    expect(owners('1').map((o) => (o.kind === 'member' ? o.initials : '?'))).toEqual(['AF']);

    const april = ok<Minutes>(core, 'getMinutes', { meetingId: apr.id });
    expect(printedNumbers(april.items)).toEqual(['1', '1a', '1b', '1c', '2', '2a', '2b', '3', '4', '5']);
    expect(april.items[0]).toMatchObject({ kind: 'matters_arising', title: 'Minutes and actions arising from 19 February 2014' });
    expect(april.items.flatMap((i) => i.actions)).toHaveLength(11);
    expect(april.items.flatMap((i) => i.actions).map((a) => a.details)).toEqual(APRIL.items.flatMap((i) => i.actions.map((a) => a.details)));
  });

  it('lists February’s actions as April’s matters arising with the updates April recorded', async () => {
    const { core, feb, apr } = await loaded();
    const arising = ok<MattersArising>(core, 'getMattersArising', { meetingId: apr.id });
    expect(arising.previousMeeting).toMatchObject({ id: feb.id, date: '2014-02-19' });
    expect(arising.entries).toHaveLength(13);
    const updated = arising.entries.filter((e) => e.update?.text);
    // 1a, 1b, 1c, 2b and 5 of April report on February's actions 8, 2, 11, 5 and 4.
    expect(updated).toHaveLength(5);
    expect(updated.filter((e) => e.status === 'done')).toHaveLength(3);
    // "All actions were either completed or in train": none is left open.
    expect(arising.entries.filter((e) => e.status === 'open')).toHaveLength(0);
    const cdop = arising.entries.find((e) => e.details.startsWith('Feedback on lessons from CDOP'))!;
    expect(cdop.update).toMatchObject({ status: 'done', text: expect.stringContaining('Child Death Overview Panel') });
  });

  it('has February agreed as accurate at April, April a draft, and the action log the 10 + 11 still outstanding', async () => {
    const { core, board, feb, apr } = await loaded();
    const record = ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: feb.id });
    expect(record.status).toBe('agreed');
    expect(record.agreement).toMatchObject({ atMeetingId: apr.id, agreedOn: '2014-04-10' });
    expect(ok<{ matches: boolean }>(core, 'verifyMinutes', { meetingId: feb.id }).matches).toBe(true);
    expect(ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: apr.id }).status).toBe('draft');
    const april = ok<Minutes>(core, 'getMinutes', { meetingId: apr.id });
    // The agreement is April item 1's decision, recorded once (not also the fixture's own sentence).
    expect(april.items[0]!.decisions).toHaveLength(1);
    expect(april.items[0]!.decisions[0]!.text).toMatch(/19 February 2014/);
    const log = ok<ActionLog>(core, 'outstandingActions', { boardId: board.id });
    expect(log.actions).toHaveLength(10 + 11);
  });

  it('attendanceOnly gives the two meetings with their attendance and no items, to type the minutes yourself', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    for (const m of meetings) expect(ok<Minutes>(core, 'getMinutes', { meetingId: m.id }).items).toHaveLength(0);
  });
});
