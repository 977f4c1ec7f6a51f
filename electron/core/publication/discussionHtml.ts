// A discussion as print HTML, without a DOM, from the blocks the one walker of its Lexical JSON
// reads (shared/domain/discussion.ts): paragraphs, emphasis, lists (nested, numbered from their
// start), links and tables. Everything is escaped; links other than http(s) and mailto print as text.
import { discussionBlocks, type DiscussionBlock, type DiscussionInline, type DiscussionList, type DiscussionTable } from '../../../shared/domain/discussion';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

// Lexical's text format bits, outermost first.
const FORMATS: ReadonlyArray<[bit: number, tag: string]> = [
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
];

function textHtml(text: string, format: number): string {
  let html = escapeHtml(text).replace(/\t/g, '&emsp;');
  for (let i = FORMATS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMATS[i] as [number, string];
    if (format & bit) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function inlineHtml(content: readonly DiscussionInline[]): string {
  return content
    .map((i) => {
      if (i.kind === 'text') return textHtml(i.text, i.format);
      if (i.kind === 'break') return '<br>';
      const inner = inlineHtml(i.children);
      return i.url ? `<a href="${escapeHtml(i.url)}">${inner}</a>` : inner;
    })
    .join('');
}

function listHtml(list: DiscussionList): string {
  const items = list.items.map((item) => `<li>${inlineHtml(item.content)}${item.lists.map(listHtml).join('')}</li>`).join('');
  if (!list.numbered) return `<ul>${items}</ul>`;
  return `<ol${list.start !== 1 ? ` start="${list.start}"` : ''}>${items}</ol>`;
}

function tableHtml(table: DiscussionTable): string {
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((c) => {
          const tag = c.header ? 'th' : 'td';
          const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
          return `<${tag}${spans}>${blocksToHtml(c.blocks)}</${tag}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  return rows === '' ? '' : `<table class="discussion-table"><tbody>${rows}</tbody></table>`;
}

function blockHtml(block: DiscussionBlock): string {
  switch (block.kind) {
    case 'list':
      return listHtml(block);
    case 'table':
      return tableHtml(block);
    case 'quote':
      return `<blockquote><p>${inlineHtml(block.children)}</p></blockquote>`;
    case 'heading':
      // Headings inside a discussion would add to the PDF's outline, which lists the items only.
      return `<p class="discussion-heading"><strong>${inlineHtml(block.children)}</strong></p>`;
    case 'paragraph': {
      const inner = inlineHtml(block.children);
      return inner === '' ? '' : `<p>${inner}</p>`;
    }
  }
}

/** The blocks as HTML. */
export function blocksToHtml(blocks: readonly DiscussionBlock[]): string {
  return blocks.map(blockHtml).join('');
}

/** A stored discussion as HTML; its plain text stands in only where the JSON cannot be read. */
export function discussionToHtml(json: string | null, fallbackText: string): string {
  return blocksToHtml(discussionBlocks(json, fallbackText));
}
