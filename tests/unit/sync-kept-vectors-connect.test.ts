// Connecting decides which meetings to put on the wire from each meeting's kept state vector
// (keptVectors.ts), never by merging the stored updates of a meeting it leaves off (issue 19, a
// board with years of meetings: that merging was most of connecting on the bench's 250-meeting
// board). Real cores on their own files and a real sync server on loopback; the statements that
// read stored updates are watched (passed through to SQLite unchanged) to see which documents' are read.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { Database } from '../../electron/core/db/driver';
import { boardDocName, meetingDocName } from '../../shared/domain/syncFormat';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { boardDump } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
let restore: (() => void) | null = null;
afterEach(async () => {
  restore?.();
  restore = null;
  await server?.stop();
  server = null;
});

/** Records, per connection, the document names whose stored updates a statement read (from now until restored). */
function watchStoredReads(): Array<{ db: unknown; name: unknown }> {
  const reads: Array<{ db: unknown; name: unknown }> = [];
  const proto = Database.prototype as unknown as { prepare: (sql: string) => Record<string, (...args: unknown[]) => unknown> };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const statement = prepare.call(this, sql);
    if (/update_blob/.test(sql) && /doc_name = \?/.test(sql)) {
      for (const method of ['all', 'get', 'iterate'] as const) {
        const original = statement[method]!;
        statement[method] = (...args: unknown[]) => {
          reads.push({ db: this, name: args[0] });
          return original.apply(statement, args);
        };
      }
    }
    return statement;
  };
  restore = () => {
    proto.prepare = prepare;
  };
  return reads;
}

describe('connecting a shared board of many meetings', () => {
  it('reads the stored updates of the board’s document and of the meetings it connects only', { timeout: 120_000 }, async () => {
    server = await startTestSyncServer();
    const dir = tempDir();
    const a = await tempCore(path.join(dir, 'a.sqlite'));
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    let latest = a.store!.db.prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').get(board.id) as { id: string; meeting_date: string };
    for (let n = 0; n < 4; n++) {
      const date = new Date(Date.parse(latest.meeting_date) + 35 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      latest = { id: ok<{ id: string }>(a, 'startNextMeeting', { fromMeetingId: latest.id, date, startTime: '10:00', endTime: '12:00' }).id, meeting_date: date };
    }
    const invitation = await share(a, board.id, server.url);
    const bFile = path.join(dir, 'b.sqlite');
    const b = await tempCore(bFile);
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], board.id));
    b.close();
    const meetings = a.store!.db.prepare('SELECT id FROM meetings WHERE board_id = ?').pluck().all(board.id) as string[];
    expect(meetings.length).toBe(6);
    const changed = latest.id;
    const item = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: changed, title: 'Added while b was shut' }).item.id;
    await until([a], () => inStep([a], board.id));

    const reads = watchStoredReads();
    const again: Core = await tempCore(bFile);
    // Waited on without the helpers that compare every document (they read every meeting's).
    const settled = (): boolean => {
      const shared = engineOf(again).boards.get(board.id);
      return Boolean(shared?.connected && shared.queue.length === 0 && shared.wire?.settled());
    };
    await until([a, again], () => again.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item) === 'Added while b was shut' && settled());
    const read = new Set(reads.filter((r) => r.db === again.store!.db).map((r) => r.name));
    restore?.();
    await until([a, again], () => inStep([a, again], board.id));
    // The board's document and the changed meeting (connected from what the file holds); none of the five others.
    for (const id of meetings.filter((m) => m !== changed)) expect(read.has(meetingDocName(board.id, id)), id).toBe(false);
    expect(read.has(boardDocName(board.id))).toBe(true);
    expect(engineOf(again).boards.get(board.id)!.wire!.has(meetingDocName(board.id, changed))).toBe(true);
    expect(boardDump(again, board.id)).toEqual(boardDump(a, board.id));
  });
});
