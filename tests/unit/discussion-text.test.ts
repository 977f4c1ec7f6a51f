// A discussion's plain text, derived by the one walker of its Lexical JSON (shared/domain/
// discussion.ts) from the JSON as the editor saves it: list items on their own lines, and exactly
// the words the print HTML (made from the same walk) shows, so the check for confidential text
// reads what is printed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { discussionBlocks, discussionPlainText, parseDiscussionJson } from '../../shared/domain/discussion';
import { squash } from '../../shared/domain/confidential';
import { blocksToHtml } from '../../electron/core/publication/discussionHtml';
import { htmlText } from '../../electron/core/publication/publication';
import { discussionOf, FIXTURE_ITEMS } from '../helpers/fixture-minutes';

function editorWith(build: () => void): LexicalEditor {
  const editor = createEditor({
    namespace: 'test',
    nodes: [ListNode, ListItemNode, LinkNode],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(build, { discrete: true });
  return editor;
}

const paragraph = (text: string) => $createParagraphNode().append($createTextNode(text));
const item = (text: string) => $createListItemNode().append($createTextNode(text));
/** The plain text core stores for the JSON the editor saves. */
const derived = (editor: LexicalEditor): string => discussionPlainText(parseDiscussionJson(JSON.stringify(editor.getEditorState().toJSON())) ?? []);

describe('discussion plain text', () => {
  it('keeps paragraphs, bullets as "- " and numbers as "1. ", nested lists indented', () => {
    const editor = editorWith(() => {
      const bullets = $createListNode('bullet').append(item('CP registrations'), $createListItemNode().append($createListNode('bullet').append(item('over 2 years'))), item('Police protection orders'));
      const numbered = $createListNode('number', 3).append(item('third'), item('fourth'));
      const withLink = $createParagraphNode().append($createTextNode('See '), $createLinkNode('https://example.org').append($createTextNode('the report')), $createTextNode('.'));
      $getRoot().append(paragraph('Detailed reports to next meeting on:'), bullets, numbered, withLink, paragraph('👍 مرحبا'), $createParagraphNode());
    });
    expect(derived(editor)).toBe(
      ['Detailed reports to next meeting on:', '- CP registrations', '  - over 2 years', '- Police protection orders', '3. third', '4. fourth', 'See the report.', '👍 مرحبا'].join('\n'),
    );
  });

  it('reads the JSON the same after it has been reopened in the editor and saved again', () => {
    const editor = editorWith(() => {
      $getRoot().append(paragraph('AF explained the proposals for:'), $createListNode('bullet').append(item('one'), item('two')));
    });
    const json = JSON.stringify(editor.getEditorState().toJSON());
    const reopened = createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode, LinkNode], onError: (e) => { throw e; } });
    reopened.setEditorState(reopened.parseEditorState(json));
    expect(derived(reopened)).toBe('AF explained the proposals for:\n- one\n- two');
    expect(derived(reopened)).toBe(derived(editor));
  });

  it('gives the text of every item of the minutes of 19 February 2014 as typed', () => {
    for (const f of FIXTURE_ITEMS) {
      const { json, text } = discussionOf(f);
      expect(discussionPlainText(discussionBlocks(json, '')), f.number).toBe(text);
    }
  });

  it('keeps the text of headings, quotes, unsafe links and nodes it does not know, and reads the kept text only where there is no JSON', () => {
    const doc = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Closed session' }] },
          { type: 'quote', children: [{ type: 'text', text: 'As quoted' }, { type: 'linebreak' }, { type: 'text', text: 'in full' }] },
          { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'not a link' }] }, { type: 'tab', text: '\t' }, { type: 'mention', text: '@AF' }] },
          { type: 'layout-container', children: [{ type: 'layout-item', children: [{ type: 'text', text: 'Column text' }] }] },
          { type: 'paragraph', children: [] },
          { type: 'paragraph', children: [{ type: 'text', text: 'After a blank line' }] },
        ],
      },
    });
    expect(discussionPlainText(discussionBlocks(doc, 'Never read beside JSON'))).toBe('Closed session\nAs quoted\nin full\nnot a link\t@AF\nColumn text\n\nAfter a blank line');
    expect(discussionPlainText(discussionBlocks(null, 'An old row\n\nwith text only'))).toBe('An old row\nwith text only');
    expect(discussionPlainText(discussionBlocks('{not json', 'Kept text'))).toBe('Kept text');
    expect(discussionPlainText(discussionBlocks(null, ''))).toBe('');
  });

  it('has exactly the words the print HTML shows, whatever the JSON (list numbers apart)', () => {
    const words = fc.stringMatching(/^[A-Za-z ]{0,12}$/);
    const { node } = fc.letrec<{ node: unknown; inline: unknown; item: unknown }>((tie) => ({
      inline: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constant('text'), text: words, format: fc.integer({ min: 0, max: 127 }) }),
        fc.record({ type: fc.constant('linebreak') }),
        fc.record({ type: fc.constant('tab'), text: fc.constant('\t') }),
        fc.record({ type: fc.constantFrom('link', 'autolink'), url: fc.constantFrom('https://example.org', 'mailto:a@b.org', 'javascript:x', ''), children: fc.array(tie('inline'), { maxLength: 3 }) }),
        fc.record({ type: fc.constant('mystery'), text: words }),
      ),
      item: fc.record({ type: fc.constant('listitem'), children: fc.array(fc.oneof(tie('inline'), tie('node')), { maxLength: 3 }) }),
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constantFrom('paragraph', 'heading', 'quote', 'unknown-block'), children: fc.array(tie('inline'), { maxLength: 4 }) }),
        fc.record({ type: fc.constant('list'), listType: fc.constantFrom('bullet', 'number', 'check'), start: fc.integer({ min: 1, max: 20 }), children: fc.array(tie('item'), { maxLength: 4 }) }),
      ),
    }));
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), (children) => {
        const blocks = discussionBlocks(JSON.stringify({ root: { type: 'root', children } }), '');
        const plain = squash(discussionPlainText(blocks)).replace(/\d+/g, '');
        expect(plain).toBe(squash(htmlText(blocksToHtml(blocks))));
      }),
      { numRuns: 400 },
    );
  });
});
