// Builds a discussion as the editor saves it (Lexical JSON) from plain words: for minutes made
// outside the editor (the sample board, imported minutes, tests). The one walker that reads it
// back is discussion.ts; the node shapes here are the ones the editor itself writes.

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
