// A write on a shared board brings its board document in step with what it changed (issue 19):
// a status set on one action appends that action's event alone, a write that sets no status
// appends none, and a write that rolls back leaves nothing recorded for the next one.
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../helpers/temp';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, laptop, share } from '../helpers/syncLaptops';
import { statusLog } from '../../electron/core/sync/actionStatusLog';
import { write } from '../../electron/core/store/write';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('a write on a shared board', () => {
  it('records a status event for the action it changed, and none for a write that changed no status', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    await share(a, board.id, server.url);
    const log = () => statusLog(engineOf(a).boards.get(board.id)!.replica.board).toArray();
    const db = a.store!.db;
    const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
    const carried = db.prepare('SELECT action_id FROM carried_actions WHERE meeting_id = ? ORDER BY position').pluck().all(draft) as string[];
    const [action, other] = carried as [string, string];
    const before = log().length;

    ok(a, 'recordActionUpdate', { meetingId: draft, actionId: action, status: 'done', text: 'Reported at the meeting.' });
    const added = log().slice(before);
    expect(added.map((e) => [e.action, e.status])).toEqual([[action, 'done']]);

    ok(a, 'addAgendaItem', { meetingId: draft, title: 'No status changed' });
    expect(log().length).toBe(before + 1);

    // A status set in a write that rolls back is not taken for the next write's.
    const statusOf = (id: string) => db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(id) as string;
    const otherBefore = statusOf(other);
    expect(() =>
      write(a.store!, (w) => {
        w.db.prepare("UPDATE actions SET status = CASE status WHEN 'done' THEN 'in_progress' ELSE 'done' END, updated_at = 'x' WHERE id = ?").run(other);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    ok(a, 'addAgendaItem', { meetingId: draft, title: 'Still no status changed' });
    expect(log().length).toBe(before + 1);
    expect(statusOf(other)).toBe(otherBefore);
  });
});
