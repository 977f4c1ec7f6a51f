// Scripts shared by the sync conflict tests: a sample board shared by two (or three) laptops
// through a test server, taking everyone offline by stopping the server, and the end-of-script
// check that every laptop holds the same tables and content hashes.
import { expect } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, okAsync } from './temp';
import { boardDump, contentHashes } from './syncDump';
import { startTestSyncServer, type TestSyncServer } from './syncServer';
import { engineOf, inStep, laptop, share, until } from './syncLaptops';

export interface SharedSample {
  server: TestSyncServer;
  laptops: Core[];
  boardId: string;
  draftId: string;
}

/** The sample board on laptop "a" (after `before`), shared, and joined by the others named; `draftId` is its earliest draft. */
export async function sharedSample(names: readonly string[] = ['a', 'b'], before?: (a: Core, boardId: string) => void): Promise<SharedSample> {
  const server = await startTestSyncServer();
  const a = await laptop(names[0] ?? 'a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  before?.(a, board.id);
  const invitation = await share(a, board.id, server.url);
  const laptops = [a];
  for (const name of names.slice(1)) {
    const other = await laptop(name);
    await okAsync(other, 'joinSharedBoard', { invitation });
    laptops.push(other);
  }
  await until(laptops, () => inStep(laptops, board.id));
  const draftId = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date").pluck().get(board.id) as string;
  return { server, laptops, boardId: board.id, draftId };
}

/** Stops the server and waits until every laptop knows it is offline. */
export async function allOffline(s: SharedSample): Promise<void> {
  await s.server.stop();
  await until(s.laptops, () => s.laptops.every((l) => engineOf(l).boards.get(s.boardId)?.connected === false));
}

/** Starts the server again and waits until every laptop is in step. */
export async function together(s: SharedSample, ready: () => boolean = () => true): Promise<void> {
  await s.server.restart();
  await until(s.laptops, () => inStep(s.laptops, s.boardId) && ready());
}

export function expectSame(laptops: readonly Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  const dump = boardDump(first!, boardId);
  const hashes = contentHashes(first!, boardId);
  for (const other of rest) {
    const theirs = boardDump(other, boardId);
    for (const table of Object.keys(dump)) expect(theirs[table], table).toEqual(dump[table]);
    expect(contentHashes(other, boardId)).toEqual(hashes);
  }
}

export function conflictsOf(core: Core, boardId: string): Array<{ kind: string; entityId: string; description: string }> {
  return ok<Array<{ kind: string; entityId: string; description: string }>>(core, 'syncConflicts', { boardId });
}

/** A roster member with no attendance recorded at the draft yet (the sample has several): the set-up fails clearly if there is none. */
export function unrecordedMember(core: Core, at: { boardId: string; draftId: string }): string {
  const id = core.store!.db
    .prepare('SELECT id FROM board_members WHERE board_id = ? AND left_on IS NULL AND id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL) ORDER BY id')
    .pluck()
    .get(at.boardId, at.draftId) as string | undefined;
  if (!id) throw new Error('Set-up: the sample board has no member without attendance at the draft.');
  return id;
}
