// A discussion saved as whole Lexical JSON merges by its edits: two laptops that changed it
// offline meet with both changes present once (a save is reconciled in place, never re-inserted).
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { SerializedEditorState } from 'lexical';
import { BoundDiscussion } from '../../electron/core/sync/discussionDoc';

const text = (t: string, format = 0) => ({ detail: 0, format, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
const paragraph = (...children: unknown[]) => ({ children, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 });
const discussion = (...blocks: unknown[]) =>
  ({ root: { children: blocks, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } }) as unknown as SerializedEditorState;
const plain = (...paragraphs: string[]) => discussion(...paragraphs.map((p) => paragraph(text(p))));

/** The paragraphs' texts, in order. */
function texts(json: SerializedEditorState | null): string[] {
  return (json?.root.children ?? []).map((block) => ((block as { children?: Array<{ text?: string }> }).children ?? []).map((c) => c.text ?? '').join(''));
}

/** Two laptops' copies of one discussion, in step after `start`. */
function twoLaptops(start: SerializedEditorState) {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  const a = new BoundDiscussion(docA, 'item-1');
  const b = new BoundDiscussion(docB, 'item-1');
  a.save(start);
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  const meet = () => {
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  };
  return { a, b, docA, docB, meet };
}

describe('a discussion edited on two laptops offline', () => {
  it('keeps an edit to paragraph 1 and an edit to paragraph 3, each once', () => {
    const { a, b, meet } = twoLaptops(plain('The chair welcomed the board.', 'Apologies were noted.', 'The report was agreed.'));
    expect(texts(b.json())).toEqual(['The chair welcomed the board.', 'Apologies were noted.', 'The report was agreed.']);
    a.save(plain('The chair welcomed the board and two guests.', 'Apologies were noted.', 'The report was agreed.'));
    b.save(plain('The chair welcomed the board.', 'Apologies were noted.', 'The report was agreed with one amendment.'));
    meet();
    const merged = ['The chair welcomed the board and two guests.', 'Apologies were noted.', 'The report was agreed with one amendment.'];
    expect(texts(a.json())).toEqual(merged);
    expect(texts(b.json())).toEqual(merged);
    expect(a.json()).toEqual(b.json());
  });

  it('keeps both insertions typed into the same paragraph, nothing duplicated', () => {
    const { a, b, meet } = twoLaptops(plain('Budget noted.', 'Next item.'));
    a.save(plain('Budget for 2014 noted.', 'Next item.'));
    b.save(plain('Budget noted by the board.', 'Next item.'));
    meet();
    expect(texts(a.json())).toEqual(['Budget for 2014 noted by the board.', 'Next item.']);
    expect(b.json()).toEqual(a.json());
  });

  it('keeps a paragraph added on one laptop and one removed on the other', () => {
    const { a, b, meet } = twoLaptops(plain('One.', 'Two.', 'Three.'));
    a.save(plain('Zero.', 'One.', 'Two.', 'Three.'));
    b.save(plain('One.', 'Three.'));
    meet();
    expect(texts(a.json())).toEqual(['Zero.', 'One.', 'Three.']);
    expect(b.json()).toEqual(a.json());
  });

  it('sends a one-word edit as a small update, not the whole discussion again', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of a long discussion with enough words to matter.`);
    const { a, docA } = twoLaptops(plain(...long));
    const before = Y.encodeStateVector(docA);
    const edited = [...long];
    edited[14] = `${edited[14]} Agreed.`;
    a.save(plain(...edited));
    const update = Y.encodeStateAsUpdate(docA, before);
    expect(update.byteLength).toBeLessThan(200);
    expect(texts(a.json())).toEqual(edited);
  });

  it('keeps formatting changed on one laptop and text typed on the other', () => {
    // Italic then plain (the editor never leaves two neighbouring runs of one format apart).
    const { a, b, meet } = twoLaptops(discussion(paragraph(text('Important: ', 2), text('read the paper.'))));
    a.save(discussion(paragraph(text('Important: ', 1), text('read the paper.'))));
    b.save(discussion(paragraph(text('Important: ', 2), text('read the paper before May.'))));
    meet();
    const block = a.json()?.root.children[0] as unknown as { children: Array<{ text: string; format: number }> };
    expect(block.children.map((c) => [c.text, c.format])).toEqual([
      ['Important: ', 1],
      ['read the paper before May.', 0],
    ]);
    expect(b.json()).toEqual(a.json());
  });

  it('empties a discussion saved as none', () => {
    const { a, b, meet } = twoLaptops(plain('Something.'));
    a.save(null);
    meet();
    expect(texts(b.json())).toEqual([]);
  });
});
