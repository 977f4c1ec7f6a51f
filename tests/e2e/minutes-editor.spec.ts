// The minutes editor end to end: item 1a of the 19 February 2014 Executive Board typed live,
// with its four actions, surviving a reload and a crash of the app; and bad input handled.
import { expect, test } from './fixtures';
import { BOARD, openFixtureMeeting, openMeeting } from './fixture-meeting';
import { openTestFile } from '../helpers/testKey';
import { discussionPlainText, parseDiscussionJson } from '../../shared/domain/discussion';
import { unpackDiscussion } from '../../electron/core/store/discussionPacked';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';


const DISCUSSION_BULLETS = [
  'standard terms of reference for sub groups',
  'creation of private fostering and children missing sub groups',
  'a challenge panel approach to the s11 safeguarding reporting process for 2014',
  'an independent chair for the audit and learning sub group',
];

const ACTIONS = [
  { details: 'All recommendations from item 1a agreed', owners: 'AF', chips: ['AF'] },
  { details: 'Review processes and terms of reference around new subgroups to ensure they strengthen existing governance arrangements', owners: 'AF & EA', chips: ['AF', 'EA'] },
  { details: 'Independent chair of audit and learning subcommittee to be recruited via the specialist recruitment department', owners: 'AF', chips: ['AF'] },
  { details: 'Feedback on lessons from CDOP to the next executive board', owners: 'AF', chips: ['AF'], due: 'next meeting' },
];

test('types item 1a of 19 February 2014 with its four actions, and finds it all after a reload and after the app is killed', async ({ page, host }) => {
  const { app, minutes } = await openFixtureMeeting(page, host);
  await expect(page.getByText('No agenda items yet')).toBeVisible();

  await minutes.addItem();
  const one = minutes.item('1');
  await expect(one.title).toBeFocused();
  await page.keyboard.type('Minutes and actions arising');
  await page.keyboard.press('Control+Shift+Enter');
  const item = minutes.item('1a');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Update on SSCB sub-groups and s11 process for 2014');
  // Enter in the title goes on to the discussion.
  await page.keyboard.press('Enter');
  await expect(item.discussion).toBeFocused();
  await page.keyboard.type('AF explained the proposals for:');
  await page.keyboard.press('Enter');
  await item.button('Bulleted list').click();
  for (const [i, bullet] of DISCUSSION_BULLETS.entries()) {
    await page.keyboard.type(bullet);
    await page.keyboard.press('Enter');
    if (i === DISCUSSION_BULLETS.length - 1) await page.keyboard.press('Enter');
  }
  await page.keyboard.type('All recommendations were accepted');
  await expect(item.discussion.locator('ul > li')).toHaveCount(4);

  for (const [i, a] of ACTIONS.entries()) {
    await item.root.getByRole('button', { name: 'Add an action to item 1a' }).click();
    const row = item.action(i + 1);
    await expect(row.details).toBeFocused();
    await page.keyboard.type(a.details);
    await row.owners.fill(a.owners);
    await row.owners.press('Enter');
    await expect(row.ownerChips).toHaveText(a.chips);
    if (a.due) {
      await row.due.fill(a.due);
      await expect(row.dueReading).toHaveText('→ the next meeting');
    }
  }
  await minutes.saved();

  await page.reload();
  await expect(minutes.item('1').title).toHaveValue('Minutes and actions arising');
  await expect(item.title).toHaveValue('Update on SSCB sub-groups and s11 process for 2014');
  await expect(item.discussion.locator('ul > li')).toHaveText(DISCUSSION_BULLETS);
  await expect(item.discussion).toContainText('AF explained the proposals for:');
  await expect(item.discussion).toContainText('All recommendations were accepted');
  await expect(item.actionRows().locator('.action-seq')).toHaveText(['1', '2', '3', '4']);
  expect(await item.actionRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')))).toEqual([
    '2014-02-19/1',
    '2014-02-19/2',
    '2014-02-19/3',
    '2014-02-19/4',
  ]);
  for (const [i, a] of ACTIONS.entries()) {
    await expect(item.action(i + 1).details).toHaveValue(a.details);
    await expect(item.action(i + 1).ownerChips).toHaveText(a.chips);
  }
  await expect(item.action(4).due).toHaveValue('next meeting');
  await expect(item.action(4).dueReading).toHaveText('→ the next meeting');

  // A sentence typed, saved, and then the app dies without warning.
  const sentence = 'RB expressed support for the creation of the new sub-groups.';
  await item.discussion.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(sentence);
  await expect(item.discussion.locator('p').last()).toHaveText(sentence);
  await minutes.saved();
  await host.restart('SIGKILL');
  await openMeeting(page, app, host);
  await expect(minutes.item('1a').discussion).toContainText(sentence);
  await expect(minutes.item('1a').discussion.locator('ul > li')).toHaveCount(4);

  // The file stores the JSON alone; the plain text derived from it keeps the list on its own lines.
  await host.stop();
  const db = openTestFile(host.dataFile, { readonly: true });
  const stored = db.prepare("SELECT discussion_deflated, discussion_text FROM agenda_items WHERE number = '1a'").get() as { discussion_deflated: Buffer; discussion_text: string | null };
  const row = { discussion_json: unpackDiscussion(stored.discussion_deflated) as string, discussion_text: stored.discussion_text };
  db.close();
  expect(row.discussion_text).toBeNull();
  const text = discussionPlainText(parseDiscussionJson(row.discussion_json) ?? []);
  expect(text).toBe(['AF explained the proposals for:', ...DISCUSSION_BULLETS.map((b) => `- ${b}`), 'All recommendations were accepted', sentence].join('\n'));
});

