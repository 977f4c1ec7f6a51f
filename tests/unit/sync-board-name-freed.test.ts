// A shared board shown here under a local form of its name or short code (boardNames.ts) takes the
// shared one again in the same write that frees it here: renaming the board that had the name, or
// giving it another short code, changes the shared board's row too, and the call's changes name the
// shared board, so its page heading, the boards list and the things to check refresh at once (the
// change feed), not with the next change from another laptop. The shared document is not touched.
import { describe, expect, it } from 'vitest';
import type { BoardSettings, Changed } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { ok, okAsync } from '../helpers/temp';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import { startTestSyncServer } from '../helpers/syncServer';
import { conflictsOf, expectSame } from '../helpers/syncScripts';

const boardRow = (core: Core, boardId: string) => core.store!.db.prepare('SELECT name, short_code AS shortCode FROM boards WHERE id = ?').get(boardId) as { name: string; shortCode: string | null };
const taken = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'board_name_taken');
const storedUpdates = (core: Core, boardId: string) => core.store!.db.prepare('SELECT count(*) FROM sync_updates WHERE board_id = ?').pluck().get(boardId) as number;

/** Calls a method and returns what the call reports it changed. */
function changesOf(core: Core, method: string, payload: unknown): Changed[] {
  const response = core.call(method, payload);
  if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
  return response.changes ?? [];
}

const settingsInput = (s: BoardSettings, changes: Record<string, unknown>) => ({
  boardId: s.boardId,
  name: s.name,
  shortCode: s.shortCode,
  referenceFormat: s.referenceFormat,
  itemNumbering: s.itemNumbering,
  quorumKind: s.quorum.kind,
  quorumCount: s.quorum.kind === 'count' ? s.quorum.count : null,
  quorumFraction: s.quorum.kind === 'fraction' ? `${s.quorum.numerator}/${s.quorum.denominator}` : null,
  confidentialDisplay: s.confidentialDisplay,
  agendaTemplate: s.agendaTemplate,
  cadenceDays: s.cadenceDays,
  ...changes,
});

describe('a name or short code freed here', () => {
  it('is taken again by the shared board shown under a local form, in the same write, which names the shared board', async () => {
    const server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const shared = boardRow(a, board.id);
    const invitation = await share(a, board.id, server.url);
    const c = await laptop('c');
    const own = ok<{ board: { id: string } }>(c, 'loadSampleBoard', {});
    await okAsync(c, 'joinSharedBoard', { invitation });
    await until([a, c], () => inStep([a, c], board.id));
    expect(boardRow(c, board.id)).toEqual({ name: `${shared.name} (shared)`, shortCode: `${shared.shortCode!.slice(0, 11)}2` });
    expect(taken(c, board.id)).toHaveLength(2);
    const stored = storedUpdates(c, board.id);

    // The board here that had the name is renamed: the shared board shows the shared name at once.
    const renamed = changesOf(c, 'renameBoard', { boardId: own.board.id, name: 'Our own sample board' });
    expect(renamed).toContainEqual({ entity: 'board', id: board.id });
    expect(boardRow(c, board.id)).toEqual({ name: shared.name, shortCode: `${shared.shortCode!.slice(0, 11)}2` });
    expect(taken(c, board.id).map((t) => t.description.includes('short code'))).toEqual([true]);

    // The board here that had the short code is given another in its settings: the same for the short code.
    const settings = ok<BoardSettings>(c, 'getBoardSettings', { boardId: own.board.id });
    const recoded = changesOf(c, 'updateBoardSettings', settingsInput(settings, { shortCode: 'OWN' }));
    expect(recoded).toContainEqual({ entity: 'board', id: board.id });
    expect(boardRow(c, board.id)).toEqual(shared);
    expect(taken(c, board.id)).toEqual([]);
    // The change log says why the shared board's row changed, as this laptop's write.
    const logged = c.store!.db.prepare("SELECT action FROM change_log WHERE entity = 'board' AND entity_id = ? ORDER BY rowid DESC LIMIT 2").pluck().all(board.id);
    expect(logged).toEqual(['synced', 'synced']);

    // Nothing went into the shared document: every laptop already shows the shared name and short code.
    expect(storedUpdates(c, board.id)).toBe(stored);
    await until([a, c], () => inStep([a, c], board.id));
    expect(engineOf(c).boards.get(board.id)!.lastError).toBeNull();
    expectSame([a, c], board.id);
    await server.stop();
  }, 120_000);
});
