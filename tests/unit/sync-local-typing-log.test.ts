// What the change log records for a discussion typed in a shared meeting's live editor (the
// window's replica, replicaUpdate): this laptop's own edit by its user, as a discussion saved as
// JSON is recorded; only what arrives from the sync server is "synced", named after the laptop
// that made it (issue 19 (a)).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import path from 'node:path';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { startTestSyncServer } from '../helpers/syncServer';
import { inStep, laptop, share, until } from '../helpers/syncLaptops';
import { windowReplica } from '../helpers/syncWindow';

interface LogRow {
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  detail: string;
}

const logSince = (core: Core, seq: number): LogRow[] =>
  core.store!.db.prepare('SELECT actor, entity, entity_id, action, detail FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as LogRow[];
const lastSeq = (core: Core): number => core.store!.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;

async function sharedMeeting(): Promise<{ a: Core; b: Core; boardId: string; meetingId: string; itemId: string }> {
  const server = await startTestSyncServer();
  const a = await laptop('a');
  const board = ok<{ id: string }>(a, 'createBoard', { name: 'Shared Safeguarding Board' });
  const meeting = ok<{ id: string }>(a, 'createMeeting', { boardId: board.id, date: '2026-11-19' });
  const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: meeting.id, title: 'Safeguarding audit' });
  const invitation = await share(a, board.id, server.url);
  // B's user is someone else, so what arrives there can be told apart by its actor.
  const b = await tempCore(path.join(tempDir(), 'b.sqlite'), { actor: 'Brian Lee' });
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  return { a, b, boardId: board.id, meetingId: meeting.id, itemId: item.id };
}

describe('the change log of a discussion typed in a shared meeting', () => {
  it('records local typing as this laptop’s own edit by its user, and only the other laptop records it as synced', async () => {
    const { a, b, boardId, meetingId, itemId } = await sharedMeeting();
    const fromA = lastSeq(a);
    const fromB = lastSeq(b);

    const window = windowReplica(a, meetingId, itemId);
    window.type('The audit found gaps in the referral records.');
    window.send();

    const typed = logSince(a, fromA);
    expect(typed).toEqual([
      { actor: a.store!.actor, entity: 'agenda_item', entity_id: itemId, action: 'discussion', detail: JSON.stringify({ characters: 'The audit found gaps in the referral records.'.length }) },
    ]);

    // The same edit, arrived from the server on the other laptop: synced, by A's user.
    await until([a, b], () => inStep([a, b], boardId) && logSince(b, fromB).some((e) => e.entity === 'agenda_item'));
    const arrived = logSince(b, fromB).filter((e) => e.entity === 'agenda_item');
    expect(arrived.map((e) => [e.actor, e.entity_id, e.action])).toEqual([[a.store!.actor, itemId, 'synced']]);
    expect(logSince(a, fromA).filter((e) => e.action === 'synced')).toEqual([]);

    // Typing on B's window is B's own edit there, and synced on A.
    const fromA2 = lastSeq(a);
    const windowB = windowReplica(b, meetingId, itemId, 'window-b');
    windowB.type(' Referrals are now checked weekly.');
    windowB.send();
    expect(logSince(b, fromB).filter((e) => e.actor === 'Brian Lee').map((e) => [e.entity, e.action])).toEqual([['agenda_item', 'discussion']]);
    await until([a, b], () => inStep([a, b], boardId) && logSince(a, fromA2).some((e) => e.entity === 'agenda_item'));
    expect(logSince(a, fromA2).filter((e) => e.entity === 'agenda_item').map((e) => [e.actor, e.action])).toEqual([['Brian Lee', 'synced']]);
  });
});
