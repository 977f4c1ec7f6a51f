// One limit for an item title, said before it bites: nothing pasted is cut off, a title over the
// limit says so (and by how much) as it is typed, leaving the field keeps every word, and the title
// saves once it is short enough.
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';

const WORDS = 'Report of the Independent Reviewing Officer and Child Protection Chairs on the quality of plans for looked after children ';

test('a long pasted title is kept whole, told its length against the one limit, and saved once shortened', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await expect(item.title).toBeFocused();
  const long = WORDS.repeat(4).trim(); // 483 characters
  await page.keyboard.insertText(long);
  await expect(item.title).toHaveValue(long);
  await expect(item.root.getByText(`This title has ${long.length} characters; a title holds at most 300. Shorten it by ${long.length - 300} to save it: what you typed stays here until then.`)).toBeVisible();

  // Leaving the field keeps every word.
  await item.discussion.click();
  await expect(item.title).toHaveValue(long);

  // Near the limit it says how much room is left, before it bites.
  const near = long.slice(0, 290);
  await item.title.fill(near);
  await expect(item.root.getByText('10 characters left (a title holds 300).')).toBeVisible();
  await minutes.saved();
  await page.reload();
  await expect(item.title).toHaveValue(near);
});
