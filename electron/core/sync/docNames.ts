// The names of the synced documents and of their roots, for the mirror, the projection, the
// provider and the status. The document names and their format are the server's too, so they are
// defined once in shared/domain/syncFormat.ts, with the discussions' roots (the window binds to them too).
import { boardDocName, discussionItemId, discussionRoot, meetingDocName, parseDocName, SYNC_FORMAT, type DocName } from '../../../shared/domain/syncFormat';

export { boardDocName, discussionItemId, discussionRoot, meetingDocName, parseDocName, SYNC_FORMAT };
export type DocAddress = DocName;

/**
 * The meeting document's record of attendance rows given way (id -> the row kept), written by every
 * laptop that merges them (the same entry everywhere): a note another laptop adds to a row given way
 * after it was taken out of the document (a declaration made meanwhile) still finds the kept row.
 */
export const GIVEN_WAY_ROOT = 'attendance_given_way';
