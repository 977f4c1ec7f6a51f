// The draft watermark printed on every page of minutes not yet agreed: one picture in the PDF,
// shared by all its pages (the words are text only in the running header and under the title).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app';
import { buildMinutesPdf } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { draftWatermarkUrl, printResourcesFolder } from '../../electron/core/publication/watermark';
import { closePrinter, printHtmlToPdf } from '../../electron/pdf/print';
import { inProcess, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';
import { pdfImages, pdfTextPages } from '../helpers/pdf';

let dir: string;
let seeded: SeededMinutes;
let draftPdf: Buffer;
let draftAgain: Buffer;
let html: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-watermark-test-'));
  const core = await startCore(path.join(dir, 'minutes.sqlite'), {}, { openedBriefly: true });
  try {
    seeded = await seedFixtureMinutes(inProcess(core));
    html = renderMeetingHtml(core.store!, seeded.meetingId, 'public').html;
    draftPdf = (await buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'public' }, printHtmlToPdf)).bytes;
    // Printed again: written into the page the first print used.
    draftAgain = (await buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'public' }, printHtmlToPdf)).bytes;
  } finally {
    core.close();
  }
}, 120_000);

afterAll(async () => {
  await closePrinter();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the draft watermark', () => {
  it('is the JPEG from resources/print, not a picture drawn through a filter', () => {
    expect(fs.existsSync(path.join(printResourcesFolder(), 'draft-watermark.jpg'))).toBe(true);
    expect(draftWatermarkUrl()).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(html).toContain(`url(${draftWatermarkUrl()})`);
    expect(html).not.toContain('data:image/svg+xml');
    expect(html).toContain('<div class="watermark" aria-hidden="true"></div>');
  });

  it('is printed on every page as one picture the PDF holds once, as the JPEG it is (never compressed again)', () => {
    const pages = pdfTextPages(draftPdf);
    expect(pages.length).toBeGreaterThan(1);
    const images = pdfImages(draftPdf).filter((i) => i.type === 'image');
    expect(images.map((i) => i.page)).toEqual(pages.map((_, i) => i + 1));
    expect(new Set(images.map((i) => i.object)).size).toBe(1);
    expect(images[0]).toMatchObject({ width: 1200, height: 1680, encoding: 'jpeg' });
    expect(pdfImages(draftAgain).filter((i) => i.type === 'image').map((i) => i.page)).toEqual(pages.map((_, i) => i + 1));
    expect(pdfTextPages(draftAgain)).toEqual(pages);
  });

  it('adds no text to any page: the pages read the same printed without it', async () => {
    const without = await printHtmlToPdf(html.replace('<div class="watermark" aria-hidden="true"></div>', ''), { tagged: true, outline: true });
    expect(pdfImages(Buffer.from(without))).toEqual([]);
    expect(pdfTextPages(Buffer.from(without))).toEqual(pdfTextPages(await printHtmlToPdf(html, { tagged: true, outline: true })));
  });
});
