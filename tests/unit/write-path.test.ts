// The one write path: every write is a transaction owned by store/write.ts, its change-log
// entries go through the write's handle, and what a call says it changed is exactly what
// those entries name. Real SQLite files throughout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResponse, Changed } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import type { Store } from '../../electron/core/db/open';
import { settleAction } from '../../electron/core/arising/actionProgress';
import { write, type ReadHandle, type WriteHandle } from '../../electron/core/store/write';
import { seedFixtureMinutes } from '../helpers/fixture-minutes';
import { tempCore } from '../helpers/temp';

const storeOf = (core: Core): Store => {
  if (!core.store) throw new Error('store not open');
  return core.store;
};

const lastSeq = (store: Store): number => store.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;

/** The records the change log names after `seq`, each once, in the order first logged. */
function loggedSince(store: Store, seq: number): Changed[] {
  const rows = store.db.prepare('SELECT entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as Array<{ entity: Changed['entity']; entity_id: string }>;
  const seen = new Set<string>();
  const out: Changed[] = [];
  for (const r of rows) {
    const key = `${r.entity}/${r.entity_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ entity: r.entity, id: r.entity_id });
  }
  return out;
}

const boardRow = (w: WriteHandle, id: string, name: string): void => {
  const at = new Date().toISOString();
  w.db.prepare('INSERT INTO boards (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, name, at, at);
};
const boardCount = (r: ReadHandle): number => r.db.prepare('SELECT count(*) FROM boards').pluck().get() as number;

describe('the write wrapper', () => {
  it('runs one transaction, logs through its handle, and reports each changed record once', async () => {
    const store = storeOf(await tempCore());
    const before = lastSeq(store);
    const written = write(store, (w) => {
      boardRow(w, 'b1', 'First');
      w.log({ entity: 'board', entityId: 'b1', action: 'create' });
      w.log({ entity: 'board', entityId: 'b1', action: 'rename', detail: { to: 'First' } });
      w.log({ entity: 'settings', entityId: 'backup_folder', action: 'set' });
      return 'done';
    });
    expect(written.value).toBe('done');
    expect(written.changes).toEqual([
      { entity: 'board', id: 'b1' },
      { entity: 'settings', id: 'backup_folder' },
    ]);
    expect(written.changes).toEqual(loggedSince(store, before));
    expect(store.db.prepare('SELECT actor FROM change_log WHERE seq > ?').pluck().all(before)).toEqual([store.actor, store.actor, store.actor]);
  });

  it('keeps nothing of a write that throws: no row, no change-log entry, no change reported', async () => {
    const store = storeOf(await tempCore());
    const before = lastSeq(store);
    expect(() =>
      write(store, (w) => {
        boardRow(w, 'b1', 'Doomed');
        w.log({ entity: 'board', entityId: 'b1', action: 'create' });
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(boardCount(store)).toBe(0);
    expect(lastSeq(store)).toBe(before);
  });

  it('joins a nested write to the outer one; a nested write that fails and is caught takes its rows and entries with it', async () => {
    const store = storeOf(await tempCore());
    const before = lastSeq(store);
    const outer = write(store, (w) => {
      boardRow(w, 'kept', 'Kept');
      w.log({ entity: 'board', entityId: 'kept', action: 'create' });
      const inner = write(store, (w2) => {
        boardRow(w2, 'inner', 'Inner');
        w2.log({ entity: 'board', entityId: 'inner', action: 'create' });
      });
      expect(inner.changes).toEqual([{ entity: 'board', id: 'inner' }]);
      try {
        write(store, (w3) => {
          boardRow(w3, 'gone', 'Gone');
          w3.log({ entity: 'board', entityId: 'gone', action: 'create' });
          throw new Error('inner refused');
        });
      } catch {
        // The caller decides to go on without it.
      }
    });
    expect(outer.changes).toEqual([
      { entity: 'board', id: 'kept' },
      { entity: 'board', id: 'inner' },
    ]);
    expect(outer.changes).toEqual(loggedSince(store, before));
    expect(store.db.prepare('SELECT id FROM boards ORDER BY id').pluck().all()).toEqual(['inner', 'kept']);
  });

  it('refuses a handle used after its write, and a transaction function that awaits', async () => {
    const store = storeOf(await tempCore());
    let kept: WriteHandle | undefined;
    write(store, (w) => {
      kept = w;
    });
    expect(() => kept?.log({ entity: 'board', entityId: 'late', action: 'create' })).toThrow(/only be used inside its own write/);
    expect(() => write(store, async () => undefined)).toThrow();
    expect(lastSeq(store)).toBe(0);
  });

  it('gives writers the write handle only: a store or a read handle is not one (checked by the type checker)', async () => {
    const store = storeOf(await tempCore());
    const reader: ReadHandle = store;
    const typeChecks = (): void => {
      // @ts-expect-error a reader's handle cannot be given to a writer
      settleAction(reader, 'some-action');
      // @ts-expect-error nor can the open store itself, outside a write
      settleAction(store, 'some-action');
    };
    expect(typeof typeChecks).toBe('function');
    // Inside a write the same writer takes the write's handle, and readers take it too.
    write(store, (w) => {
      settleAction(w, 'no-such-action');
      expect(boardCount(w)).toBe(0);
    });
  });
});

describe('what a call changed', () => {
  /** Calls through dispatch and checks its `changes` are exactly what the change log gained. */
  function tracked(core: Core): (method: string, payload: unknown) => Promise<unknown> {
    const store = storeOf(core);
    return async (method, payload) => {
      const before = lastSeq(store);
      const response = (await core.callAsync(method, payload)) as ApiResponse<unknown>;
      expect(response.changes ?? [], `${method} says what the change log says`).toEqual(loggedSince(store, before));
      if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
      return response.value;
    };
  }

  it('answers every write with exactly the records its change-log entries name, and a read with none', async () => {
    const core = await tempCore();
    const call = tracked(core);
    const seeded = await seedFixtureMinutes(call);
    const board = { boardId: seeded.boardId };

    const next = (await call('startNextMeeting', { fromMeetingId: seeded.meetingId, date: '2014-05-29' })) as { id: string };
    const arising = (await call('getMattersArising', { meetingId: next.id })) as { entries: Array<{ actionId: string }> };
    expect(arising.entries.length).toBeGreaterThan(0);
    await call('recordActionUpdate', { meetingId: next.id, actionId: arising.entries[0]!.actionId, text: 'Under way', status: 'in_progress' });
    await call('markAllInProgress', { meetingId: next.id });
    await call('updateMeetingHeader', { meetingId: next.id, date: '2014-05-30', venue: 'Tooley Street' });
    await call('carryForward', { meetingId: next.id });
    await call('updateBoardSettings', { ...board, name: 'Renamed Board', referenceFormat: "yyyy-MM-dd'/'{n}", itemNumbering: 'letters', quorumKind: 'none', confidentialDisplay: 'placeholder', agendaTemplate: [] });
    await call('setMinutesStyle', { ...board, numbering: 'decimal' });
    const member = (await call('addRosterMember', { ...board, fullName: 'Pat Example', initials: 'PX' })) as { id: string };
    await call('updateRosterMember', { memberId: member.id, fullName: 'Pat Example', initials: 'PXE' });
    await call('markMemberLeft', { memberId: member.id, leftOn: '2014-06-01' });
    await call('deleteRosterMember', { memberId: member.id });
    const group = (await call('saveGroup', { ...board, name: 'Task group', kind: 'subgroup' })) as { id: string };
    await call('deleteGroup', { groupId: group.id });
    await call('circulateMinutes', { meetingId: seeded.meetingId });
    await call('agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: next.id, amendments: null });
    await call('recordCorrection', { meetingId: seeded.meetingId, date: '2014-06-01', what: 'A name', why: 'Misspelt', agreedAtMeetingId: null });
    await call('publishMinutes', { meetingId: seeded.meetingId });
    const spare = (await call('createMeeting', { ...board, date: '2014-09-01' })) as { id: string };
    await call('addGuest', { meetingId: spare.id, name: 'A Visitor', forItemIds: [] });
    await call('deleteMeeting', { meetingId: spare.id });
    await call('setBackupFolder', { folder: path.join(path.dirname(storeOf(core).file), 'elsewhere') });

    const read = core.call('listBoards', {});
    expect(read.ok).toBe(true);
    expect('changes' in read).toBe(false);
  }, 60_000);

  it('says nothing changed when a call is refused', async () => {
    const core = await tempCore();
    const call = tracked(core);
    await call('createBoard', { name: 'Executive Board' });
    const refused = core.call('createBoard', { name: 'Executive Board' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect('changes' in refused).toBe(false);
  });

  it('names a backup taken, and the data file when a backup is restored over it', async () => {
    const core = await tempCore();
    const backup = await core.callAsync('backUpNow', {});
    expect(backup.ok).toBe(true);
    const name = (backup as { value: { name: string } }).value.name;
    expect(backup.changes).toEqual([{ entity: 'backup', id: name }]);

    const restored = await core.callAsync('restoreBackup', { name });
    expect(restored.ok).toBe(true);
    const dataFile = storeOf(core).file;
    expect(restored.changes?.map((c) => c.entity)).toEqual(['backup', 'data_file']);
    expect(restored.changes?.[1]).toEqual({ entity: 'data_file', id: dataFile });
  });
});

// ---------------------------------------------------------------- no write outside the wrapper

const CORE = path.resolve('electron');
// The sync server's own file (documents and board tokens, never a laptop's data file) has its own one
// writer, and its own upgrade between data versions (as a laptop's file has its migrations in db/).
const OWNERS = [path.join(CORE, 'core', 'store'), path.join(CORE, 'core', 'db'), path.join(CORE, 'syncServer', 'store.ts'), path.join(CORE, 'syncServer', 'upgrade.ts')];

/** Lines of a source that open a transaction or write the change log themselves. */
function writesOutsideTheWrapper(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => /\.transaction\s*\(/.test(line) || /INSERT\s+(OR\s+\w+\s+)?INTO\s+["`]?change_log/i.test(line) || /\blogChange\s*\(/.test(line));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (OWNERS.includes(full)) return [];
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

describe('the write path has one owner', () => {
  it('finds a transaction or a change-log write when a file has one', () => {
    expect(writesOutsideTheWrapper("  store.db.transaction(() => {\n  })();")).toHaveLength(1);
    expect(writesOutsideTheWrapper("db.prepare('INSERT INTO change_log (at) VALUES (?)').run(at);")).toHaveLength(1);
    expect(writesOutsideTheWrapper("logChange(store.db, store.actor, change);")).toHaveLength(1);
    expect(writesOutsideTheWrapper("write(store, (w) => w.log(change));")).toHaveLength(0);
  });

  it('opens every transaction and writes every change-log entry in store/ (and migrations in db/), nowhere else in electron/', () => {
    const offenders = sources(CORE).flatMap((file) => writesOutsideTheWrapper(fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(CORE, file)}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });
});
