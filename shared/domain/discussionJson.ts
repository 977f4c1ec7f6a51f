// Builds a discussion as the editor saves it (Lexical JSON) from plain words: for minutes made
// outside the editor (the sample board, imported minutes, tests). The one walker that reads it
// back is discussion.ts; the node shapes here are the ones the editor itself writes. And the one
// answer to "is this the same discussion?" (sameness does not depend on key order or spacing).
import { canonicalJson } from './canonicalJson';

const BLOCK = { direction: 'ltr', format: '', indent: 0, version: 1 } as const;

/** A run of text; format is Lexical's bit set (1 bold, 2 italic, …). */
export const textNode = (text: string, format = 0) => ({ type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 });

export const paragraphNode = (children: readonly unknown[]) => ({ ...BLOCK, type: 'paragraph', textFormat: 0, textStyle: '', children });

/** A bulleted list, one item of plain text each. */
export const bulletListNode = (items: readonly string[]) => ({
  ...BLOCK,
  type: 'list',
  listType: 'bullet',
  start: 1,
  tag: 'ul',
  children: items.map((t, i) => ({ ...BLOCK, type: 'listitem', value: i + 1, children: [textNode(t)] })),
});

/** The stored JSON of a discussion made of these blocks. */
export const discussionRootJson = (children: readonly unknown[]): string => JSON.stringify({ root: { ...BLOCK, type: 'root', children } });

/**
 * A discussion as one canonical string, or null for none; accepts the stored text or the parsed
 * state. The same content with keys in another order (Lexical's export order and the stored
 * text's may differ) is the same discussion: sync, and saving, compare discussions by this.
 */
export function canonicalDiscussion(json: string | object | null): string | null {
  if (json === null) return null;
  return canonicalJson(typeof json === 'string' ? JSON.parse(json) : json);
}

/** A document with nothing in it: no block, or one empty paragraph (what an empty editor holds). */
function isEmptyDocument(state: unknown): boolean {
  const blocks = (state as { root?: { children?: unknown } } | null)?.root?.children;
  if (!Array.isArray(blocks)) return false;
  if (blocks.length === 0) return true;
  const only = blocks.length === 1 ? (blocks[0] as { type?: unknown; children?: unknown }) : null;
  return only?.type === 'paragraph' && (only.children === undefined || (Array.isArray(only.children) && only.children.length === 0));
}

/**
 * Whether two discussions are the same minutes: the same document in any key order, or both
 * empty (no discussion at all is the same as an empty one). Saving compares by this, in the
 * editor (so nothing is sent) and in core (so nothing is written): the stored text, another
 * program's or the editor's own. A text that is not JSON is the same only as itself.
 */
export function sameDiscussion(a: string | object | null, b: string | object | null): boolean {
  if (a === b) return true;
  try {
    const parse = (d: string | object | null): unknown => (typeof d === 'string' ? JSON.parse(d) : d);
    const [x, y] = [parse(a), parse(b)];
    if ((x === null || isEmptyDocument(x)) && (y === null || isEmptyDocument(y))) return true;
    if (x === null || y === null) return false;
    return canonicalJson(x) === canonicalJson(y);
  } catch {
    // A text that is not JSON (a damaged stored discussion) is no document: not the same as any.
    return false;
  }
}
