// The discussion editor as Word users type: Tab and Shift+Tab indent list items and never leave
// the editor, Escape does; "- " and "1. " start lists; a paste from Word keeps its list levels
// (one bullet each) and its tables, which the saved minutes keep.
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';

test('Tab indents and Shift+Tab outdents list items, Tab elsewhere keeps the words in the discussion, Escape leaves it', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  // The new item's title takes the keys once core has made the item.
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Performance Management');
  await page.keyboard.press('Enter');
  await expect(item.discussion).toBeFocused();

  // A Word habit in a paragraph: Tab, then the words. They stay in the discussion; no decision appears.
  await page.keyboard.type('The board noted');
  await page.keyboard.press('Tab');
  await page.keyboard.type(' the scorecard.');
  await expect(item.discussion).toBeFocused();
  await expect(item.discussion).toHaveText('The board noted the scorecard.');
  await expect(item.decisions()).toHaveCount(0);

  // "- " starts a bulleted list; Tab nests the item under the one above; Shift+Tab brings it back.
  await page.keyboard.press('Enter');
  await page.keyboard.type('- CP registrations');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('over 2 years');
  await page.keyboard.press('Enter');
  await page.keyboard.type('under 1 year');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('Police protection orders');
  const top = item.discussion.locator(':scope > ul');
  await expect(top).toHaveCount(1);
  await expect(top.locator(':scope > li:not(.ed-nested)')).toHaveText(['CP registrations', 'Police protection orders']);
  await expect(top.locator(':scope > li > ul > li')).toHaveText(['over 2 years', 'under 1 year']);
  await expect(item.discussion).not.toContainText('- ');

  // "1. " starts a numbered list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. Report to the next meeting');
  await expect(item.discussion.locator(':scope > ol > li')).toHaveText(['Report to the next meeting']);

  // Escape leaves the editor for the next control; the words stay where they were.
  await page.keyboard.press('Escape');
  await expect(item.discussion).not.toBeFocused();
  await expect(page.getByRole('button', { name: 'Add a decision to item 1' })).toBeFocused();
  await minutes.saved();

  await page.reload();
  await expect(top.locator(':scope > li > ul > li')).toHaveText(['over 2 years', 'under 1 year']);
  await expect(item.discussion.locator(':scope > ol > li')).toHaveText(['Report to the next meeting']);
});

const WORD_NESTED = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"></head><body lang=EN-GB>
<p class=MsoNormal>Detailed reports to next meeting on:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->CP registrations<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><!--[endif]-->over 2 years<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:108.0pt;text-indent:-18.0pt;mso-list:l0 level3 lfo1'><![if !supportLists]><span style='font-family:Wingdings'><span style='mso-list:Ignore'>§<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>of whom 4 in care<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·</span><span>&nbsp;&nbsp;&nbsp;&nbsp; Police protection orders</span><o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
<tr><td width=200 style='background:#D9E2F3;padding:0cm 5.4pt'><p class=MsoNormal><b>Age</b><o:p></o:p></p></td><td width=200 style='padding:0cm 5.4pt'><p class=MsoNormal><b>Children</b><o:p></o:p></p></td></tr>
<tr><td width=200 style='padding:0cm 5.4pt'><p class=MsoNormal>Under 1<o:p></o:p></p></td><td width=200 style='padding:0cm 5.4pt'><p class=MsoNormal>12<o:p></o:p></p></td></tr>
</table>
<p class=MsoNormal>AF to report.<o:p></o:p></p>
</body></html>`;

test('a paste from Word keeps list levels with one bullet each, and its table as a table, after a reload too', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await page.keyboard.type('Private Fostering');
  await page.keyboard.press('Enter');
  await item.discussion.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Detailed reports to next meeting on:\nCP registrations\nover 2 years\nof whom 4 in care\nPolice protection orders\nAge\tChildren\nUnder 1\t12\nAF to report.');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_NESTED);
  const check = async (): Promise<void> => {
    const top = item.discussion.locator(':scope > ul');
    await expect(top.locator(':scope > li:not(.ed-nested)')).toHaveText(['CP registrations', 'Police protection orders']);
    await expect(top.locator(':scope > li > ul > li:not(.ed-nested)')).toHaveText(['over 2 years']);
    await expect(top.locator(':scope > li > ul > li > ul > li')).toHaveText(['of whom 4 in care']);
    // No Word bullet left in the text beside the editor's own.
    await expect(item.discussion).not.toContainText('·');
    await expect(item.discussion).not.toContainText('§');
    const table = item.discussion.locator('table');
    await expect(table.locator('tr')).toHaveCount(2);
    await expect(table.locator('tr').first().locator('td, th')).toHaveText(['Age', 'Children']);
    await expect(table.locator('tr').nth(1).locator('td, th')).toHaveText(['Under 1', '12']);
    await expect(item.discussion.locator('[style*="background"]')).toHaveCount(0);
    await expect(item.discussion).toContainText('AF to report.');
  };
  await check();
  await minutes.saved();
  await page.reload();
  await check();
});

test('bad input: a table of 2,000 cells and a list nested 20 deep pasted into a discussion arrive whole and are saved', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await page.keyboard.type('Performance Management');
  await page.keyboard.press('Enter');
  const rows = Array.from({ length: 200 }, (_, r) => `<tr>${Array.from({ length: 10 }, (_, c) => `<td>r${r}c${c}</td>`).join('')}</tr>`).join('');
  let nested = '<li>level 20</li>';
  for (let level = 19; level >= 1; level--) nested = `<li>level ${level}<ul>${nested}</ul></li>`;
  const html = `<table>${rows}</table><ul>${nested}</ul><p>After the paste</p>`;
  await item.discussion.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/html', pasted);
    data.setData('text/plain', 'table and list');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  const check = async (): Promise<void> => {
    await expect(item.discussion.locator('td')).toHaveCount(2000);
    await expect(item.discussion.locator('td').last()).toHaveText('r199c9');
    await expect(item.discussion.locator('li:not(.ed-nested)', { hasText: /^level 20$/ })).toHaveCount(1);
    await expect(item.discussion.locator('ul')).toHaveCount(20);
    await expect(item.discussion).toContainText('After the paste');
  };
  await check();
  await minutes.saved();
  await page.reload();
  await check();
});
