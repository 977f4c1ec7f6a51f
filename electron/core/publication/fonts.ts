// The font the minutes are printed in, embedded in every PDF: DejaVu Sans (resources/fonts,
// with its licence), given to Chromium as data: URLs so the output is the same on every machine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const cache = new Map<string, string>();

function face(f: (typeof FACES)[number]): string {
  let rule = cache.get(f.file);
  if (!rule) {
    const data = fs.readFileSync(path.join(fontsFolder(), f.file)).toString('base64');
    rule = `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-weight:${f.weight};font-style:${f.style};src:url(data:font/ttf;base64,${data}) format('truetype');}`;
    cache.set(f.file, rule);
  }
  return rule;
}

/**
 * @font-face rules for the document (each face read once, then kept). The oblique faces are
 * only sent when the text uses italics: every face is some 900 KB for Chromium to take in.
 */
export function fontFaceCss(withItalics = true): string {
  return FACES.filter((f) => withItalics || f.style === 'normal')
    .map(face)
    .join('\n');
}
