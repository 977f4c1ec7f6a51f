// A discussion's stored Lexical JSON as print HTML, without a DOM: paragraphs, emphasis, lists
// (nested, numbered from their start) and links. Everything is escaped; anything unknown keeps
// its text and loses its markup; links other than http(s) and mailto print as text.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

interface LexNode {
  type?: unknown;
  text?: unknown;
  format?: unknown;
  children?: unknown;
  listType?: unknown;
  start?: unknown;
  url?: unknown;
  tag?: unknown;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
/** Deeper than any real discussion; stops hostile JSON from exhausting the stack. */
const MAX_DEPTH = 64;

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

const childrenOf = (node: LexNode): LexNode[] =>
  Array.isArray(node.children) ? node.children.filter((c): c is LexNode => typeof c === 'object' && c !== null) : [];

function textHtml(node: LexNode): string {
  const text = typeof node.text === 'string' ? node.text : '';
  if (text === '') return '';
  let html = escapeHtml(text).replace(/\t/g, '&emsp;');
  const format = typeof node.format === 'number' ? node.format : 0;
  for (let i = FORMATS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMATS[i] as [number, string];
    if (format & bit) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function inline(nodes: LexNode[], depth: number): string {
  return nodes.map((n) => inlineNode(n, depth)).join('');
}

function inlineNode(node: LexNode, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  switch (node.type) {
    case 'text':
    case 'tab':
      return textHtml(node);
    case 'linebreak':
      return '<br>';
    case 'link':
    case 'autolink': {
      const inner = inline(childrenOf(node), depth + 1);
      const url = typeof node.url === 'string' ? node.url.trim() : '';
      return SAFE_LINK.test(url) ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner;
    }
    default:
      // An inline node we do not know: its text, without its markup.
      return typeof node.text === 'string' ? textHtml(node) : inline(childrenOf(node), depth + 1);
  }
}

function listHtml(node: LexNode, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  const numbered = node.listType === 'number';
  const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : '';
  const items: string[] = [];
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item);
    const nested = kids.filter((k) => k.type === 'list');
    const own = kids.filter((k) => k.type !== 'list');
    const body = inline(own, depth + 1) + nested.map((l) => listHtml(l, depth + 1)).join('');
    // Lexical keeps a nested list in a wrapper item of its own: print it inside the item before.
    if (own.length === 0 && nested.length > 0 && items.length > 0) {
      const last = items.pop() as string;
      items.push(last.replace(/<\/li>$/, `${body}</li>`));
    } else {
      items.push(`<li>${body}</li>`);
    }
  }
  return numbered ? `<ol${start}>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
}

function blockHtml(node: LexNode, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  switch (node.type) {
    case 'paragraph': {
      const inner = inline(childrenOf(node), depth + 1);
      return inner === '' ? '' : `<p>${inner}</p>`;
    }
    case 'list':
      return listHtml(node, depth + 1);
    case 'quote':
      return `<blockquote><p>${inline(childrenOf(node), depth + 1)}</p></blockquote>`;
    case 'heading':
      // Headings inside a discussion would add to the PDF's outline, which lists the items only.
      return `<p class="discussion-heading"><strong>${inline(childrenOf(node), depth + 1)}</strong></p>`;
    default: {
      const inner = inlineNode(node, depth + 1);
      return inner === '' ? '' : `<p>${inner}</p>`;
    }
  }
}

/** Plain text as paragraphs, for a discussion whose JSON is missing or cannot be read. */
function plainTextHtml(text: string): string {
  return text
    .split(/\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/** The discussion as HTML; falls back to the stored plain text when the JSON cannot be read. */
export function discussionToHtml(json: string | null, fallbackText: string): string {
  if (json) {
    try {
      const parsed = JSON.parse(json) as { root?: LexNode } | null;
      const root = parsed?.root;
      if (root && typeof root === 'object' && Array.isArray(root.children)) {
        return childrenOf(root)
          .map((n) => blockHtml(n, 0))
          .join('');
      }
    } catch {
      // Fall through to the plain text kept beside it.
    }
  }
  return plainTextHtml(fallbackText);
}
