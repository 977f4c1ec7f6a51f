// Printing without the wait (issue 16.3): the minutes are printed from a file that names the font
// files rather than carrying them, in a page the warm printer uses again; what is printed is the
// same, a font that cannot be read stops the print, and a public version is read back only when
// it has confidential text to look for.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { buildMinutesPdf, type PdfPrinter } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { PRINT_ONLY_CSS } from '../../electron/core/publication/printOnly';
import { printResourcesFolder } from '../../electron/core/publication/watermark';
import { closePrinter, printHtmlToPdf } from '../../electron/pdf/print';
import { ok, tempCore, tempDir } from '../helpers/temp';
import { pdfFonts, pdfImages, pdfTextPages } from '../helpers/pdf';

afterAll(closePrinter);

async function meetingWith(confidential: boolean) {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
  const open = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Early help' }).item;
  ok(core, 'saveDiscussion', { itemId: open.id, json: discussion('The board agreed the early help strategy, with italics.', true) });
  const secret = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Staffing review' }).item;
  ok(core, 'saveDiscussion', { itemId: secret.id, json: discussion('Two posts in the referral team will be deleted in March.', false) });
  if (confidential) ok(core, 'updateAgendaItem', { itemId: secret.id, confidential: true });
  return { core, meetingId: meeting.id };
}

function discussion(text: string, italic: boolean): string {
  const child = { type: 'text', version: 1, text, format: italic ? 2 : 0, detail: 0, mode: 'normal', style: '' };
  return JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [child] }] } });
}

