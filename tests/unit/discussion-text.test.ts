// The plain text stored beside a discussion's JSON: built from the Lexical document without a
// DOM (so core and search never need one), list items on their own lines.
import { describe, expect, it } from 'vitest';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { $discussionPlainText } from '../../renderer/src/editor/plainText';

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

describe('discussion plain text', () => {
  it('keeps paragraphs, bullets as "- " and numbers as "1. ", nested lists indented', () => {
    const editor = editorWith(() => {
      const bullets = $createListNode('bullet').append(item('CP registrations'), $createListItemNode().append($createListNode('bullet').append(item('over 2 years'))), item('Police protection orders'));
      const numbered = $createListNode('number', 3).append(item('third'), item('fourth'));
      const withLink = $createParagraphNode().append($createTextNode('See '), $createLinkNode('https://example.org').append($createTextNode('the report')), $createTextNode('.'));
      $getRoot().append(paragraph('Detailed reports to next meeting on:'), bullets, numbered, withLink, paragraph('👍 مرحبا'), $createParagraphNode());
    });
    expect(editor.getEditorState().read($discussionPlainText)).toBe(
      ['Detailed reports to next meeting on:', '- CP registrations', '  - over 2 years', '- Police protection orders', '3. third', '4. fourth', 'See the report.', '👍 مرحبا'].join('\n'),
    );
  });

  it('survives the round trip through the JSON core stores', () => {
    const editor = editorWith(() => {
      $getRoot().append(paragraph('AF explained the proposals for:'), $createListNode('bullet').append(item('one'), item('two')));
    });
    const json = JSON.stringify(editor.getEditorState().toJSON());
    const reopened = createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode, LinkNode], onError: (e) => { throw e; } });
    reopened.setEditorState(reopened.parseEditorState(json));
    expect(reopened.getEditorState().read($discussionPlainText)).toBe('AF explained the proposals for:\n- one\n- two');
  });
});
