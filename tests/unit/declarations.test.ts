// Declarations of interest and the chair's signature block: the register kept from the roster,
// declarations recorded at a meeting by those who were there, printed in the minutes and every
// export (PDF read back with poppler, .docx unzipped, HTML), frozen with the agreed minutes.
import { describe, expect, it } from 'vitest';
import type { AttendanceRow, Declaration, InterestEntry, InterestRegister, MeetingDeclarations, MinutesVerification, RosterMember } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { buildMinutesDocx, buildMinutesWebHtml } from '../../electron/core/documents/minutesDocuments';
import { docxText } from '../../electron/core/publication/docxText';
import { buildMinutesPdf, htmlText } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { squash } from '../../shared/domain/confidential';
import { dump, ok, tempCore } from '../helpers/temp';
import { pdfTextPages } from '../helpers/pdf';
import { inProcess, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

async function fixture(): Promise<{ core: Core; s: SeededMinutes; present: AttendanceRow; apologies: AttendanceRow }> {
  const core = await tempCore();
  const s = await seedFixtureMinutes(inProcess(core));
  const { rows } = ok<{ rows: AttendanceRow[] }>(core, 'getAttendance', { meetingId: s.meetingId });
  return { core, s, present: rows.find((r) => r.initials === 'GS')!, apologies: rows.find((r) => r.status === 'apologies')! };
}

describe('the register of interests', () => {
  it('keeps each member’s interests with their category and dates, and refuses dates that end before they start', async () => {
    const { core, s } = await fixture();
    const roster = ok<RosterMember[]>(core, 'listRoster', { boardId: s.boardId });
    const gs = roster.find((m) => m.initials === 'GS')!;
    const saved = ok<InterestEntry>(core, 'saveInterest', { boardId: s.boardId, memberId: gs.id, interest: 'Trustee, Southwark Carers', category: 'other_registrable', fromDate: '2012-04-01' });
    expect(saved).toMatchObject({ memberName: gs.fullName, initials: 'GS', interest: 'Trustee, Southwark Carers', category: 'other_registrable', fromDate: '2012-04-01', toDate: null });
    const before = dump(core);
    expect(refused(core, 'saveInterest', { boardId: s.boardId, memberId: gs.id, interest: 'Governor', category: 'non_registrable', fromDate: '2014-05-01', toDate: '2014-01-01' })).toMatchObject({
      code: 'invalid_input',
      message: 'The interest cannot end before it starts: check the dates.',
      field: 'toDate',
    });
    expect(refused(core, 'saveInterest', { boardId: s.boardId, memberId: s.meetingId, interest: 'Governor', category: 'non_registrable' })).toMatchObject({ code: 'invalid_input', field: 'memberId' });
    expect(dump(core)).toEqual(before);
    ok(core, 'saveInterest', { boardId: s.boardId, interestId: saved.id, memberId: gs.id, interest: 'Trustee, Southwark Carers', category: 'other_registrable', fromDate: '2012-04-01', toDate: '2014-03-31' });
    expect(ok<InterestRegister>(core, 'listInterests', { boardId: s.boardId }).entries.map((e) => [e.interest, e.toDate])).toEqual([['Trustee, Southwark Carers', '2014-03-31']]);
    // Offered as the wording of a declaration at a meeting while it was held.
    expect(ok<MeetingDeclarations>(core, 'getDeclarations', { meetingId: s.meetingId }).registered).toEqual([{ memberId: gs.id, interest: 'Trustee, Southwark Carers' }]);
    ok(core, 'removeInterest', { interestId: saved.id });
    expect(ok<InterestRegister>(core, 'listInterests', { boardId: s.boardId }).entries).toEqual([]);
  });
});

describe('declarations made at a meeting', () => {
  it('are made by someone who was there, on one of its items; anyone else is refused and nothing changes', async () => {
    const { core, s, present, apologies } = await fixture();
    const before = dump(core);
    expect(refused(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: apologies.id, agendaItemId: null, interest: 'Employed by the CCG', participation: 'took_part' })).toEqual({
      code: 'invalid_input',
      message: `${apologies.displayName} was not at this meeting (recorded as giving apologies), so cannot have declared an interest at it.`,
      field: 'attendanceId',
    });
    expect(refused(core, 'recordDeclaration', { meetingId: s.laterMeetingId, attendanceId: present.id, agendaItemId: null, interest: 'x', participation: 'took_part' })).toMatchObject({ field: 'attendanceId' });
    const otherItem = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: s.laterMeetingId, title: 'Elsewhere' }).item.id;
    const afterItem = dump(core);
    expect(refused(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: otherItem, interest: 'x', participation: 'took_part' })).toMatchObject({ field: 'agendaItemId' });
    expect(dump(core)).toEqual(afterItem);
    expect(before).not.toEqual(afterItem);

    const declared = ok<Declaration>(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: s.items['6b'], interest: 'Landlord of a privately fostered child', participation: 'left_room' });
    expect(declared).toMatchObject({ name: 'Geri Scott', initials: 'GS', agendaItemId: s.items['6b'], participation: 'left_room' });
    expect(ok<MeetingDeclarations>(core, 'getDeclarations', { meetingId: s.meetingId }).declarations).toEqual([declared]);
  });

  it('print in the minutes, the PDF, the Word document and the HTML; the public version leaves out those on confidential items', async () => {
    const { core, s, present } = await fixture();
    ok(core, 'updateAgendaItem', { itemId: s.items['6c'], confidential: true });
    ok(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: s.items['6b'], interest: 'Landlord of a privately fostered child', participation: 'left_room' });
    ok(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: s.items['6c'], interest: 'Sits on the fostering panel', participation: 'took_no_part' });
    const sentence = 'Geri Scott (GS) declared an interest: Landlord of a privately fostered child; left the room for the item.';
    const hidden = 'Sits on the fostering panel';

    const pdf = (await buildMinutesPdf(core.store!, { meetingId: s.meetingId, version: 'public' }, printHtmlToPdf)).bytes;
    const pdfText = squash(pdfTextPages(pdf).join('\n'));
    const docx = docxText((await buildMinutesDocx(core.store!, s.meetingId, 'public')).bytes).body;
    const web = htmlText(buildMinutesWebHtml(core.store!, s.meetingId, 'public').bytes.toString('utf8'));
    for (const [format, text] of [['PDF', pdfText], ['Word', squash(docx)], ['HTML', squash(web)]] as const) {
      expect(text, format).toContain(squash(sentence));
      expect(text, format).toContain(squash('Declarations of interest'));
      expect(text, format).not.toContain(squash(hidden));
    }
    expect(htmlText(renderMeetingHtml(core.store!, s.meetingId, 'full').html)).toContain(hidden);
    expect(docxText((await buildMinutesDocx(core.store!, s.meetingId, 'full')).bytes).body).toContain(hidden);
  }, 60_000);

  it('print under the standing "Declarations of interest" item when the agenda has one', async () => {
    const { core, s, present } = await fixture();
    const standing = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: s.meetingId, title: 'Declarations of interest' }).item.id;
    ok(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: null, interest: 'Council tenant', participation: 'took_part' });
    expect(ok<MeetingDeclarations>(core, 'getDeclarations', { meetingId: s.meetingId }).standingItemId).toBe(standing);
    const html = renderMeetingHtml(core.store!, s.meetingId, 'public').html;
    const section = html.slice(html.indexOf('Declarations of interest</h2>'));
    expect(section.slice(0, section.indexOf('</section>'))).toContain('<td>Council tenant</td>');
    expect(html).not.toContain('declarations-section');
  });

  it('are frozen with the agreed minutes, hashed with them, and the signature block ends agreed minutes in every format', async () => {
    const { core, s, present } = await fixture();
    const made = ok<Declaration>(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: null, interest: 'Council tenant', participation: 'took_part' });
    ok(core, 'setSignatureBlock', { boardId: s.boardId, signatureBlock: true });
    // A draft is not signed.
    expect(htmlText(renderMeetingHtml(core.store!, s.meetingId, 'full').html)).not.toContain('Signed as a correct record');
    ok(core, 'circulateMinutes', { meetingId: s.meetingId });
    ok(core, 'agreeMinutes', { meetingId: s.meetingId, atMeetingId: s.laterMeetingId });
    const before = dump(core);
    expect(refused(core, 'recordDeclaration', { meetingId: s.meetingId, attendanceId: present.id, agendaItemId: null, interest: 'Another', participation: 'took_part' })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/agreed as accurate/),
    });
    expect(refused(core, 'removeDeclaration', { declarationId: made.id })).toMatchObject({ code: 'conflict' });
    expect(() => core.store!.db.prepare('DELETE FROM declarations').run()).toThrow(/agreed as accurate/);
    expect(dump(core)).toEqual(before);
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: s.meetingId }).matches).toBe(true);
    expect(ok<MeetingDeclarations>(core, 'getDeclarations', { meetingId: s.meetingId }).editable).toBe(false);

    const signed = ['Signed as a correct record', 'Chair', 'Date'];
    const print = htmlText(renderMeetingHtml(core.store!, s.meetingId, 'public').html);
    const docx = docxText((await buildMinutesDocx(core.store!, s.meetingId, 'public')).bytes).body;
    const web = htmlText(buildMinutesWebHtml(core.store!, s.meetingId, 'public').bytes.toString('utf8'));
    for (const text of [print, docx, web]) {
      expect(text).toContain('Signed as a correct record');
      for (const line of signed) expect(text).toContain(line);
      expect(text.indexOf('Signed as a correct record')).toBeGreaterThan(text.indexOf('Content hash'));
    }
  });
});

