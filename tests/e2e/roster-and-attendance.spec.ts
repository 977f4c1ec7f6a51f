// Boards, rosters and attendance end to end: the 19 February 2014 meeting typed in through the
// UI, initials clashes, bad input, the sample board and the register's CSV.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { AttendanceSection, BoardScreens } from './roster-pages';

interface FixturePerson {
  name: string;
  initials?: string;
  role: string | null;
  note?: string | null;
}
const feb = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/2014-02-19.json'), 'utf8')) as {
  board: string;
  present: FixturePerson[];
  apologies: FixturePerson[];
};

test('enter the 19 February 2014 attendance through the UI, reload, and find it intact', async ({ page, app }) => {
  test.setTimeout(180_000);
  const board = new BoardScreens(page);
  await app.createBoard(feb.board, 'SSCB');
  await expect(page.getByRole('heading', { level: 1, name: feb.board })).toBeVisible();

  // The roster, typed in: initials are suggested from each name (MOC for Michael O'Connor).
  await board.openRoster();
  await expect(page.getByRole('heading', { name: 'No one on the roster yet' })).toBeVisible();
  for (const p of feb.present) await board.addPerson({ name: p.name, role: p.role, initials: p.initials });
  for (const p of feb.apologies) await board.addPerson({ name: p.name, role: p.role });
  await expect(page.locator('table.roster-table tbody tr')).toHaveCount(26);
  await expect(board.rosterRow('Chris McCree')).toContainText('CM');

  await board.openSettings();
  await page.getByRole('radio', { name: 'A fraction of current members' }).check();
  await page.getByRole('textbox', { name: 'Fraction of current members' }).fill('1/3');
  await board.saveSettings();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByText('Saved rule: 1/3 of current members (9 of today’s 26 members)')).toBeVisible();

  await board.tab('Meetings').click();
  await app.createMeeting({ date: '2014-02-19', start: '11:00', end: '13:00' });
  const attendance = new AttendanceSection(page);
  await expect(attendance.section).toBeVisible();
  await expect(attendance.quorum()).toHaveText('Not quorate: 0 members present, quorum 9');

  // Everyone present except the seven who sent apologies...
  await attendance.everyonePresentExcept(feb.apologies.map((p) => p.name));
  await expect(attendance.counts()).toHaveText('19 present · 0 in attendance · 7 apologies · 0 absent');
  // ...three of them there only for one item, as printed ("Item 7" though there is no item 7)...
  await attendance.inAttendanceFor('Jonathon Toy', 'Item 3');
  await attendance.inAttendanceFor('Roisin Madden', 'Item 7');
  await attendance.inAttendanceFor('Jackie Cook', 'Item 7');
  // ...chaired by MOC, minuted by TS.
  await attendance.mark('Chair').selectOption({ label: "Michael O'Connor (MOC)" });
  await attendance.mark('Minutes').selectOption({ label: 'Tom Sawyer (TS)' });
  await expect(attendance.counts()).toHaveText('16 present · 3 in attendance · 7 apologies · 0 absent');
  await expect(attendance.quorum()).toHaveText('Quorate: 16 members present, quorum 9');
  await attendance.saved();

  await page.reload();
  await expect(attendance.section).toBeVisible();
  await expect(attendance.counts()).toHaveText('16 present · 3 in attendance · 7 apologies · 0 absent');
  // Recorded before the page opened, the attendance is one line until asked for.
  await expect(attendance.section.locator('table.attendance-table')).toBeHidden();
  await expect(attendance.section.locator('.attendance-marks-summary')).toHaveText('Chair: MOC · Minutes: TS');
  await attendance.expand();
  await expect(attendance.quorum()).toHaveText('Quorate: 16 members present, quorum 9');
  await expect(attendance.mark('Chair').locator('option:checked')).toHaveText("Michael O'Connor (MOC)");
  await expect(attendance.mark('Minutes').locator('option:checked')).toHaveText('Tom Sawyer (TS)');
  await expect(attendance.mark('Vice-chair').locator('option:checked')).toHaveText('— none —');
  for (const p of feb.present) {
    const itemOnly = p.note?.startsWith('Item');
    await expect(attendance.choice(p.name, itemOnly ? 'In attendance' : 'Present')).toBeChecked();
    if (itemOnly) await expect(attendance.row(p.name).getByLabel('For items')).toHaveValue(p.note ?? '');
  }
  for (const p of feb.apologies) await expect(attendance.choice(p.name, 'Apologies')).toBeChecked();
  await expect(attendance.row("Michael O'Connor")).toContainText('(Chair)');
  await expect(attendance.row('Tom Sawyer')).toContainText('(Minutes)');

  // A new chair takes the mark: never two.
  await attendance.mark('Chair').selectOption({ label: 'Romi Bowen (RB)' });
  await expect(attendance.row("Michael O'Connor")).not.toContainText('(Chair)');
  await expect(attendance.row('Romi Bowen')).toContainText('(Chair)');
  await attendance.saved();
});

