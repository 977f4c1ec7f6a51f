// The names of the synced documents and of their roots, for the mirror, the projection, the
// provider and the status. The document names and their format are the server's too, so they are
// defined once in shared/domain/syncFormat.ts; the roots inside a document are core's alone.
import { boardDocName, meetingDocName, parseDocName, SYNC_FORMAT, type DocName } from '../../../shared/domain/syncFormat';

export { boardDocName, meetingDocName, parseDocName, SYNC_FORMAT };
export type DocAddress = DocName;

export const discussionRoot = (itemId: string): string => `discussion:${itemId}`;

/** The root that holds a discussion's item id, or null for any other root. */
export function discussionItemId(rootName: string): string | null {
  return rootName.startsWith('discussion:') ? rootName.slice('discussion:'.length) : null;
}
