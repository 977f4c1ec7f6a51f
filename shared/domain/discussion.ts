// The one walker of a discussion's stored Lexical JSON: it reads the editor's serialized state
// into a small block tree (paragraphs, headings, quotes, lists with nesting and numbering, links,
// text formats, tables), from which core derives both the plain text (search, hash, the public PDF's
// check for confidential text) and the print HTML. One reading, so the check sees what is printed.
// Anything unknown keeps its text and loses its markup; nothing in the JSON can make it throw.

/** Lexical's text format bits (bold 1, italic 2, strikethrough 4, underline 8, code 16, subscript 32, superscript 64). */
export type TextFormat = number;

export type DiscussionInline =
  | { kind: 'text'; text: string; format: TextFormat }
  | { kind: 'break' }
  /** `url` is null for a link the app will not print as one (anything but http(s) and mailto). */
  | { kind: 'link'; url: string | null; children: DiscussionInline[] };

export interface DiscussionList {
  kind: 'list';
  numbered: boolean;
  /** The first item's number. */
  start: number;
  items: DiscussionListItem[];
}

export interface DiscussionListItem {
  content: DiscussionInline[];
  /** Lists nested under this item. */
  lists: DiscussionList[];
}

export interface DiscussionTableCell {
  /** A header cell (Lexical's headerState: a header row or column). */
  header: boolean;
  colSpan: number;
  rowSpan: number;
  blocks: DiscussionBlock[];
}

export interface DiscussionTable {
  kind: 'table';
  rows: Array<{ cells: DiscussionTableCell[] }>;
}

export type DiscussionBlock = { kind: 'paragraph' | 'heading' | 'quote'; children: DiscussionInline[] } | DiscussionList | DiscussionTable;

/** Links the app follows and prints as links; the editor refuses the others too. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Deeper than any real discussion; stops hostile JSON from exhausting the stack. */
const MAX_DEPTH = 64;

interface LexNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  children?: unknown;
  listType?: unknown;
  start?: unknown;
  url?: unknown;
  headerState?: unknown;
  colSpan?: unknown;
  rowSpan?: unknown;
}

const childrenOf = (node: LexNode): LexNode[] =>
  Array.isArray(node.children) ? node.children.filter((c): c is LexNode => typeof c === 'object' && c !== null) : [];

function textRun(node: LexNode): DiscussionInline[] {
  const text = typeof node.text === 'string' ? node.text : '';
  if (text === '') return [];
  return [{ kind: 'text', text, format: typeof node.format === 'number' ? node.format : 0 }];
}

function inlines(nodes: LexNode[], depth: number): DiscussionInline[] {
  return nodes.flatMap((n) => inline(n, depth));
}

function inline(node: LexNode, depth: number): DiscussionInline[] {
  if (depth > MAX_DEPTH) return [];
  switch (node.type) {
    case 'text':
    case 'tab':
      return textRun(node);
    case 'linebreak':
      return [{ kind: 'break' }];
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' ? node.url.trim() : '';
      return [{ kind: 'link', url: SAFE_LINK.test(url) ? url : null, children: inlines(childrenOf(node), depth + 1) }];
    }
    default:
      // An inline node we do not know: its text, without its markup.
      return typeof node.text === 'string' ? textRun(node) : inlines(childrenOf(node), depth + 1);
  }
}

function list(node: LexNode, depth: number): DiscussionList {
  const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  const items: DiscussionListItem[] = [];
  if (depth <= MAX_DEPTH) {
    for (const child of childrenOf(node)) {
      const kids = childrenOf(child);
      const lists = kids.filter((k) => k.type === 'list').map((k) => list(k, depth + 1));
      const content = inlines(
        kids.filter((k) => k.type !== 'list'),
        depth + 1,
      );
      const previous = items[items.length - 1];
      // Lexical keeps a nested list in a wrapper item of its own: it belongs to the item before.
      if (previous && lists.length > 0 && inlineText(content) === '') previous.lists.push(...lists);
      else items.push({ content, lists });
    }
  }
  return { kind: 'list', numbered: node.listType === 'number', start, items };
}

const span = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value > 1 ? Math.min(value, 1000) : 1);