describe('the minutes printed from files', () => {
  it('names the font files and the watermark instead of carrying them, while the document kept as a file still carries its fonts', async () => {
    const { core, meetingId } = await meetingWith(false);
    try {
      const given: string[] = [];
      const capture: PdfPrinter = (html, options) => {
        given.push(html);
        return printHtmlToPdf(html, options);
      };
      const pdf = await buildMinutesPdf(core.store!, { meetingId, version: 'full' }, capture);
      const printed = given[0]!;
      expect(printed).toMatch(/@font-face\{font-family:'Minutes Sans';font-weight:400;font-style:normal;src:url\(file:\/\/\/[^)]*\/DejaVuSans\.ttf\)/);
      expect(printed).toMatch(/url\(file:\/\/\/[^)]*\/DejaVuSans-Oblique\.ttf\)/);
      expect(printed).toMatch(/background: url\(file:\/\/\/[^)]*\/draft-watermark\.jpg\)/);
      // Only printed, so never laid out for the screen (the printer asks for its fonts itself).
      expect(printed).toContain(PRINT_ONLY_CSS);
      expect(printed).not.toContain('base64');
      expect(printed).toContain("font-src file:; img-src file:");
      // The fonts were read from their files: embedded in the PDF, regular and italic.
      const fonts = pdfFonts(pdf.bytes);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.some((f) => f.name.includes('DejaVuSans-Oblique'))).toBe(true);
      expect(pdfTextPages(pdf.bytes).join('\n')).toContain('The board agreed the early help strategy, with italics.');
      // What is handed over (saved as a web page, printed elsewhere) still needs nothing beside it.
      const kept = renderMeetingHtml(core.store!, meetingId, 'full').html;
      expect(kept).toMatch(/src:url\(data:font\/ttf;base64,/);
      expect(kept).not.toContain('file:');
      expect(kept).not.toContain(PRINT_ONLY_CSS);
    } finally {
      core.close();
    }
  }, 120_000);

  it('prints the same text from the files as from the document carrying its fonts', async () => {
    const { core, meetingId } = await meetingWith(false);
    try {
      const fromFiles = await buildMinutesPdf(core.store!, { meetingId, version: 'full' }, printHtmlToPdf);
      const carried = await printHtmlToPdf(renderMeetingHtml(core.store!, meetingId, 'full').html, { tagged: true, outline: true });
      expect(pdfTextPages(fromFiles.bytes)).toEqual(pdfTextPages(carried));
      expect(pdfFonts(fromFiles.bytes).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(pdfFonts(carried).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort());
    } finally {
      core.close();
    }
  }, 120_000);

  it('prints one document after another in the same page with nothing of the first left in the second', async () => {
    const doc = (title: string, body: string): string =>
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title><style>@page { size: A4; margin: 20mm; }</style></head><body><h1>${title}</h1>${body}</body></html>`;
    const first = await printHtmlToPdf(doc('Action log', '<p>Review the terms of reference</p>'.repeat(80)));
    const second = await printHtmlToPdf(doc('Briefing', '<p>Scorecard to be reissued</p>'));
    const text = pdfTextPages(second).join('\n');
    expect(text).toContain('Scorecard to be reissued');
    expect(text).not.toContain('Review the terms of reference');
    expect(pdfTextPages(second)).toHaveLength(1);
    expect(pdfTextPages(first).length).toBeGreaterThan(1);
  }, 120_000);

  it('waits, in a page used again, for the pictures a style names and a document shows, even read for the first time', async () => {
    const folder = tempDir();
    const doc = (picture: string | null): string =>
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src file:">` +
      `<title>Minutes</title><style>@page { size: A4; margin: 20mm; } ${PRINT_ONLY_CSS}` +
      `${picture ? `.watermark { position: fixed; inset: 0; background: url(${pathToFileURL(picture).href}) center / 80% auto no-repeat; z-index: -1; }` : ''}</style></head>` +
      `<body>${picture ? '<div class="watermark" aria-hidden="true"></div>' : ''}${'<p>The board agreed the early help strategy.</p>'.repeat(400)}</body></html>`;
    // The same policy, so the second is written into the page the first printed in.
    await printHtmlToPdf(doc(null));
    const picture = path.join(folder, 'mark.jpg');
    fs.copyFileSync(path.join(printResourcesFolder(), 'draft-watermark.jpg'), picture);
    const printed = Buffer.from(await printHtmlToPdf(doc(picture)));
    const pages = pdfTextPages(printed).length;
    expect(pages).toBeGreaterThan(3);
    expect(pdfImages(printed).filter((i) => i.type === 'image').map((i) => i.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    // And a picture the document shows, also read for the first time, written into the same page.
    const seal = path.join(folder, 'seal.jpg');
    fs.copyFileSync(path.join(printResourcesFolder(), 'draft-watermark.jpg'), seal);
    const shown = doc(null).replace('<body>', `<body><img src="${pathToFileURL(seal).href}" alt="The board's seal" width="120">`);
    expect(pdfImages(Buffer.from(await printHtmlToPdf(shown))).filter((i) => i.type === 'image').map((i) => i.page)).toEqual([1]);
  }, 120_000);

  it('refuses, with a message, to print in another font when a font file cannot be read, and prints again afterwards', async () => {
    const missing = path.join(tempDir(), 'gone.ttf');
    const html =
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Minutes</title><style>` +
      `@font-face{font-family:'Minutes Sans';src:url(file://${missing}) format('truetype');} body { font-family: 'Minutes Sans'; }` +
      `</style></head><body><p>The board agreed.</p></body></html>`;
    expect(fs.existsSync(missing)).toBe(false);
    await expect(printHtmlToPdf(html)).rejects.toThrow(/The PDF was not printed: its font \(Minutes Sans\) could not be loaded/);
    const after = await printHtmlToPdf(html.replace(/@font-face\{[^}]*\}/, ''));
    expect(pdfTextPages(after).join('\n')).toContain('The board agreed.');
  }, 120_000);
});

describe('reading the public version back', () => {
  // A printer whose PDF has no readable text at all: only reading it back can tell.
  const unreadable: PdfPrinter = async (_html, options) =>
    printHtmlToPdf('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Minutes</title></head><body><svg width="10" height="10"></svg></body></html>', options);

  it('reads the printed PDF back when the minutes have confidential text to look for', async () => {
    const { core, meetingId } = await meetingWith(true);
    try {
      await expect(buildMinutesPdf(core.store!, { meetingId, version: 'public' }, unreadable)).rejects.toThrow(/could not be read back to check it for confidential items/);
    } finally {
      core.close();
    }
  }, 120_000);

  it('does not when they have none: there is nothing the printed text could give away', async () => {
    const { core, meetingId } = await meetingWith(false);
    try {
      const pdf = await buildMinutesPdf(core.store!, { meetingId, version: 'public' }, unreadable);
      expect(pdf.pages).toBe(1);
    } finally {
      core.close();
    }
  }, 120_000);
});
