// A full disk while typing: the save is refused with the disk-full error core gives
// (tests/unit/backups-and-bad-files.test.ts proves core's side against a real file), the
// editor keeps every word and says so, and once there is room the words are saved.
import { expect, test } from './fixtures';
import { MinutesPage } from './minutes-pages';

const DISK_FULL = {
  ok: false,
  error: { code: 'storage_error', message: 'The disk is full, so this change could not be saved. Free some space and try again; nothing already saved was lost.' },
};

test('typing on a full disk keeps the words on screen, says so, and saves them once there is room', async ({ page, app }) => {
  await app.createBoard('Executive Board');
  await app.createMeeting({ date: '2014-02-19', start: '11:00', end: '13:00' });
  const minutes = new MinutesPage(page);
  await minutes.addItem();
  const item = minutes.item('1');
  await item.title.fill('Minutes and actions arising');
  await minutes.saved();

  let diskFull = true;
  await page.route('**/api/saveDiscussion', async (route) => {
    if (diskFull) await route.fulfill({ json: DISK_FULL });
    else await route.continue();
  });
  await item.discussion.click();
  await page.keyboard.type('The draft minutes from the previous meeting were reviewed and agreed for accuracy.');
  await expect(minutes.status).toContainText('The disk is full');
  await expect(item.discussion).toContainText('reviewed and agreed for accuracy.');

  diskFull = false;
  await minutes.saved();
  await page.reload();
  await expect(minutes.item('1').discussion).toContainText('The draft minutes from the previous meeting were reviewed and agreed for accuracy.');
});
