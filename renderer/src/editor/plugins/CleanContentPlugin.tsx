// Pasted text keeps its words, lists, links and emphasis, and nothing else: fonts, colours,
// sizes, alignment and indents from Word or web pages are dropped as they arrive.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { ListItemNode, ListNode } from '@lexical/list';
import { ParagraphNode, TextNode, type ElementNode } from 'lexical';

/** Bold, italic, underline, strikethrough, subscript, superscript: emphasis the minutes use. */
const KEPT_FORMATS = 1 | 2 | 4 | 8 | 32 | 64;

function cleanElement(node: ElementNode): void {
  if (node.getStyle() !== '') node.setStyle('');
  if (node.getFormatType() !== '') node.setFormat('');
}

export function CleanContentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const format = node.getFormat();
          if ((format & ~KEPT_FORMATS) !== 0) node.setFormat(format & KEPT_FORMATS);
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          cleanElement(node);
          if (node.getIndent() !== 0) node.setIndent(0);
        }),
        editor.registerNodeTransform(ListNode, cleanElement),
        editor.registerNodeTransform(ListItemNode, cleanElement),
      ),
    [editor],
  );
  return null;
}
