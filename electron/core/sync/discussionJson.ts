// One comparison of a discussion's JSON for sync: the same content with keys in another order
// (Lexical's export order and the stored text's may differ) is the same discussion.
import type { SerializedEditorState } from 'lexical';
import { canonicalJson } from '../../../shared/domain/canonicalJson';

/** A discussion as one canonical string, or null for none; accepts the stored text or the parsed state. */
export function canonicalDiscussion(json: string | SerializedEditorState | null): string | null {
  if (json === null) return null;
  return canonicalJson(typeof json === 'string' ? JSON.parse(json) : json);
}
