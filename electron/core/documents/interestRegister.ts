// The board's register of members' interests as its own document: PDF (printed by the host's
// Chromium), Word, or accessible HTML, from the one reader of the register.
import type { DocumentExport, InterestRegister, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate, todayIso } from '../../../shared/domain/dates';
import { INTEREST_CATEGORY_LABEL } from '../../../shared/domain/interests';
import type { Store } from '../db/open';
import { conflict } from '../errors';
import { listInterests } from '../interests/register';
import { escapeHtml as e } from '../publication/discussionHtml';
import { captionedTable, DOCX_MIME, heading, packDocx, para } from '../publication/docxParts';
import type { ExportHooks } from '../publication/publication';
import { DOCX_FILE, HTML_FILE, PDF_FILE } from '../publication/saveFile';
import { APP_VERSION } from '../version';
import { HTML_MIME, saveOrHandBack } from './minutesDocuments';
import { safeFileName } from '../../../shared/domain/fileNames';

const HEAD = ['Member', 'Interest', 'Category', 'From', 'To'];
const dateOr = (d: string | null): string => (d ? formatUkDate(d) : '');

function rowsOf(register: InterestRegister): string[][] {
  return register.entries.map((i) => [`${i.memberName} (${i.initials})`, i.interest, INTEREST_CATEGORY_LABEL[i.category], dateOr(i.fromDate), dateOr(i.toDate)]);
}

/** The register as a self-contained, accessible HTML document (also what is printed to PDF). */
export function registerHtml(register: InterestRegister, today: string): string {
  const title = `Register of interests – ${register.boardName}`;
  const rows = rowsOf(register)
    .map((r) => `<tr><th scope="row">${e(r[0] as string)}</th>${r.slice(1).map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
    .join('');
  const table = register.entries.length
    ? `<table><caption>Interests registered by members of ${e(register.boardName)}</caption><thead><tr>${HEAD.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No interests have been registered.</p>';
  return (
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${e(title)}</title><style>@page { size: A4; margin: 18mm 14mm; } html { font-family: sans-serif; font-size: 10pt; color: #111; } body { max-width: 60rem; margin: 0 auto; }` +
    `table { width: 100%; border-collapse: collapse; } caption { text-align: left; font-weight: 700; padding: 4pt 0; } th, td { border: 0.6pt solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; } thead th { background: #eee; } tr { break-inside: avoid; }</style></head>` +
    `<body><header><h1>Register of interests</h1><p>${e(register.boardName)} · as at ${e(formatUkDate(today))}</p></header><main>${table}</main></body></html>`
  );
}

export async function buildRegisterDocx(register: InterestRegister, today: string): Promise<Buffer> {
  return packDocx({
    title: `Register of interests – ${register.boardName}`,
    subject: `Members' interests registered with ${register.boardName}`,
    keywords: ['register of interests', register.boardName].join(', '),
    creator: `Matters Arising ${APP_VERSION}`,
    header: ['Register of interests', register.boardName],
    footer: `As at ${formatUkDate(today)}`,
    children: [
      heading('Register of interests', 1),
      para(`${register.boardName} · as at ${formatUkDate(today)}`, { bold: true }),
      ...(register.entries.length ? captionedTable(`Interests registered by members of ${register.boardName}`, HEAD, rowsOf(register), [22, 38, 20, 10, 10]) : [para('No interests have been registered.')]),
    ],
  });
}

export async function exportInterestRegister(store: Store, input: ParsedInputOf<'exportInterestRegister'>, hooks: ExportHooks): Promise<DocumentExport> {
  const register = listInterests(store, { boardId: input.boardId });
  const today = todayIso();
  const name = `${safeFileName(`${register.boardName} register of interests ${today}`)}.${input.format}`;
  if (input.format === 'pdf') {
    const print = hooks.printPdf;
    if (!print) throw conflict('This copy of Matters Arising cannot print PDFs: no Chromium was found to print with. Export it as Word or HTML instead.');
    return saveOrHandBack('pdf', name, PDF_FILE, 'application/pdf', hooks, async () => ({ bytes: Buffer.from(await print(registerHtml(register, today), { tagged: true, outline: true })), fileName: name }));
  }
  if (input.format === 'docx') return saveOrHandBack('docx', name, DOCX_FILE, DOCX_MIME, hooks, async () => ({ bytes: await buildRegisterDocx(register, today), fileName: name }));
  return saveOrHandBack('html', name, HTML_FILE, HTML_MIME, hooks, () => ({ bytes: Buffer.from(registerHtml(register, today), 'utf8'), fileName: name }));
}
