// The plain text kept beside a discussion's JSON (for search and print, where core has no DOM):
// paragraphs line by line, list items on their own lines as "- " or "1. ", nested ones indented.
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $getRoot, type LexicalNode } from 'lexical';

/** Call inside editor.read() / editorState.read(). */
export function $discussionPlainText(): string {
  const lines: string[] = [];
  for (const block of $getRoot().getChildren()) $blockLines(block, lines);
  // Trailing empty paragraphs carry nothing.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

function $blockLines(node: LexicalNode, lines: string[]): void {
  if ($isListNode(node)) {
    $listLines(node, 0, lines);
    return;
  }
  lines.push(node.getTextContent());
}

function $listLines(list: ListNode, depth: number, lines: string[]): void {
  let n = list.getStart();
  const numbered = list.getListType() === 'number';
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const text = item
      .getChildren()
      .filter((child) => !$isListNode(child))
      .map((child) => child.getTextContent())
      .join('');
    const nested = item.getChildren().filter($isListNode);
    // Lexical keeps a nested list in its own wrapper item, which has no text of its own.
    if (text !== '' || nested.length === 0) {
      lines.push(`${'  '.repeat(depth)}${numbered ? `${n}. ` : '- '}${text}`);
      n += 1;
    }
    for (const sub of nested) $listLines(sub, depth + 1, lines);
  }
}

