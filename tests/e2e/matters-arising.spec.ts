// Matters arising end to end with the real fixture meetings: 10 April 2014 started from
// 19 February lists all 13 actions; progress recorded through the UI decides what the next
// meeting lists; the action log filtered to EA and its CSV hold exactly EA's open actions.
import fs from 'node:fs';
import type { ActionLog, MattersArising, MeetingDetail, MeetingSummary } from '../../shared/contract';
import { APRIL, enterFixtureMinutes } from '../helpers/fixture-agenda';
import { ActionLogScreen, ArisingSection, MeetingScreen } from './arising-pages';
import { expect, test } from './fixtures';
import { februaryEntered, openMeeting } from './february-entered';
import { Workspace } from './pages';
import { parseCsv } from '../helpers/csv';

/** The 19 February actions still in train at 10 April (printed numbers 2, 6 and 12); the other ten were done. */
const IN_TRAIN = new Set(['2', '6', '12']);

test('10 April started from 19 February lists all 13; progress there decides the next meeting; the log and its CSV show EA’s actions', async ({ page, host }) => {
  test.setTimeout(240_000);
  const { api, boardName, febActions } = await februaryEntered(host);
  const meeting = new MeetingScreen(page);
  const arising = new ArisingSection(page);

  // Start 10 April from 19 February, through the UI.
  await openMeeting(page, host, boardName, '19 February 2014');
  // The first meeting has nothing arising from an earlier one.
  await expect(arising.root).toHaveCount(0);
  await meeting.startNextMeeting({ date: '2014-04-10', start: '10:30', end: '12:30' });
  await expect(meeting.heading()).toHaveText('10 April 2014');
  await expect(arising.entries()).toHaveCount(13);
  expect(await arising.references()).toEqual(febActions.map((a) => a.action.reference));
  for (const ref of await arising.references()) await expect(arising.entry(ref).carried).toHaveText('Carried 1');
  await expect(page.getByRole('textbox', { name: 'Title, item 2', exact: true })).toHaveValue('Minutes and actions arising from 19 February 2014');

  // 10 April's own items and 11 actions (test setup, through the API), then the page again.
  const aprId = /#\/meetings\/([\w-]+)/.exec(page.url())?.[1] as string;
  const aprActions = await enterFixtureMinutes(api, aprId, APRIL);
  expect(aprActions).toHaveLength(11);
  await page.reload();
  await expect(arising.entries()).toHaveCount(13);

  // Ten done, one by one; then "all actions were either completed or in train".
  const done = febActions.filter((a) => !IN_TRAIN.has(a.printedRef));
  for (const a of done) await arising.entry(a.action.reference).status.selectOption({ label: 'Done' });
  await arising.entry(febActions[0]!.action.reference).update.fill('All recommendations from item 1a have been implemented.');
  await meeting.saved();
  await arising.markAllInProgress().click();
  for (const a of febActions) {
    await expect(arising.entry(a.action.reference).status).toHaveValue(IN_TRAIN.has(a.printedRef) ? 'in_progress' : 'done');
  }
  await meeting.saved();
  await expect(arising.markAllInProgress()).toBeDisabled();

  // It was all saved: after a reload the statuses and the update are still there.
  await page.reload();
  await expect(arising.entries()).toHaveCount(13);
  for (const a of febActions) {
    await expect(arising.entry(a.action.reference).status).toHaveValue(IN_TRAIN.has(a.printedRef) ? 'in_progress' : 'done');
  }
  await expect(arising.entry(febActions[0]!.action.reference).update).toHaveValue('All recommendations from item 1a have been implemented.');

  // The next meeting, started from 10 April: the three still in train, carried twice, and 10 April's eleven.
  await meeting.startNextMeeting({ date: '2014-05-29' });
  await expect(meeting.heading()).toHaveText('29 May 2014');
  await expect(arising.entries()).toHaveCount(14);
  const stillOpen = febActions.filter((a) => IN_TRAIN.has(a.printedRef)).map((a) => a.action.reference);
  expect(await arising.references()).toEqual([...stillOpen, ...aprActions.map((a) => a.action.reference)]);
  for (const ref of stillOpen) {
    await expect(arising.entry(ref).carried).toHaveText('Carried 2');
    await expect(arising.entry(ref).status).toHaveValue('in_progress');
  }
  for (const a of aprActions) await expect(arising.entry(a.action.reference).carried).toHaveText('Carried 1');

  // The action log, filtered to EA: EA's own and those EA shares ("AF & EA", "EA / Jackie Cook").
  const log = new ActionLogScreen(page);
  await log.open();
  await expect(log.rows()).toHaveCount(14);
  await log.filter('Owner').selectOption({ label: 'EA – Elaine Allegretti' });
  const eas = [...febActions.filter((a) => IN_TRAIN.has(a.printedRef)), ...aprActions].filter((a) => /\bEA\b/.test(a.owner));
  expect(eas.map((a) => a.owner)).toEqual(['AF & EA', 'EA', 'EA', 'EA', 'EA / Jackie Cook', 'EA']);
  await expect(log.rows()).toHaveCount(eas.length);
  const shown = await log.references();
  expect([...shown].sort()).toEqual(eas.map((a) => a.action.reference).sort());
  await expect(log.rows().filter({ hasText: 'AF & EA' })).toHaveCount(1);
  await expect(log.rows().filter({ hasText: 'EA & JC' })).toHaveCount(1);
  await expect(log.summary).toContainText(`${eas.length} of 14 outstanding actions`);

  // The CSV of that view holds the same rows, in the same order.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^SSCB action log EA \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header?.slice(0, 4)).toEqual(['Reference', 'Board', 'Details', 'Owners']);
  expect(rows.map((r) => r[0])).toEqual(shown);
  expect(rows.map((r) => r[3])).toContain('AF & EA');
  expect(rows.find((r) => r[0] === stillOpen[0])?.[8]).toBe('19/02/2014');

  // The core agrees: EA's open actions, no more and no fewer.
  const all = (await api('outstandingActions', {})) as ActionLog;
  const eaKey = all.actions.flatMap((a) => a.owners).find((o) => o.kind === 'member' && o.initials === 'EA')?.key;
  expect(all.actions.filter((a) => a.owners.some((o) => o.key === eaKey)).map((a) => a.reference).sort()).toEqual([...shown].sort());
});

