// `node scripts/draft-watermark.mjs`: draws resources/print/draft-watermark.jpg, the words
// "DRAFT – subject to agreement" printed faintly across every page of draft minutes, with the
// system Chromium (CHROMIUM_PATH) in the embedded print font. A picture rather than text, so the
// words never mix into the text a reader or a screen reader gets; a picture rather than an SVG with
// a filter, because Chromium rasterised that filter again for every page it printed (most of a
// long PDF's printing time), while one picture is decoded once and shared by every page of the PDF.
// A JPEG on white rather than a PNG with transparency: Chromium puts a JPEG's bytes into the PDF
// as they are, where a PNG was decoded and compressed again on every print (~110 ms of a 40-page
// print). It lies behind everything on white paper, so the white it carries changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const font = fs.readFileSync(path.join(root, 'resources/fonts/DejaVuSans-Bold.ttf')).toString('base64');
// An A4 page's proportions, drawn at twice the size: about 190 dots an inch across the page.
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="840" viewBox="0 0 600 840">' +
  '<text x="300" y="420" text-anchor="middle" transform="rotate(-35 300 420)" font-family="Watermark" ' +
  'font-size="40" font-weight="700" fill="#f3d9d9">DRAFT – subject to agreement</text></svg>';
const html =
  `<!doctype html><html><head><style>@font-face{font-family:'Watermark';font-weight:700;src:url(data:font/ttf;base64,${font}) format('truetype');}` +
  `html,body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 600, height: 840 }, deviceScaleFactor: 2 });
  await page.setContent(html);
  // Runs in the page, where `document` is the page's own.
  await page.evaluate('document.fonts.ready.then(() => true)');
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 90, clip: { x: 0, y: 0, width: 600, height: 840 } });
  const out = path.join(root, 'resources/print/draft-watermark.jpg');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, jpeg);
  console.log(`${path.relative(root, out)}: ${jpeg.length} bytes`);
} finally {
  await browser.close();
}
