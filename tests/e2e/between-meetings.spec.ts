// Actions between meetings, end to end on the fixture meetings: an update reported in March on an
// action of 19 February, recorded from the action log, shows at the next meeting "since the last
// meeting" with its status preselected, is finished there, and the action's page shows both in
// one timeline. From the log, "Email owners" writes .eml drafts (parsed here as messages) and
// "Add to calendar" an .ics (parsed with ical.js) with one all-day event per dated action. The
// chair's briefing shows owners overdue first, a chart per meeting, and prints as PDF.
import fs from 'node:fs';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import type { Download } from '@playwright/test';
import type { RosterMember } from '../../shared/contract';
import { ActionLogScreen, ArisingSection, MeetingScreen } from './arising-pages';
import { expect, test } from './fixtures';
import { februaryEntered, openMeeting } from './february-entered';
import { Workspace } from './pages';
import { apiOf } from './seed';

test('an update recorded from the action log in March shows at the next meeting since the last meeting, and is finished there', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { boardName, febActions } = await februaryEntered(host);
  const ref = febActions[1]!.action.reference;

  const app = new Workspace(page);
  await app.open(host.url);
  const log = new ActionLogScreen(page);
  await log.open();
  await page.getByRole('button', { name: `Record an update on ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Record an update on ${ref}` });
  // A date before the action was agreed is refused, with the reason, and nothing is recorded.
  await dialog.getByLabel('Reported on').fill('2014-02-01');
  await dialog.getByLabel('Update', { exact: true }).fill('Terms of reference drafted; circulated to the sub-group chairs');
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog.getByText(`Action ${ref} was agreed on 19 February 2014: an update cannot be dated before that.`)).toBeVisible();
  await dialog.getByLabel('Reported on').fill('2014-03-03');
  await dialog.getByLabel('Status reported').selectOption({ label: 'In progress' });
  await dialog.getByLabel('Reported by').fill('AF by email');
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog).toHaveCount(0);
  const row = log.rows().filter({ has: page.getByRole('link', { name: ref, exact: true }) });
  await expect(row).toContainText('Terms of reference drafted; circulated to the sub-group chairs');
  await expect(row).toContainText('3 March 2014, between meetings (in progress)');

  // The next meeting: listed with what was reported since the last meeting, its status preselected.
  await openMeeting(page, host, boardName, '19 February 2014');
  const meeting = new MeetingScreen(page);
  await meeting.startNextMeeting({ date: '2014-04-10', start: '10:30', end: '12:30' });
  await expect(meeting.heading()).toHaveText('10 April 2014');
  const arising = new ArisingSection(page);
  const entry = arising.entry(ref);
  const since = entry.root.getByRole('group', { name: `Since the last meeting, action ${ref}` });
  await expect(since).toContainText('3 March 2014, AF by email (in progress): Terms of reference drafted; circulated to the sub-group chairs');
  await expect(entry.status).toHaveValue('in_progress');
  await expect(arising.entry(febActions[0]!.action.reference).root.getByRole('group')).toHaveCount(0);

  // Finished at the meeting, with its own update.
  await entry.status.selectOption({ label: 'Done' });
  await entry.update.fill('Terms of reference agreed by all sub-groups.');
  await meeting.saved();
  await expect(entry.status).toHaveValue('done');

  // The action's page: the report and the meeting's update in one timeline, in date order.
  await entry.root.getByRole('link', { name: ref, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible();
  const timeline = page.locator('ol.action-updates li');
  await expect(timeline).toHaveCount(2);
  await expect(timeline.nth(0)).toContainText('3 March 2014');
  await expect(timeline.nth(0)).toContainText('between meetings, reported by AF by email');
  await expect(timeline.nth(1)).toContainText('10 April 2014');
  await expect(timeline.nth(1)).toContainText('Terms of reference agreed by all sub-groups.');
  // Finished: nothing more is reported between meetings.
  await expect(page.getByRole('button', { name: 'Record an update' })).toHaveCount(0);
});

