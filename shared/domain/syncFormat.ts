// What the laptops and the sync server must agree on, in one place for both: the sync format
// version every document name starts with, the names of the documents (a board doc
// `ma2/<boardId>/board`, a meeting doc `ma2/<boardId>/meeting/<meetingId>`; another prefix or
// shape is refused with a message naming the version spoken), and the reason a refused token gets.

/**
 * The sync format version: a server or a client that speaks another one is refused. ma2: every
 * laptop writes a meeting's change mark in the board's document when it changes the meeting, and
 * connects only the meetings whose marks name something it lacks (meetingMarks.ts). A laptop of
 * ma1 writes no marks, so what it changed could stay unseen: it is refused, never merged. Stored
 * ma1 documents are carried over to ma2 names by an upgraded server (syncServer/upgrade.ts) and
 * laptop (migration 0016), and an upgraded laptop then connects every meeting once.
 */
export const SYNC_FORMAT = 'ma2';

/** The reason every refused token gets: the same for a wrong one and a rotated-away one, so neither is told apart. */
export const WRONG_TOKEN = 'wrong or revoked token for this board';

export const boardDocName = (boardId: string): string => `${SYNC_FORMAT}/${boardId}/board`;
export const meetingDocName = (boardId: string, meetingId: string): string => `${SYNC_FORMAT}/${boardId}/meeting/${meetingId}`;

/** A discussion's top-level root in its meeting's document: core's headless editor and the window's editor bind to it. */
export const discussionRoot = (itemId: string): string => `discussion:${itemId}`;

/** The item id a root holds the discussion of, or null for any other root. */
export function discussionItemId(rootName: string): string | null {
  return rootName.startsWith('discussion:') ? rootName.slice('discussion:'.length) : null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const namePatterns = (format: string) => ({
  board: new RegExp(`^${format}/(${UUID})/board$`),
  meeting: new RegExp(`^${format}/(${UUID})/meeting/(${UUID})$`),
});
const CURRENT = namePatterns(SYNC_FORMAT);
const OTHER_FORMAT = /^ma(\d+)\//;

export type DocName = { kind: 'board'; boardId: string } | { kind: 'meeting'; boardId: string; meetingId: string };

/** Why a name is refused, for the administrator (the provider's onAuthenticationFailed shows it). */
export class DocNameError extends Error {}

/**
 * The board and kind a document name stands for; throws DocNameError with the reason otherwise.
 * `format` is the format the reader speaks: this build's, except in tests that stand in for a
 * server of another version.
 */
export function parseDocName(name: string, format: string = SYNC_FORMAT): DocName {
  const patterns = format === SYNC_FORMAT ? CURRENT : namePatterns(format);
  const board = patterns.board.exec(name);
  if (board?.[1]) return { kind: 'board', boardId: board[1] };
  const meeting = patterns.meeting.exec(name);
  if (meeting?.[1] && meeting[2]) return { kind: 'meeting', boardId: meeting[1], meetingId: meeting[2] };
  const other = OTHER_FORMAT.exec(name);
  if (other?.[1] && `ma${other[1]}` !== format) {
    // A newer laptop needs a newer server; an older laptop needs updating itself.
    const older = Number(other[1]) < Number(format.slice(2));
    const update = older ? 'update Matters Arising on this laptop' : 'update the sync server';
    throw new DocNameError(`this server speaks sync format ${format}, and this laptop speaks ma${other[1]}; ${update}`);
  }
  throw new DocNameError(
    `this server speaks sync format ${format}, and "${name.slice(0, 120)}" is not one of its document names (${format}/<board id>/board or ${format}/<board id>/meeting/<meeting id>); update Matters Arising`,
  );
}
