// The draft watermark printed across every page of minutes not yet agreed: a picture
// (resources/print/draft-watermark.jpg, drawn by scripts/draft-watermark.mjs), found beside
// the print fonts wherever this code runs, and handed to Chromium as a data: URL (or, for a
// document only printed, as the file itself).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fontsFolder, type PrintResources } from './fonts';

const FILE = 'draft-watermark.jpg';

/** resources/print: beside resources/fonts, or found upwards from this code (source tree, out/, the packaged app). */
export function printResourcesFolder(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [path.join(path.dirname(fontsFolder()), 'print')];
  for (let dir = from, i = 0; i < 6; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources', 'print'));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, FILE)));
  if (!found) throw new Error(`The draft watermark (${FILE}) was not found in resources/print.`);
  return found;
}

let cached: string | null = null;

/**
 * The watermark as a data: URL, read once. A picture, not an SVG drawn through a filter: Chromium
 * rasterised such a filter again on every page it printed (2.5 s of a 40-page print), while
 * one picture is written to the PDF once and shared by all its pages. A JPEG, which Chromium
 * writes into the PDF as it is; a PNG it decoded and compressed again on every print.
 */
export function draftWatermarkUrl(resources: PrintResources = 'embedded'): string {
  if (resources === 'files') return pathToFileURL(path.join(printResourcesFolder(), FILE)).href;
  cached ??= `data:image/jpeg;base64,${fs.readFileSync(path.join(printResourcesFolder(), FILE)).toString('base64')}`;
  return cached;
}
