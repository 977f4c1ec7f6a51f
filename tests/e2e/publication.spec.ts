// Agreeing, freezing and publishing the minutes of 19 February 2014 through the app: the draft
// exported as PDF (checked with poppler-utils), circulated, agreed at the meeting of 10 April,
// read-only from then on, verified, published and corrected; and the bad input around it.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type TestHost } from './fixtures';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';
import { boardLink, RecordPanel } from './publication-pages';
import { FIXTURE_BOARD, FIXTURE_ITEMS, ITEM_6_TITLE, overHttp, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';
import { flatten, pdfFonts, pdfInfo, pdfOutline, pdfTextPages, squashed } from '../helpers/pdf';
import { wordsOf } from '../../shared/domain/confidential';

/** The fixture meeting entered through the running host's API (test setup), then opened in the app. */
async function openFixture(page: Page, host: TestHost): Promise<{ seeded: SeededMinutes; app: Workspace }> {
  const seeded = await seedFixtureMinutes(overHttp(host.origin, host.token));
  const app = new Workspace(page);
  await app.open(host.url);
  await boardLink(page, FIXTURE_BOARD).click();
  await app.meetingRows().filter({ hasText: '19 February 2014' }).getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
  return { seeded, app };
}

const hasWords = (text: string, phrase: string): boolean => ` ${wordsOf(text).join(' ')} `.includes(` ${wordsOf(phrase).join(' ')} `);
const ITEM_6C_WORDS = ['IRO', 'stocktake', 'step-down', 'Report of the IRO and CP chairs', 'signs of safety is seen as a very successful model'];
const ITEMS_PRINTED = [...FIXTURE_ITEMS.slice(0, 7), { number: '6', title: ITEM_6_TITLE }, ...FIXTURE_ITEMS.slice(7)].map((i) => `${i.number}. ${i.title}`);

test('exports the draft of 19 February 2014 as public and full PDFs, then circulates, agrees, verifies, publishes and corrects it', async ({ page, host, dir }) => {
  const { seeded, app } = await openFixture(page, host);
  const minutes = new MinutesPage(page);
  const record = new RecordPanel(page);
  await expect(record.status).toHaveText('Draft');
  await expect(record.button('Mark as published…')).toHaveCount(0);

  // Item 6c is confidential: ticked in the editor.
  await minutes.item('6c').root.getByRole('checkbox', { name: 'Confidential' }).check();
  await minutes.saved();

  const publicPdf = await record.exportPdf('public', dir);
  await expect(record.root).toContainText('One item is confidential: the public version shows “confidential – not for publication” in its place.');
  expect(path.basename(publicPdf)).toBe('SSCB minutes 2014-02-19 (public).pdf');
  const fullPdf = await record.exportPdf('full', dir);

  const info = pdfInfo(publicPdf);
  expect(info.Tagged).toBe('yes');
  expect(Number(info.Pages)).toBeGreaterThan(1);
  expect(info.Title).toBe(`Minutes and Actions: ${FIXTURE_BOARD}, 19 February 2014`);
  expect(info.Author).toBe(FIXTURE_BOARD);
  expect(info.Subject).toContain('public version');
  expect(pdfFonts(publicPdf).every((f) => f.embedded)).toBe(true);

  // The running header on every page, with "page x of y".
  const pages = pdfTextPages(fullPdf);
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => {
    expect(squashed(text), `page ${i + 1}`).toContain(squashed(`Minutes and Actions ${FIXTURE_BOARD} 19 February 2014, 11.00 am – 1.00 pm`));
    expect(squashed(text), `page ${i + 1}`).toContain(squashed(`Page ${i + 1} of ${pages.length}`));
    expect(squashed(text), `page ${i + 1}`).toContain(squashed('CONFIDENTIAL – full version'));
  });

  // The 13 actions in order, each row with its reference.
  const lines = pdfTextPages(fullPdf, { layout: true }).join('\n').split('\n');
  let previous = -1;
  seeded.references.forEach((reference, i) => {
    const at = lines.findIndex((l) => l.trimStart().startsWith(`${reference} `));
    expect(at, reference).toBeGreaterThan(previous);
    expect(lines[at]).toContain((seeded.actionDetails[i] as string).split(' ').slice(0, 3).join(' '));
    previous = at;
  });
  expect(seeded.references).toHaveLength(13);

  // One outline entry per item, under the document's title.
  const outline = pdfOutline(fullPdf);
  expect(flatten(outline[0]?.children ?? []).map((e) => squashed(e.title))).toEqual(ITEMS_PRINTED.map(squashed));

  // Item 6c: in the full version, nowhere in the public one.
  const publicText = pdfTextPages(publicPdf).join('\n');
  const fullText = pages.join('\n');
  for (const words of ITEM_6C_WORDS) {
    expect(hasWords(fullText, words), words).toBe(true);
    expect(hasWords(publicText, words), words).toBe(false);
  }
  expect(publicText).toContain('Item 6c: confidential – not for publication');
  expect(squashed(publicText)).toContain(squashed('DRAFT – subject to agreement'));

  // Circulated: numbers and references are fixed, the text can still be amended.
  await record.circulate();
  await expect(page.getByRole('button', { name: 'Add item', exact: true })).toHaveCount(0);
  await expect(minutes.item('1a').title).toBeEditable();

  // Agreed at the meeting of 10 April 2014, with an amendment: the minutes become read-only.
  await record.agree('10 April 2014', 'Item 6a, action 10: owners to read “JC and EA”.');
  await expect(record.root).toContainText('Agreed as accurate10 April 2014, at the meeting of 10 April 2014');
  // Read-only as the printed document: no field to type in, no button to add to them.
  const printed = page.getByRole('article', { name: 'The minutes' });
  await expect(printed.getByRole('heading', { name: /^1a\. / })).toBeVisible();
  await expect(page.locator('#content').getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add an action to item 1a' })).toHaveCount(0);
  await expect(record.root.getByText(/These minutes are the record: they can no longer be changed/)).toBeVisible();

  await record.button('Verify').click();
  await expect(record.root.getByRole('status').filter({ hasText: 'Verified: the minutes in the data file still match what was agreed' })).toBeVisible();

  const agreedPdf = await record.exportPdf('public', dir);
  const agreedText = pdfTextPages(agreedPdf).join('\n');
  const hash = (await record.root.locator('.record-hash').textContent()) ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect(squashed(agreedText)).toContain(squashed('Agreed as accurate on 10 April 2014'));
  expect(squashed(agreedText)).toContain(squashed(`Content hash (SHA-256): ${hash}`));
  expect(squashed(agreedText)).not.toContain(squashed('DRAFT – subject to agreement'));

  await record.publish();
  await record.button('Record a correction…').click();
  const correction = record.dialog('Record a correction');
  await correction.getByLabel('What was corrected').fill('Item 6a, action 10: the owners are JC and EA.');
  await correction.getByLabel('Why').fill('The owners were run together when the minutes were typed.');
  await correction.getByRole('button', { name: 'Record correction' }).click();
  await expect(record.root.getByRole('table', { name: 'Corrections since these minutes were agreed' })).toContainText('The owners were run together');

  // The meeting list shows where each meeting's minutes are; April's minutes record the agreement.
  await boardLink(page, FIXTURE_BOARD).click();
  const feb = app.meetingRows().filter({ hasText: '19 February 2014' });
  await expect(feb.locator('.status-badge')).toHaveText('Published');
  await app.meetingRows().filter({ hasText: '10 April 2014' }).getByRole('link').click();
  await expect(minutes.item('1').title).toHaveValue('Minutes and actions arising');
  await expect(minutes.item('1').decisions()).toHaveValue(
    'The minutes of the meeting held on 19 February 2014 were reviewed and agreed as accurate, with the following amendments: Item 6a, action 10: owners to read “JC and EA”.',
  );
});

test('refuses the steps that cannot be taken, with a clear message, and changes nothing', async ({ page, host }) => {
  const { seeded, app } = await openFixture(page, host);
  const record = new RecordPanel(page);
  const api = overHttp(host.origin, host.token);

  // A meeting with no items: it cannot be circulated or printed.
  const september = (await api('createMeeting', { boardId: seeded.boardId, date: '2014-09-02' })) as { id: string };
  await boardLink(page, FIXTURE_BOARD).click();
  await app.meetingRows().filter({ hasText: '2 September 2014' }).getByRole('link').click();
  await expect(record.status).toHaveText('Draft');
  await record.button('Public version').click();
  await expect(record.root.getByRole('alert')).toHaveText('These minutes have no agenda items yet, so there is nothing to print. Add the items first.');
  await record.button('Circulate to members…').click();
  const circulate = record.dialog(/^Circulate the minutes of/);
  await circulate.getByRole('button', { name: 'Circulate' }).click();
  await expect(circulate.getByRole('alert')).toHaveText(/These minutes have no agenda items yet\. Add the items before circulating them/);
  await circulate.getByRole('button', { name: 'Cancel' }).click();
  await expect(record.status).toHaveText('Draft');

  // September is the board's last meeting: there is nothing later to agree its minutes at.
  await api('addAgendaItem', { meetingId: september.id, title: 'Any other business' });
  await api('circulateMinutes', { meetingId: september.id });
  await page.reload();
  await expect(record.status).toHaveText('Circulated');
  await record.button('Record as agreed…').click();
  const agree = record.dialog(/agreed as accurate$/);
  await expect(agree.getByLabel('Agreed at the meeting of').locator('option')).toHaveText(['No later meeting yet']);
  await expect(agree.getByRole('alert')).toHaveText('There is no later meeting of this board yet. Set up the meeting at which these minutes were agreed first.');
  await agree.getByRole('button', { name: 'Record as agreed' }).click();
  await agree.getByRole('button', { name: 'Cancel' }).click();
  await expect(record.status).toHaveText('Circulated');

  // A draft cannot be published, and an earlier meeting cannot agree later minutes (API).
  await expect(api('publishMinutes', { meetingId: seeded.meetingId })).rejects.toThrow('Only minutes agreed as accurate can be published. These minutes are still a draft.');
  await api('circulateMinutes', { meetingId: seeded.meetingId });
  const earlier = (await api('createMeeting', { boardId: seeded.boardId, date: '2014-01-08' })) as { id: string };
  await expect(api('agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: earlier.id })).rejects.toThrow(
    'Minutes can only be agreed at a later meeting of the board, held after the meeting they record.',
  );
  expect(((await api('getMinutesRecord', { meetingId: seeded.meetingId })) as { status: string }).status).toBe('circulated');
});
