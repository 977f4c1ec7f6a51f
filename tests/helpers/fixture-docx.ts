// TEST SETUP ONLY: a Word .docx of a fixture meeting made with the `docx` package, laid out as
// the originals are: the header block, Present and Apologies tables, numbered item headings,
// discussion paragraphs and "Decisions and/or actions agreed" tables (a details cell holding a
// list keeps it as separate paragraphs).
import { Document, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type feb from '../fixtures/2014-02-19.json';

type Fixture = typeof feb;

const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
const cell = (lines: string[]): TableCell => new TableCell({ children: (lines.length ? lines : ['']).map(para) });
const row = (cells: string[][]): TableRow => new TableRow({ children: cells.map(cell) });
const table = (rows: string[][][]): Table => new Table({ rows: rows.map(row) });

const printedName = (p: { name: string; note: string | null }): string =>
  p.note ? (/^item/i.test(p.note) ? `${p.name} – ${p.note}` : `${p.name} (${p.note})`) : p.name;

const HOURS = (t: string): string => {
  const [h = 0, m = 0] = t.split(':').map(Number);
  return `${h > 12 ? h - 12 : h}.${String(m).padStart(2, '0')}${h >= 12 ? 'pm' : ' am'}`;
};
const UK_DATE = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `runningHeader`: the header block in Word's page header (as the originals keep it) rather than the body. */
export async function fixtureDocx(meeting: Fixture, options: { runningHeader?: boolean } = {}): Promise<Buffer> {
  const headerBlock = [para('Minutes and Actions'), para(meeting.board), para(UK_DATE(meeting.date)), para(`${HOURS(meeting.start)} – ${HOURS(meeting.end)}`)];
  const body: Array<Paragraph | Table> = [
    ...(options.runningHeader ? [para('Minutes and actions')] : headerBlock),
    para('Present:'),
    table(meeting.present.map((p) => [[printedName(p)], [p.initials], [p.role]])),
    para('Apologies:'),
    table(meeting.apologies.map((p) => [[p.name], [], [p.role]])),
  ];
  for (const item of meeting.items) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${item.number}. ${item.title}`)] }));
    for (const d of item.discussion) for (const line of d.split('\n')) body.push(para(line));
    if (item.actions.length > 0) {
      body.push(para('Decisions and/or actions agreed'));
      body.push(table([[['Reference'], ['Details'], ['Action']], ...item.actions.map((a) => [[a.ref], a.details.split('\n'), [a.owner]])]));
    }
  }
  const headers = options.runningHeader ? { default: new Header({ children: headerBlock }) } : undefined;
  const doc = new Document({ sections: [{ ...(headers ? { headers } : {}), children: body }] });
  return Packer.toBuffer(doc);
}
