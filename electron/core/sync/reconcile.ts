// Saving a discussion into its bound editor in place: core receives the whole Lexical JSON on
// every save, and replacing the editor state would make @lexical/yjs delete and re-insert every
// node, so two laptops that edited different paragraphs offline would merge into a duplicated
// discussion. Instead the new JSON is walked against the editor's nodes: an identical block is
// kept, a block of the same type where one changed is kept and updated (text as a minimal
// delta), and only blocks that truly differ are inserted or removed. Runs inside editor.update.
import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  $parseSerializedNode,
  type ElementNode,
  type LexicalNode,
  type SerializedEditorState,
  type SerializedLexicalNode,
} from 'lexical';
import { canonicalJson } from '../../../shared/domain/canonicalJson';

type Json = SerializedLexicalNode & { children?: Json[] };

/** A node as its serialized form, children included (what the stored JSON holds). */
export function $exportDeep(node: LexicalNode): Json {
  const json = node.exportJSON() as Json;
  if ($isElementNode(node)) json.children = node.getChildren().map($exportDeep);
  return json;
}

const keyOf = (json: unknown): string => canonicalJson(json);
const same = (a: Json, b: Json): boolean => keyOf(a) === keyOf(b);

/** Pairs of (old index, new index) of identical blocks, in order: the longest common subsequence. */
function commonBlocks(old: string[], next: string[]): Array<[number, number]> {
  const n = old.length;
  const m = next.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] = old[i] === next[j] ? (table[i + 1] as number[])[j + 1]! + 1 : Math.max((table[i + 1] as number[])[j]!, row[j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (old[i] === next[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[i + 1] as number[])[j]! >= (table[i] as number[])[j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Sets a node's own properties (not its children) from `json` when they differ. */
function $updateOwn(node: LexicalNode, json: Json): void {
  const { children: _children, ...own } = json;
  const { children: _current, ...currentOwn } = $exportDeep(node);
  if (same(own as Json, currentOwn as Json)) return;
  node.updateFromJSON(own as never);
}

/** Brings `parent`'s children to `target`, keeping every node it can. */
function $reconcileChildren(parent: ElementNode, target: Json[]): void {
  const current = parent.getChildren();
  const oldKeys = current.map((n) => keyOf($exportDeep(n)));
  const newKeys = target.map((j) => keyOf(j));
  const anchors = [...commonBlocks(oldKeys, newKeys), [current.length, target.length] as [number, number]];
  let oi = 0;
  let ni = 0;
  let previous: LexicalNode | null = null;
  for (const [ao, an] of anchors) {
    // The gap before this anchor: old[oi, ao) against new[ni, an).
    while (oi < ao || ni < an) {
      const oldNode = oi < ao ? current[oi] : undefined;
      const json = ni < an ? target[ni] : undefined;
      if (oldNode && json && oldNode.getType() === json.type) {
        $updateInPlace(oldNode, json);
        previous = oldNode;
        oi++;
        ni++;
      } else if (oldNode && (!json || ao - oi > an - ni)) {
        // More old blocks than new ones left in this gap: this one was removed.
        oldNode.remove();
        oi++;
      } else if (json) {
        const node = $parseSerializedNode(json);
        if (previous) previous.insertAfter(node);
        else {
          const first = parent.getFirstChild();
          if (first) first.insertBefore(node);
          else parent.append(node);
        }
        previous = node;
        ni++;
      } else if (oldNode) {
        oldNode.remove();
        oi++;
      }
    }
    if (ao < current.length) previous = current[ao] ?? previous;
    oi = ao + 1;
    ni = an + 1;
  }
}

function $updateInPlace(node: LexicalNode, json: Json): void {
  $updateOwn(node, json);
  if ($isElementNode(node)) $reconcileChildren(node, json.children ?? []);
  else if ($isTextNode(node) && node.getTextContent() !== (json as unknown as { text: string }).text) {
    node.setTextContent((json as unknown as { text: string }).text);
  }
}

/** Makes the editor's document equal to `json` (null: empty), changing only what differs. */
export function $reconcileDiscussion(json: SerializedEditorState | null): void {
  const root = $getRoot();
  const target = (json?.root.children ?? []) as Json[];
  $reconcileChildren(root, target);
  if (json) $updateOwn(root, json.root as Json);
}
