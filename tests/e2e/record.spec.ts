// The record is what was said at the meeting, through the app: Chris McCree was CM at the
// meeting of 10 April 2014 and is CMc on the roster by 1 July, when those minutes are agreed.
// Typed as CM after the roster changed, shown as CM, printed as CM; and the decision in July's
// minutes recording the agreement cannot be edited or deleted.
import type { RosterMember } from '../../shared/contract';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';
import { boardLink, RecordPanel } from './publication-pages';
import { FIXTURE_BOARD, overHttp, seedFixtureMinutes } from '../helpers/fixture-minutes';
import { pdfTextPages, squashed } from '../helpers/pdf';

const INVITE = 'AF to provide CM with an invite to CAMHS service users to join the shadow safeguarding board';

test('10 April’s owners are named as 10 April named them: typed, shown, agreed and printed as CM after the roster says CMc', async ({ page, host, dir }) => {
  const call = overHttp(host.origin, host.token);
  // Test setup through the API: the sample board and 19 February's minutes; 10 April's item and
  // action (no owner yet); the meeting of 1 July; Chris McCree re-initialled CMc.
  const seeded = await seedFixtureMinutes(call);
  const item = ((await call('addAgendaItem', { meetingId: seeded.laterMeetingId, title: 'CAMHS service users' })) as { item: { id: string } }).item;
  await call('addAction', { itemId: item.id, details: INVITE });
  await call('createMeeting', { boardId: seeded.boardId, date: '2014-07-01' });
  const roster = (await call('listRoster', { boardId: seeded.boardId })) as RosterMember[];
  const cm = roster.find((m) => m.initials === 'CM')!;
  await call('updateRosterMember', { memberId: cm.id, fullName: cm.fullName, initials: 'CMc' });

  const app = new Workspace(page);
  await app.open(host.url);
  await boardLink(page, FIXTURE_BOARD).click();
  await app.meetingRows().filter({ hasText: '10 April 2014' }).getByRole('link').click();
  const minutes = new MinutesPage(page);
  const action = minutes.item('1').action(1);
  // The owner box knows people as 10 April's attendance names them: CM is Chris McCree there.
  await action.owners.fill('AF & CM');
  await action.owners.press('Enter');
  await expect(action.ownerChips).toHaveText(['AF', 'CM']);
  await expect(action.root.locator('.owner-unknown')).toHaveCount(0);
  await minutes.saved();

  // Agreed at 1 July (whose roster says CMc): still CM, on screen and in the PDF.
  const record = new RecordPanel(page);
  await record.circulate();
  await record.agree('1 July 2014');
  await page.reload();
  const agreed = page.getByRole('article', { name: 'The minutes' }).getByRole('table', { name: 'Decisions and/or actions agreed' });
  await expect(agreed.getByRole('row').filter({ hasText: INVITE })).toContainText('AF & CM');
  const pdf = pdfTextPages(await record.exportPdf('full', dir)).join('\n');
  expect(squashed(pdf)).toContain(squashed(`${INVITE} AF & CM`));
  expect(pdf).not.toContain('CMc');

  // July's minutes record the agreement: that decision is read-only, with no delete button.
  await boardLink(page, FIXTURE_BOARD).click();
  await app.meetingRows().filter({ hasText: '1 July 2014' }).getByRole('link').click();
  await expect(minutes.item('1').title).toHaveValue('Minutes and actions arising');
  const decision = minutes.item('1').decisions().first();
  await expect(decision).toHaveValue('The minutes of the meeting held on 10 April 2014 were reviewed and agreed as accurate.');
  await expect(decision).toHaveAttribute('readonly', '');
  await expect(minutes.item('1').root.getByRole('button', { name: /^Delete decision 1/ })).toHaveCount(0);
});