test('from the action log: .eml drafts for the owners with an address, and an .ics with one event per due action', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { boardId, febActions } = await februaryEntered(host);
  const api = apiOf(host);
  // Test setup through the API: two owners' addresses, and three dues as the minutes wrote them.
  const roster = (await api('listRoster', { boardId })) as RosterMember[];
  const addresses: Record<string, string> = { AF: 'ann.flynn@example.org', EA: 'e.a@example.org' };
  for (const m of roster.filter((r) => addresses[r.initials])) {
    await api('updateRosterMember', { memberId: m.id, fullName: m.fullName, initials: m.initials, email: addresses[m.initials] });
  }
  await api('updateAction', { actionId: febActions[0]!.action.id, due: 'by 22.07' });
  await api('updateAction', { actionId: febActions[1]!.action.id, due: 'end of March' });
  await api('updateAction', { actionId: febActions[2]!.action.id, due: 'next meeting' });

  const app = new Workspace(page);
  await app.open(host.url);
  await new ActionLogScreen(page).open();

  const calendar = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar' }).click();
  const ics = fs.readFileSync(await (await calendar).path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  expect(events.map((e) => [e.summary.split(':')[0], e.startDate.toString(), e.startDate.isDate])).toEqual([
    [febActions[1]!.action.reference, '2014-03-31', true],
    [febActions[0]!.action.reference, '2014-07-22', true],
  ]);
  await expect(page.getByRole('status').filter({ hasText: '2 due dates saved as a calendar file' })).toContainText(
    `${febActions[2]!.action.reference}: due at the next meeting, which is not yet set up`,
  );

  const drafts: Download[] = [];
  page.on('download', (d) => drafts.push(d));
  await page.getByRole('button', { name: 'Email owners' }).click();
  const notice = page.getByRole('status').filter({ hasText: '2 drafts saved as .eml files' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('has no email address on the roster');
  await expect.poll(() => drafts.length).toBe(2);
  const messages = await Promise.all(drafts.map(async (d) => PostalMime.parse(fs.readFileSync(await d.path(), 'utf8'))));
  const byAddress = new Map(messages.map((m) => [m.to?.[0]?.address, m]));
  expect([...byAddress.keys()].sort()).toEqual(['ann.flynn@example.org', 'e.a@example.org']);
  for (const [initials, address] of Object.entries(addresses)) {
    const mine = febActions.filter((a) => a.owner.split(/\W+/).includes(initials)).map((a) => a.action.reference);
    const text = byAddress.get(address)!.text ?? '';
    for (const ref of mine) expect(text).toContain(ref);
    // Only their own actions: no other action's reference is listed.
    for (const other of febActions.filter((a) => !mine.includes(a.action.reference))) expect(text).not.toContain(`${other.action.reference} (`);
  }
  expect(byAddress.get('ann.flynn@example.org')!.text).toContain('Due: 22 July 2014');
});

test('the chair’s briefing: owners overdue first, a chart of opened / done / overdue per meeting, and its PDF', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { boardName, febActions } = await februaryEntered(host);
  const api = apiOf(host);
  await api('updateAction', { actionId: febActions[0]!.action.id, due: 'end of March' });
  await api('recordActionProgress', { actionId: febActions[0]!.action.id, date: '2014-03-03', text: 'Plan drafted', status: 'in_progress' });

  const app = new Workspace(page);
  await app.open(host.url);
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: boardName }).click();
  await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Chair’s briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chair’s briefing' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '13 outstanding actions, 1 overdue' })).toBeVisible();
  await expect(page.getByRole('img', { name: '19 February 2014: 13 opened, 0 done, 0 overdue' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Since the last meeting/ })).toContainText(`${febActions[0]!.action.reference} 3 March 2014 (in progress): Plan drafted`);
  // The first owner's table is the one with the overdue action, and it comes first in it.
  const first = page.locator('table.briefing-table').first();
  await expect(first.locator('caption')).toContainText('1 overdue');
  await expect(first.locator('tbody tr').first()).toContainText(febActions[0]!.action.reference);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = fs.readFileSync(await (await downloading).path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a board that reminds owners a week before due offers the reminders due at start, once', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { boardId, boardName, febActions } = await februaryEntered(host);
  const api = apiOf(host);
  for (const m of ((await api('listRoster', { boardId })) as RosterMember[]).filter((r) => r.initials === 'AF' || r.initials === 'EA')) {
    await api('updateRosterMember', { memberId: m.id, fullName: m.fullName, initials: m.initials, email: `${m.initials.toLowerCase()}@example.org` });
  }
  await api('updateAction', { actionId: febActions[1]!.action.id, due: 'end of March' }); // AF & EA

  const app = new Workspace(page);
  await app.open(host.url);
  await expect(page.getByRole('region', { name: 'Reminders due' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: boardName }).click();
  await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Remind owners this many days before an action is due').fill('7');
  await page.getByRole('button', { name: 'Save reminder setting' }).click();
  const notice = page.getByRole('region', { name: 'Reminders due' });
  await expect(notice).toContainText('Reminders are due for 2 owners (1 action due soon or overdue).');

  const drafts: Download[] = [];
  page.on('download', (d) => drafts.push(d));
  await notice.getByRole('button', { name: 'Write 2 reminders' }).click();
  await expect(notice).toHaveCount(0);
  await expect.poll(() => drafts.length).toBe(2);
  const to = await Promise.all(drafts.map(async (d) => (await PostalMime.parse(fs.readFileSync(await d.path(), 'utf8'))).to?.[0]?.address));
  expect(to.sort()).toEqual(['af@example.org', 'ea@example.org']);
  // Remembered as sent: not offered again.
  expect(((await api('remindersDue', {})) as { drafts: unknown[] }).drafts).toEqual([]);
});
