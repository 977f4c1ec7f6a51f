// The names of the documents this server keeps, and the sync format version they carry: a board
// doc `ma1/<boardId>/board` and a meeting doc `ma1/<boardId>/meeting/<meetingId>`. The prefix is
// the format; a name with another prefix, or of another shape, is refused with a message naming
// the version this server speaks.

import { SYNC_FORMAT } from '../../shared/domain/syncFormat';

export { SYNC_FORMAT };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BOARD_DOC = new RegExp(`^${SYNC_FORMAT}/(${UUID})/board$`);
const MEETING_DOC = new RegExp(`^${SYNC_FORMAT}/(${UUID})/meeting/(${UUID})$`);
const OTHER_FORMAT = /^ma(\d+)\//;

export type DocName = { kind: 'board'; boardId: string } | { kind: 'meeting'; boardId: string; meetingId: string };

/** Why a name is refused, for the administrator (the provider's onAuthenticationFailed shows it). */
export class DocNameError extends Error {}

/** The board and kind a document name stands for; throws DocNameError with the reason otherwise. */
export function parseDocName(name: string): DocName {
  const board = BOARD_DOC.exec(name);
  if (board?.[1]) return { kind: 'board', boardId: board[1] };
  const meeting = MEETING_DOC.exec(name);
  if (meeting?.[1] && meeting[2]) return { kind: 'meeting', boardId: meeting[1], meetingId: meeting[2] };
  const other = OTHER_FORMAT.exec(name);
  if (other?.[1] && `ma${other[1]}` !== SYNC_FORMAT) {
    // A newer laptop needs a newer server; an older laptop needs updating itself.
    const older = Number(other[1]) < Number(SYNC_FORMAT.slice(2));
    const update = older ? 'update Matters Arising on this laptop' : 'update the sync server';
    throw new DocNameError(`this server speaks sync format ${SYNC_FORMAT}, and this laptop speaks ma${other[1]}; ${update}`);
  }
  throw new DocNameError(
    `this server speaks sync format ${SYNC_FORMAT}, and "${name.slice(0, 120)}" is not one of its document names (${SYNC_FORMAT}/<board id>/board or ${SYNC_FORMAT}/<board id>/meeting/<meeting id>); update Matters Arising`,
  );
}