function table(node: LexNode, depth: number): DiscussionTable {
  const rows: DiscussionTable['rows'] = [];
  if (depth <= MAX_DEPTH) {
    for (const row of childrenOf(node)) {
      const cells = childrenOf(row).map((cell) => ({
        header: typeof cell.headerState === 'number' && cell.headerState !== 0,
        colSpan: span(cell.colSpan),
        rowSpan: span(cell.rowSpan),
        // A cell holds blocks; text put straight into one (not from the editor) is kept as a paragraph.
        blocks: childrenOf(cell).map((b) => block(b, depth + 1)),
      }));
      rows.push({ cells });
    }
  }
  return { kind: 'table', rows };
}

function block(node: LexNode, depth: number): DiscussionBlock {
  switch (node.type) {
    case 'list':
      return list(node, depth);
    case 'table':
      return table(node, depth);
    case 'heading':
    case 'quote':
      return { kind: node.type, children: inlines(childrenOf(node), depth) };
    default:
      // A paragraph, or a block we do not know: its text, as a paragraph.
      return { kind: 'paragraph', children: node.type === 'paragraph' ? inlines(childrenOf(node), depth) : inline(node, depth) };
  }
}

/** The blocks of the editor's state already parsed from JSON, or null when it has no root with children. */
export function readDiscussion(state: unknown): DiscussionBlock[] | null {
  const root = (state as { root?: unknown } | null)?.root as LexNode | undefined;
  if (!root || typeof root !== 'object' || !Array.isArray(root.children)) return null;
  return childrenOf(root).map((b) => block(b, 1));
}

/** The blocks of the editor's JSON, or null when it is not the editor's JSON. */
export function parseDiscussionJson(json: string): DiscussionBlock[] | null {
  try {
    return readDiscussion(JSON.parse(json));
  } catch {
    return null;
  }
}

/**
 * A stored discussion's blocks: from its JSON, or, where a row has none that can be read, from the
 * plain text kept beside it (one paragraph per non-blank line), so nothing typed is ever dropped.
 */
export function discussionBlocks(json: string | null, fallbackText: string): DiscussionBlock[] {
  const blocks = json ? parseDiscussionJson(json) : null;
  if (blocks) return blocks;
  return fallbackText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ kind: 'paragraph', children: [{ kind: 'text', text: line, format: 0 }] }));
}

// ---------------------------------------------------------------- plain text

/** The text of inline content: link text included, line breaks as new lines. */
export function inlineText(content: readonly DiscussionInline[]): string {
  return content.map((i) => (i.kind === 'text' ? i.text : i.kind === 'break' ? '\n' : inlineText(i.children))).join('');
}

function listLines(l: DiscussionList, depth: number, lines: string[]): void {
  let n = l.start;
  for (const item of l.items) {
    const text = inlineText(item.content);
    // An item that only holds nested lists has no line of its own.
    if (text !== '' || item.lists.length === 0) {
      lines.push(`${'  '.repeat(depth)}${l.numbered ? `${n}. ` : '- '}${text}`);
      n += 1;
    }
    for (const sub of item.lists) listLines(sub, depth + 1, lines);
  }
}

function blockLines(blocks: readonly DiscussionBlock[], lines: string[]): void {
  for (const b of blocks) {
    if (b.kind === 'list') listLines(b, 0, lines);
    else if (b.kind === 'table') {
      // One line per row, cells apart: what a table copied out of the minutes pastes as.
      for (const row of b.rows) lines.push(row.cells.map((c) => cellText(c.blocks)).join(' | '));
    } else lines.push(inlineText(b.children));
  }
}

function cellText(blocks: readonly DiscussionBlock[]): string {
  const lines: string[] = [];
  blockLines(blocks, lines);
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The discussion as plain text: paragraphs line by line, list items on their own lines as "- "
 * or "1. " (numbered from the list's start), nested ones indented by two spaces, a table's rows
 * on their own lines with its cells apart (" | ").
 */
export function discussionPlainText(blocks: readonly DiscussionBlock[]): string {
  const lines: string[] = [];
  blockLines(blocks, lines);
  // Trailing empty paragraphs carry nothing.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