test('bad input: a meeting dated before the one it follows, a filter matching nothing; superseding, an action’s page, deleting a draft', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { api, boardId, boardName, febActions } = await februaryEntered(host);
  const meeting = new MeetingScreen(page);
  const arising = new ArisingSection(page);
  await openMeeting(page, host, boardName, '19 February 2014');

  // A next meeting dated before 19 February is refused in the dialog, and nothing is created.
  const dialog = await meeting.startNextMeeting({ date: '2014-01-15' });
  await expect(dialog.getByText('The next meeting must be after the meeting it follows (19 February 2014).')).toBeVisible();
  await expect(dialog.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  expect(((await api('listMeetings', { boardId })) as MeetingSummary[]).map((m) => m.date)).toEqual(['2014-02-19']);
  await dialog.getByLabel('Date').fill('2014-04-10');
  await dialog.getByRole('button', { name: 'Start meeting' }).click();
  await expect(meeting.heading()).toHaveText('10 April 2014');
  await expect(arising.entries()).toHaveCount(13);

  // Action 1 is superseded by a new action of this meeting, typed through the minutes editor.
  const aprId = /#\/meetings\/([\w-]+)/.exec(page.url())?.[1] as string;
  const [first, second] = febActions.map((a) => a.action.reference);
  await page.getByRole('button', { name: 'Add an action to item 2', exact: true }).click();
  await page.getByRole('textbox', { name: 'Details, action 1', exact: true }).fill('Implementation plan for the sub-group recommendations');
  await meeting.saved();
  const entry = arising.entry(first as string);
  await entry.status.selectOption({ label: 'Superseded by another action' });
  await expect(entry.root.getByText('Not saved until you choose the action that replaces it.')).toBeVisible();
  await entry.replacedBy.selectOption({ label: '2014-04-10/1: Implementation plan for the sub-group recommendations' });
  await meeting.saved();
  await entry.update.fill('Replaced by a fuller plan.');
  await meeting.saved();

  // Its page: where it came from, and the update in order.
  await entry.root.getByRole('link', { name: first as string }).click();
  await expect(page.getByRole('heading', { level: 1, name: first as string })).toBeVisible();
  await expect(page.getByText('Superseded', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '19 February 2014, item 1b London Probation Trust update' })).toBeVisible();
  const updates = page.locator('ol.action-updates li');
  await expect(updates).toHaveCount(1);
  await expect(updates.first()).toContainText('10 April 2014');
  await expect(updates.first()).toContainText('Replaced by a fuller plan. Replaced by 2014-04-10/1.');
  await page.goBack();
  await expect(arising.entries()).toHaveCount(13);

  // The action log: a filter that matches nothing says so, and offers the way back.
  const log = new ActionLogScreen(page);
  await log.open();
  await expect(log.rows()).toHaveCount(13); // 12 from February and the new one; the superseded one is finished
  await log.filter('Look for').fill('no action says this');
  await expect(page.getByRole('heading', { name: 'No action matches this filter' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await page.getByRole('button', { name: 'Clear the filter' }).first().click();
  await expect(log.rows()).toHaveCount(13);
  await log.filter('Due from').fill('2014-06-01');
  await log.filter('Due to').fill('2014-05-01');
  await expect(page.getByText('The start of the due range must be on or before its end.')).toBeVisible();
  await expect(log.filter('Due to')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Clear the filter' }).first().click();
  await expect(log.rows()).toHaveCount(13);

  // Deleting the draft 10 April, after confirming: 19 February's actions are open again.
  await log.rows().filter({ hasText: 'Implementation plan' }).getByRole('link', { name: '10 April 2014' }).click();
  await expect(meeting.heading()).toHaveText('10 April 2014');
  expect(page.url()).toContain(aprId);
  await page.getByRole('button', { name: 'Delete meeting' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the meeting of 10 April 2014?' });
  await expect(confirm).toContainText('Actions from earlier meetings go back to the status they had before this meeting');
  await confirm.getByRole('button', { name: 'Delete meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: boardName })).toBeVisible();
  await expect(new Workspace(page).meetingRows()).toHaveCount(1);
  const after = (await api('outstandingActions', { boardId })) as ActionLog;
  expect(after.actions.map((a) => [a.reference, a.status])).toEqual(febActions.map((a) => [a.action.reference, 'open']));
  expect(second).toBe('2014-02-19/2');
});

test('an item deferred at 19 February is offered for the next agenda; the log prints to a PDF', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { api, boardName, feb } = await februaryEntered(host);
  const items = ((await api('getMinutes', { meetingId: feb.id })) as { items: Array<{ id: string; title: string }> }).items;
  const horizon = items.find((i) => i.title === 'Horizon scan') as { id: string };
  await api('updateAgendaItem', { itemId: horizon.id, deferred: true, deferredToText: 'the April meeting' });
  const apr = (await api('startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' })) as MeetingDetail;
  expect(((await api('getMattersArising', { meetingId: apr.id })) as MattersArising).proposals).toHaveLength(1);

  await openMeeting(page, host, boardName, '10 April 2014');
  const arising = new ArisingSection(page);
  const proposals = arising.root.getByRole('group', { name: 'Deferred at an earlier meeting' });
  await expect(proposals).toContainText('Horizon scan of 19 February 2014 (deferred to the April meeting)');
  await proposals.getByRole('button', { name: 'Add “Horizon scan” to this agenda' }).click();
  await expect(proposals).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Title, item 4', exact: true })).toHaveValue('Horizon scan');

  const log = new ActionLogScreen(page);
  await log.open();
  await log.filter('Owner').selectOption({ label: 'AF – Ann Flynn' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^SSCB action log AF \d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
});
