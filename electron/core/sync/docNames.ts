// The names of the synced documents and of their roots (sync format ma1): one place, used by
// the mirror, the projection, the provider and the status, so the parts can never disagree.

import { SYNC_FORMAT } from '../../../shared/domain/syncFormat';

export { SYNC_FORMAT };

export const boardDocName = (boardId: string): string => `${SYNC_FORMAT}/${boardId}/board`;
export const meetingDocName = (boardId: string, meetingId: string): string => `${SYNC_FORMAT}/${boardId}/meeting/${meetingId}`;
export const discussionRoot = (itemId: string): string => `discussion:${itemId}`;

export type DocAddress = { kind: 'board'; boardId: string } | { kind: 'meeting'; boardId: string; meetingId: string };

/** Reads a document name; a name of another format version says so in words. */
export function parseDocName(name: string): DocAddress {
  const [format, boardId, kind, meetingId, ...rest] = name.split('/');
  if (format !== SYNC_FORMAT) {
    throw new Error(`This document is in sync format ${format ?? '(none)'}; this copy of Matters Arising speaks ${SYNC_FORMAT}. Update Matters Arising.`);
  }
  if (boardId && kind === 'board' && meetingId === undefined) return { kind: 'board', boardId };
  if (boardId && kind === 'meeting' && meetingId && rest.length === 0) return { kind: 'meeting', boardId, meetingId };
  throw new Error(`"${name}" is not the name of a Matters Arising document.`);
}

/** The root that holds a discussion's item id, or null for any other root. */
export function discussionItemId(rootName: string): string | null {
  return rootName.startsWith('discussion:') ? rootName.slice('discussion:'.length) : null;
}