test('entering JC for Jim Crook when Jackie Cook holds it shows the clash and a suggestion', async ({ page, app }) => {
  const board = new BoardScreens(page);
  await app.createBoard(feb.board);
  await board.openRoster();
  await board.addPerson({ name: 'Jackie Cook', initials: 'JC', role: 'Head of Social Work Improvement and Quality Assurance' });

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = board.rosterDialog();
  await dialog.getByLabel('Full name').fill('Jim Crook');
  const initials = dialog.getByLabel('Initials', { exact: true });
  // The suggestion already steers clear of JC.
  await expect(initials).toHaveValue('JCr');
  await initials.fill('JC');
  await expect(dialog.getByText('JC is already used by Jackie Cook.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use JCr' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use JCK' })).toBeVisible();
  // Saving anyway is refused by core, which names the holder and offers free initials; nothing is added.
  await dialog.getByRole('button', { name: 'Add to roster' }).click();
  await expect(dialog.getByText('JC is already used by Jackie Cook on this board. Try JCr or JCK.')).toBeVisible();
  await expect(page.locator('table.roster-table tbody tr')).toHaveCount(1);
  await initials.fill('jc');
  await expect(dialog.getByText('JC is already used by Jackie Cook.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Use JCK' }).click();
  await expect(initials).toHaveValue('JCK');
  await expect(dialog.getByText('is already used by')).toBeHidden();
  await dialog.getByRole('button', { name: 'Add to roster' }).click();
  await expect(dialog).toBeHidden();
  await expect(board.rosterRow('Jim Crook')).toContainText('JCK');
  await expect(page.getByRole('status')).toHaveText('Jim Crook (JCK) was added to the roster.');
});

test('bad input gets a clear message and saves nothing', async ({ page, app }) => {
  const board = new BoardScreens(page);
  await app.createBoard(feb.board);
  await board.openRoster();
  await board.addPerson({ name: "Michael O'Connor", initials: 'MOC', role: 'Independent Chair' });

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = board.rosterDialog();
  await dialog.getByLabel('Full name').fill('Tina Hawkins');
  await dialog.getByLabel('Initials', { exact: true }).fill('   ');
  await dialog.getByRole('button', { name: 'Add to roster' }).click();
  await expect(dialog.getByText('Enter the initials the minutes use for this person.')).toBeVisible();
  await dialog.getByLabel('Initials', { exact: true }).fill('TH');
  await dialog.getByLabel('Joined (optional)').fill('2014-04-10');
  await dialog.getByLabel('Left (optional)').fill('2014-02-19');
  await dialog.getByRole('button', { name: 'Add to roster' }).click();
  await expect(dialog.getByText('The date they left cannot be before the date they joined.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('table.roster-table tbody tr')).toHaveCount(1);

  await board.openSettings();
  await page.getByRole('radio', { name: 'A number of members' }).check();
  await page.getByLabel('Members needed').fill('8');
  await board.saveSettings();
  await expect(page.getByText('A quorum of 8 is larger than the membership: the board has 1 current member.')).toBeVisible();
  await page.getByLabel('Action reference format').fill('yyyy-MM-dd');
  await expect(page.getByText('A reference format needs {n} where the action’s number goes, for example yyyy-MM-dd/{n}.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'No quorum rule' })).toBeChecked();
  await expect(page.getByLabel('Action reference format')).toHaveValue('yyyy-MM-dd/{n}');

  await board.tab('Meetings').click();
  await app.createMeeting({ date: '2014-02-19' });
  const attendance = new AttendanceSection(page);
  const guestForm = page.getByRole('form', { name: 'Add a guest' });
  await guestForm.getByLabel('Guest’s role').fill('Presenter, item 3b');
  await guestForm.getByRole('button', { name: 'Add guest' }).click();
  await expect(guestForm.getByText('Enter the guest’s name.')).toBeVisible();
  await expect(attendance.section.getByText('No guests.')).toBeVisible();
  await guestForm.getByLabel('Guest’s name').fill('Barbara Hills');
  await guestForm.getByLabel('For items (as printed)').fill('Item 3b');
  await guestForm.getByRole('button', { name: 'Add guest' }).click();
  await expect(attendance.section.locator('.guest-list')).toContainText('Barbara Hills');
  await page.reload();
  await attendance.expand();
  await expect(attendance.section.locator('.guest-list')).toContainText('Barbara Hills');
  await expect(attendance.section.locator('.guest-list').getByLabel('For items')).toHaveValue('Item 3b');
});

test('the sample board, from --sample and from the home screen, and its register as CSV', async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  expect(host.output()).toContain('loaded the sample board');
  const app = new Workspace(page);
  const board = new BoardScreens(page);
  await app.open(host.url);
  await expect(app.sidebarBoard('\\(sample\\)')).toBeVisible();
  await app.sidebarBoard('\\(sample\\)').click();
  await expect(app.meetingRows()).toHaveCount(2);

  await board.tab('Attendance register').click();
  await expect(page.getByRole('status').filter({ hasText: '2 meetings since records began: 19 February 2014, 10 April 2014.' })).toBeVisible();
  const michael = page.locator('table.register-table tbody tr').filter({ hasText: "Michael O'Connor" });
  await expect(michael.locator('td')).toHaveText(['MOC', 'Independent Chair', '2', '2', '0', '0', '100%']);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^SSCB attendance register 2014-02-19 to \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("\r\nMichael O'Connor,MOC,Independent Chair,,Yes,,,2,2,0,0,0,100\r\n");
  expect(csv).toContain('\r\nChris McCree,CM,');

  // Restarting with --sample does not load it again; the home screen's button makes a second one.
  await host.restart();
  expect(host.output()).toContain('is already in this data file');
  await app.open(host.url);
  await expect(page.getByRole('list', { name: 'Boards' }).getByRole('link')).toHaveCount(1);
  await page.getByRole('button', { name: 'Load sample board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${feb.board} (sample 2)` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Boards' }).getByRole('link')).toHaveCount(2);
});