describe('the HTML publication and the PDF say the same', () => {
  it('the HTML’s text is the PDF’s text, leaving out the PDF’s running header and footer on each page', async () => {
    const { core, s } = await fixture();
    const web = buildMinutesWebHtml(core.store!, s.meetingId, 'public').bytes.toString('utf8');
    const pdf = (await buildMinutesPdf(core.store!, { meetingId: s.meetingId, version: 'public' }, printHtmlToPdf)).bytes;
    const pages = pdfTextPages(pdf);
    const running = ['Minutes and Actions', 'Southwark Safeguarding Children Executive Board (sample)', '19 February 2014, 11.00 am – 1.00 pm', 'DRAFT – subject to agreement · Public version', 'DRAFT – subject to agreement'];
    const body = pages
      .map((page, i) => {
        let text = squash(page);
        for (const r of [...running, `Page ${i + 1} of ${pages.length}`]) text = text.replace(squash(r), '');
        return text;
      })
      .join('');
    const html = squash(htmlText(web).replace('Skip to the minutes', ''));
    // Layout aside (line breaks, the running header where each page starts), the words are the same, in the same order.
    expect(body.length).toBeGreaterThan(5000);
    expect(html.length).toBeGreaterThan(5000);
    expect(Math.abs(body.length - html.length)).toBeLessThan(html.length * 0.02);
    // A table running over a page break repeats its header row there (layout): at most one passage per break differs.
    const passages = Array.from({ length: Math.floor(html.length / 200) }, (_, i) => html.slice(i * 200, i * 200 + 80));
    const missing = passages.filter((p) => !body.includes(p));
    expect(missing.length).toBeLessThanOrEqual(pages.length - 1);
    expect(passages.length).toBeGreaterThan(25);
  }, 60_000);
});
