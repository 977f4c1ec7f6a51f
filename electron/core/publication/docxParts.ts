// The pieces every Word document the app writes is made of (with the `docx` package): runs
// from a discussion's inline text, paragraphs and real Word lists from its blocks, captioned
// tables with a repeating header row, and the document itself: A4, real heading styles (for
// the navigation pane and a table of contents), running header and "Page x of y" footer.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import { discussionPlainText, type DiscussionBlock, type DiscussionInline, type DiscussionList, type DiscussionTable } from '../../../shared/domain/discussion';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT = 'Arial';

/** Lexical's text format bits, as Word run properties. */
function runFormat(format: number): { bold?: boolean; italics?: boolean; strike?: boolean; underline?: object; subScript?: boolean; superScript?: boolean; font?: string } {
  return {
    ...(format & 1 ? { bold: true } : {}),
    ...(format & 2 ? { italics: true } : {}),
    ...(format & 4 ? { strike: true } : {}),
    ...(format & 8 ? { underline: {} } : {}),
    ...(format & 16 ? { font: 'Courier New' } : {}),
    ...(format & 32 ? { subScript: true } : {}),
    ...(format & 64 ? { superScript: true } : {}),
  };
}

export function inlineRuns(content: readonly DiscussionInline[]): ParagraphChild[] {
  return content.flatMap((i): ParagraphChild[] => {
    if (i.kind === 'text') return [new TextRun({ text: i.text, ...runFormat(i.format) })];
    if (i.kind === 'break') return [new TextRun({ break: 1 })];
    const inner = inlineRuns(i.children);
    if (!i.url) return inner;
    const text = discussionPlainText([{ kind: 'paragraph', children: i.children }]);
    return [new ExternalHyperlink({ link: i.url, children: [new TextRun({ text, style: 'Hyperlink' })] })];
  });
}

/** Word's lists: one numbering definition per numbered list (each keeps its own start), one shared for bullets. */
export class DocxLists {
  private readonly configs: Array<INumberingOptions['config'][number]> = [];
  private count = 0;

  constructor() {
    this.configs.push({ reference: 'bullets', levels: this.levels(false, 1) });
  }

  private levels(numbered: boolean, start: number): ILevelsOptions[] {
    return Array.from({ length: 6 }, (_, level) => ({
      level,
      format: numbered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: numbered ? `%${level + 1}.` : level % 2 === 0 ? '•' : '◦',
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
    }));
  }

  /** A reference for a new numbered list starting at `start`. */
  numbered(start: number): string {
    const reference = `numbers-${++this.count}`;
    this.configs.push({ reference, levels: this.levels(true, start) });
    return reference;
  }

  get numbering(): INumberingOptions {
    return { config: this.configs };
  }
}

function listParagraphs(list: DiscussionList, lists: DocxLists, level: number, reference?: string): Paragraph[] {
  const ref = reference ?? (list.numbered ? lists.numbered(list.start) : 'bullets');
  return list.items.flatMap((item) => [
    new Paragraph({ children: inlineRuns(item.content), numbering: { reference: ref, level: Math.min(level, 5) } }),
    ...item.lists.flatMap((sub) => listParagraphs(sub, lists, level + 1, sub.numbered === list.numbered && list.numbered ? ref : undefined)),
  ]);
}

/** A table typed in a discussion as a Word table: header cells shaded and bold, spans kept. */
function discussionTable(table: DiscussionTable, lists: DocxLists): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0 && row.cells.every((c) => c.header),
          cantSplit: true,
          children: row.cells.map((c) => {
            const inner = blockParagraphs(c.blocks, lists);
            return new TableCell({
              // Word needs a paragraph in every cell, even an empty one.
              children: inner.length ? inner : [new Paragraph({})],
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              ...(c.header ? { shading: { fill: 'EEEEEE' } } : {}),
            });
          }),
        }),
    ),
  });
}

/** A discussion's blocks as Word paragraphs (and tables). */
export function blockParagraphs(blocks: readonly DiscussionBlock[], lists: DocxLists): Array<Paragraph | Table> {
  return blocks.flatMap((block): Array<Paragraph | Table> => {
    switch (block.kind) {
      case 'list':
        return listParagraphs(block, lists, 0);
      case 'table':
        return [discussionTable(block, lists)];
      case 'quote':
        return [new Paragraph({ children: inlineRuns(block.children), indent: { left: 567 } })];
      case 'heading':
        // As in the PDF: a heading inside a discussion is bold text, so the outline lists the items only.
        return [new Paragraph({ children: inlineRuns(block.children.map((c) => (c.kind === 'text' ? { ...c, format: c.format | 1 } : c))) })];
      case 'paragraph':
        return block.children.length ? [new Paragraph({ children: inlineRuns(block.children) })] : [];
    }
  });
}

export const para = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}): Paragraph =>
  new Paragraph({ children: text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options })) });

export const heading = (text: string, level: 1 | 2 | 3): Paragraph =>
  new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 });

/** A captioned table whose header row repeats on every page it runs over. */
export function captionedTable(caption: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, widths?: readonly number[]): Array<Paragraph | Table> {
  const cell = (text: string, header: boolean, i: number): TableCell =>
    new TableCell({
      children: [para(text, header ? { bold: true } : {})],
      ...(widths?.[i] ? { width: { size: widths[i] as number, type: WidthType.PERCENTAGE } } : {}),
      ...(header ? { shading: { fill: 'EEEEEE' } } : {}),
    });
  return [
    new Paragraph({ children: [new TextRun({ text: caption, bold: true })], keepNext: true, spacing: { before: 120 } }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, true, i)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, i)) })),
      ],
    }),
  ];
}

export interface DocxSpec {
  title: string;
  subject: string;
  keywords: string;
  creator: string;
  /** The running header, a line each. */
  header: readonly string[];
  /** Left of the footer, before "Page x of y". */
  footer: string;
  /** Top right of every page (the confidential or draft mark). */
  marker?: string;
  children: Array<Paragraph | Table>;
  lists?: DocxLists;
  landscape?: boolean;
}

/** The document, packed: a Buffer of the .docx file. */
export async function packDocx(spec: DocxSpec): Promise<Buffer> {
  const small = { size: 15, font: FONT };
  const doc = new Document({
    creator: spec.creator,
    title: spec.title,
    subject: spec.subject,
    keywords: spec.keywords,
    description: spec.subject,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    numbering: (spec.lists ?? new DocxLists()).numbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, ...(spec.landscape ? { orientation: 'landscape' as const } : {}) },
            margin: { top: 1400, bottom: 1200, left: 907, right: 907, header: 500, footer: 500 },
          },
        },
        headers: {
          default: new Header({
            children: [
              ...spec.header.map((line) => new Paragraph({ children: [new TextRun({ text: line, ...small })] })),
              ...(spec.marker ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: spec.marker, bold: true, color: '9B1C1C', ...small })] })] : []),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun({ text: spec.footer, ...small })] }),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small })] }),
            ],
          }),
        },
        children: spec.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