test('bad input: a 5 MB paste, emoji and right-to-left text, an empty title, an owner nobody knows and 31/02', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await expect(item.title).toBeFocused();
  await expect(item.root.getByText('This item has no title yet: the minutes will print its number alone.')).toBeVisible();

  const title = 'Young people’s engagement 👍 مرحبا';
  const words = 'The shadow board 👍 said: مرحبا بكم — MH asked about membership.';
  await item.title.fill(title);
  await expect(item.root.getByText('This item has no title yet')).toHaveCount(0);
  await item.discussion.click();
  await page.keyboard.type(words);
  await expect(item.discussion).toHaveText(words);
  await expect(item.root.getByRole('note')).toHaveText('Not on the board’s roster: MH. Check the initials, or add the person to the roster.');

  // Five megabytes pasted at once: refused with a message, and nothing typed is lost.
  await item.discussion.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Annual report. '.repeat(350_000));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(item.root.getByRole('alert')).toContainText('Nothing was pasted: that is 5,250,000 characters');
  await expect(item.discussion).toHaveText(words);

  await item.root.getByRole('button', { name: 'Add an action to item 1' }).click();
  const action = item.action(1);
  await expect(action.details).toBeFocused();
  await page.keyboard.type('Invite young people to the shadow board');
  await action.owners.fill('tbc');
  await action.owners.press('Enter');
  await expect(action.ownerChips).toHaveText(['tbc']);
  await expect(action.root.getByText('not on the roster')).toBeVisible();

  await action.due.fill('31/02');
  await expect(action.dueReading).toHaveText('31 February does not exist (February has 28 days).');
  await expect(minutes.status).toContainText('A change was not saved: 31 February does not exist');
  await expect(action.due).toHaveValue('31/02');
  await action.due.fill('28/02');
  await expect(action.dueReading).toHaveText('→ 28 February 2014');
  await minutes.saved();

  await page.reload();
  await expect(item.title).toHaveValue(title);
  await expect(item.discussion).toHaveText(words);
  await expect(item.action(1).ownerChips).toHaveText(['tbc']);
  await expect(item.action(1).root.getByText('not on the roster')).toBeVisible();
  await expect(item.action(1).due).toHaveValue('28/02');
});

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
<style>p.MsoNormal { font-family: Calibri; }</style></head><body lang=EN-GB>
<p class=MsoNormal><span style='font-family:"Comic Sans MS";color:red;font-size:20pt'>The board <b>agreed</b> the <i>CSE strategy</i> with a <u>proviso</u>:<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='color:blue'>health data for the next meeting</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>an analysis of referrals into MASH<o:p></o:p></p>
<p class=MsoNormal align=center style='text-align:center;background:yellow'>RB asked that the scorecard be reissued.<o:p></o:p></p>
</body></html>`;

test('a paste from Word keeps its text, list and emphasis, and drops its fonts and colours', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Child Sexual exploitation');
  await item.discussion.click();
  await item.discussion.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'The board agreed the CSE strategy with a proviso:\nhealth data for the next meeting\nan analysis of referrals into MASH\nRB asked that the scorecard be reissued.');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_HTML);
  await expect(item.discussion.locator('ul > li')).toHaveText(['health data for the next meeting', 'an analysis of referrals into MASH']);
  await expect(item.discussion.locator('.ed-bold')).toHaveText('agreed');
  await expect(item.discussion.locator('.ed-italic')).toHaveText('CSE strategy');
  await expect(item.discussion.locator('.ed-underline')).toHaveText('proviso');
  await expect(item.discussion).toContainText('RB asked that the scorecard be reissued.');
  await expect(item.discussion.locator('[style]')).toHaveCount(0);
  await minutes.saved();
  await page.reload();
  await expect(item.discussion.locator('ul > li')).toHaveCount(2);
  await expect(item.discussion.locator('.ed-bold')).toHaveText('agreed');
  await expect(item.discussion.locator('[style]')).toHaveCount(0);
});

test('keyboard first: new items and sub-items, moving, an action from selected text, a decision, the shortcut sheet, and dragging in the agenda', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  const outline = minutes.outline();
  const numbers = () => outline.locator('li').evaluateAll((rows) => rows.map((r) => r.textContent?.trim()));

  await page.keyboard.press('Control+Enter');
  await expect(minutes.item('1').title).toBeFocused();
  await page.keyboard.type('Performance Management');
  // Typing straight on, without waiting for the new item: nothing typed goes astray.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Private Fostering');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Report of the IRO and CP chairs');
  await expect(minutes.item('3').title).toBeFocused();
  await expect(minutes.item('1').title).toHaveValue('Performance Management');
  await expect(minutes.item('2').title).toHaveValue('Private Fostering');
  await expect(minutes.item('3').title).toHaveValue('Report of the IRO and CP chairs');
  await minutes.saved();

  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(numbers).toEqual(['1 Performance Management', '2 Report of the IRO and CP chairs', '3 Private Fostering']);
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(numbers).toEqual(['1 Performance Management', '1a Report of the IRO and CP chairs', '2 Private Fostering']);
  await expect(minutes.item('1a').title).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(minutes.item('2').title).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(numbers).toEqual(['1 Performance Management', '1a Report of the IRO and CP chairs', '1b Private Fostering']);
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(numbers).toEqual(['1 Performance Management', '1a Report of the IRO and CP chairs', '2 Private Fostering']);

  // Selected discussion text becomes a new action's details.
  const first = minutes.item('1');
  await first.discussion.click();
  await page.keyboard.type('Health performance measures to be discussed at next Health sub group');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Alt+Shift+A');
  await expect(first.action(1).owners).toBeFocused();
  await expect(first.action(1).details).toHaveValue('Health performance measures to be discussed at next Health sub group');
  await page.keyboard.type('EA');
  await page.keyboard.press('Enter');
  await expect(first.action(1).ownerChips).toHaveText(['EA']);
  await first.discussion.click();
  await page.keyboard.press('Alt+Shift+D');
  await expect(first.decisions().first()).toBeFocused();
  await page.keyboard.type('The scorecard was agreed');

  // The shortcut sheet.
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('New sub-item (1a, 1b…) under this item')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // Dragging "Private Fostering" onto item 1 makes it a sub-item.
  const target = outline.locator('li').filter({ hasText: 'Performance Management' });
  const box = await target.boundingBox();
  await outline.locator('li').filter({ hasText: 'Private Fostering' }).dragTo(target, { targetPosition: { x: 20, y: (box?.height ?? 20) / 2 } });
  await expect.poll(numbers).toEqual(['1 Performance Management', '1a Report of the IRO and CP chairs', '1b Private Fostering']);

  // Decimal numbering for this board.
  await page.getByRole('button', { name: 'Numbering and references' }).click();
  const dialog = page.getByRole('dialog', { name: 'Numbering and references' });
  await dialog.getByLabel('1, 1.1, 1.2, 2').check();
  await dialog.getByLabel('Action reference format').fill("'SSCB' yyyy-MM-dd/{n}");
  await expect(dialog.getByText('For this meeting: SSCB 2014-02-19/1, SSCB 2014-02-19/2…')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(numbers).toEqual(['1 Performance Management', '1.1 Report of the IRO and CP chairs', '1.2 Private Fostering']);

  // Deleting an item takes it off at once, says so with an Undo, and is made once the notice goes.
  await minutes.item('1.2').root.getByRole('button', { name: 'Delete item 1.2' }).click();
  await expect.poll(numbers).toEqual(['1 Performance Management', '1.1 Report of the IRO and CP chairs']);
  const notice = page.getByRole('status').filter({ hasText: 'deleted' });
  await expect(notice).toHaveText('Item 1.2 deleted · Undo');
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  await minutes.saved();

  await page.reload();
  await expect.poll(numbers).toEqual(['1 Performance Management', '1.1 Report of the IRO and CP chairs']);
  await expect(minutes.item('1').action(1).ownerChips).toHaveText(['EA']);
  await expect(minutes.item('1').decisions()).toHaveCount(1);
  await expect(minutes.item('1').decisions().first()).toHaveValue('The scorecard was agreed');
});

test('undo reaches back past autosaves, and the header is edited in place', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Horizon scan');
  await page.keyboard.press('Enter');
  await page.keyboard.type('First sentence.');
  await minutes.saved();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second sentence.');
  await minutes.saved();
  await page.keyboard.press('Control+z');
  await expect(item.discussion).not.toContainText('Second sentence.');
  await expect(item.discussion).toContainText('First sentence.');
  await page.keyboard.press('Control+y');
  await expect(item.discussion).toContainText('Second sentence.');
  await page.keyboard.press('Control+z');
  await expect(item.discussion).not.toContainText('Second sentence.');
  await minutes.saved();

  await page.getByText('Meeting details').click();
  await page.getByLabel('Board (as printed on these minutes)').fill('Southwark Safeguarding Children Board – Executive');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Southwark Safeguarding Children Board – Executive');
  await page.getByLabel('Venue').fill('Room G02b, 160 Tooley Street, SE1');
  await page.getByLabel('Ends').fill('10:00');
  await expect(page.getByRole('alert').filter({ hasText: 'The meeting must end after it starts.' })).toBeVisible();
  await page.getByLabel('Ends').fill('13:00');
  const next = page.getByRole('group', { name: 'Next meeting' });
  await next.getByLabel('Date').fill('2014-04-10');
  await next.getByLabel('Time').fill('10:30');
  await next.getByLabel('Place').fill('160 Tooley Street');
  await minutes.saved();

  await page.reload();
  await expect(item.discussion).toContainText('First sentence.');
  await expect(item.discussion).not.toContainText('Second sentence.');
  await expect(page.locator('.minutes-venue')).toHaveText('Room G02b, 160 Tooley Street, SE1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Southwark Safeguarding Children Board – Executive');
  // The board itself keeps its name: only these minutes print the other one.
  await expect(page.getByRole('navigation', { name: 'Boards' })).toContainText(BOARD);
  await expect(page.getByText('Meeting details · Next meeting: 10 April 2014, 10.30 am, 160 Tooley Street')).toBeVisible();
});

test('opening a meeting writes nothing: only the discussion typed into is saved', async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/saveDiscussion')) saves.push((JSON.parse(r.postData() ?? '{}') as { itemId: string }).itemId);
  });
  await app.open(host.url);
  await app.sidebarBoard('Southwark Safeguarding Children Executive Board \\(sample\\)').click();
  await page.locator('table.meeting-table tbody tr').filter({ hasText: '10 April 2014' }).getByRole('link').first().click();
  const minutes = new MinutesPage(page);
  // Every item's discussion as the sample stored it, in its own key order: the editors take it
  // up, and Lexical marks it changed as each plugin registers (the cleaner, lists, links, tables).
  const editors = page.getByTestId('discussion-editor');
  await expect(editors).toHaveCount(10);
  const typed = editors.nth(2);
  await expect(typed).toBeEditable();
  await minutes.saved();
  await typed.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Agreed.');
  await minutes.saved();
  expect(saves).toEqual([await typed.getAttribute('data-item-id')]);
});
