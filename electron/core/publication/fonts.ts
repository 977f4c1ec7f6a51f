// The font the minutes are printed in, embedded in every PDF: DejaVu Sans (resources/fonts,
// with its licence), so the output is the same on every machine. A document kept as a file
// carries the faces as data: URLs; one only printed names the font files where they lie.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PRINT_FONT_FAMILY = 'Minutes Sans';
export const FONTS_ENV = 'MATTERS_ARISING_FONTS';

const FACES = [
  { file: 'DejaVuSans.ttf', weight: 400, style: 'normal' },
  { file: 'DejaVuSans-Bold.ttf', weight: 700, style: 'normal' },
  { file: 'DejaVuSans-Oblique.ttf', weight: 400, style: 'italic' },
  { file: 'DejaVuSans-BoldOblique.ttf', weight: 700, style: 'italic' },
] as const;

/**
 * resources/fonts, found from wherever this code runs: the source tree (tests), out/main or
 * out/tools (built hosts), or inside the packaged app, which carries resources/fonts too.
 */
export function fontsFolder(env: NodeJS.ProcessEnv = process.env, from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [env[FONTS_ENV]].filter((d): d is string => !!d);
  for (let dir = from, i = 0; i < 6; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources', 'fonts'));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, FACES[0].file)));
  if (!found) throw new Error(`The print font (${FACES[0].file}) was not found in resources/fonts.`);
  return found;
}

/** Where a document's fonts and pictures come from: inside it (data: URLs), or the files themselves (file: URLs). */
export type PrintResources = 'embedded' | 'files';

const cache = new Map<string, string>();

function face(f: (typeof FACES)[number], resources: PrintResources): string {
  const key = `${resources}:${f.file}`;
  let rule = cache.get(key);
  if (!rule) {
    const file = path.join(fontsFolder(), f.file);
    const url = resources === 'files' ? pathToFileURL(file).href : `data:font/ttf;base64,${fs.readFileSync(file).toString('base64')}`;
    rule = `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-weight:${f.weight};font-style:${f.style};src:url(${url}) format('truetype');}`;
    cache.set(key, rule);
  }
  return rule;
}

/**
 * @font-face rules for the document (each face read once, then kept). The oblique faces are
 * only sent when the text uses italics: every face is some 900 KB for Chromium to take in.
 * Printing names the files instead: the printer's Chromium reads them from disk rather than
 * parsing 2 MB of base64 out of every document it is given (most of a warm print's time).
 */
export function fontFaceCss(withItalics = true, resources: PrintResources = 'embedded'): string {
  return FACES.filter((f) => withItalics || f.style === 'normal')
    .map((f) => face(f, resources))
    .join('\n');
}
