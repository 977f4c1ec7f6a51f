// The chair's view: the briefing of a board (owners, overdue first; what was reported since the
// last meeting; opened, done and overdue per meeting), its one-page PDF through the one printer,
// and one person's actions across every board.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing, BriefingPdf, DeletedMeeting, MeetingDetail, MeetingSummary, PersonActions, PersonChoice, SampleBoardResult } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { pdfPageCount } from '../../electron/core/publication/pdfFile';
import { chartGeometry } from '../../shared/domain/briefingChart';
import { ok, okAsync, tempDir } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';
import { pdfTextPages, squashed } from '../helpers/pdf';

async function boardWithTwoMeetings(core: Core): Promise<{ boardId: string; febActions: EnteredAction[]; apr: MeetingDetail }> {
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
  const febActions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
  ok(core, 'updateAction', { actionId: febActions[0]!.action.id, due: 'end of March' });
  ok(core, 'updateAction', { actionId: febActions[4]!.action.id, due: 'by 22.07' });
  const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
  for (const a of febActions.slice(5, 9)) ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.action.id, status: 'done' });
  ok(core, 'recordActionProgress', { actionId: febActions[0]!.action.id, date: '2014-05-01', text: 'Plan drafted', status: 'in_progress', reportedBy: 'AF' });
  return { boardId: board.id, febActions, apr };
}

describe('the chair’s briefing', () => {
  it('groups outstanding actions by owner, overdue first, with what changed since the last meeting and counts per meeting', async () => {
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true });
    try {
      const { boardId, febActions } = await boardWithTwoMeetings(core);
      const b = ok<Briefing>(core, 'getBriefing', { boardId });
      // Both dated dues (end of March and 22 July 2014) are past today; only March's was past at 10 April.
      expect(b.totals).toEqual({ outstanding: 9, overdue: 2 });
      expect(b.perMeeting.map((m) => [m.date, m.opened, m.done, m.overdue])).toEqual([
        ['2014-02-19', 13, 0, 0],
        ['2014-04-10', 0, 4, 1],
      ]);
      expect(b.lastMeeting?.date).toBe('2014-04-10');
      expect(b.changedSince.map((c) => [c.reference, c.update.text])).toEqual([[febActions[0]!.action.reference, 'Plan drafted']]);
      // The owners with most overdue come first; each owner's overdue actions come first, the longest overdue first.
      expect(b.owners.map((o) => o.overdue)).toEqual(b.owners.map((o) => o.overdue).sort((x, y) => y - x));
      const af = b.owners.find((o) => o.label.startsWith('AF'))!;
      expect(af.actions[0]!.reference).toBe(febActions[0]!.action.reference);
      for (const o of b.owners) {
        const flags = o.actions.map((a) => a.overdue);
        expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
      }
      const chart = chartGeometry(b.perMeeting);
      expect(chart.bars).toHaveLength(6);
      expect(chart.summary).toBe('19 February 2014: 13 opened, 0 done, 0 overdue; 10 April 2014: 0 opened, 4 done, 1 overdue');
    } finally {
      core.close();
    }
  });

  it('prints on one page through the publication printer', async () => {
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true, printPdf: printHtmlToPdf });
    try {
      const { boardId, febActions } = await boardWithTwoMeetings(core);
      const pdf = await okAsync<BriefingPdf>(core, 'exportBriefingPdf', { boardId });
      const bytes = Buffer.from(pdf.pdfBase64, 'base64');
      expect(pdf.filename).toMatch(/briefing \d{4}-\d{2}-\d{2}\.pdf$/);
      expect(pdfPageCount(bytes)).toBe(1);
      const text = squashed(pdfTextPages(bytes).join(' '));
      expect(text).toContain(squashed('Chair’s briefing'));
      expect(text).toContain(squashed(febActions[0]!.action.reference));
      expect(text).toContain(squashed('Plan drafted'));
    } finally {
      core.close();
    }
  }, 60_000);
});

describe('my actions', () => {
  it('lists one person’s outstanding actions across boards, overdue first', async () => {
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true });
    try {
      const { febActions } = await boardWithTwoMeetings(core);
      const af = ok<PersonChoice[]>(core, 'listPeople', {}).find((p) => p.boards.some((b) => b.startsWith('AF ')))!;
      const mine = ok<PersonActions>(core, 'myActions', { personId: af.personId });
      const expected = febActions.slice(0, 5).concat(febActions.slice(9)).filter((a) => a.owner.split(/\W+/).includes('AF'));
      expect(mine.actions.map((a) => a.reference).sort()).toEqual(expected.map((a) => a.action.reference).sort());
      expect(mine.actions[0]!.overdue).toBe(true);
    } finally {
      core.close();
    }
  });
});
