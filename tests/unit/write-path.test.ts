// The one write path: every write is a transaction owned by store/write.ts, its change-log
// entries go through the write's handle, and what a call says it changed is exactly what
// those entries name. Real SQLite files throughout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Changed } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import type { Store } from '../../electron/core/db/open';
import { settleAction } from '../../electron/core/arising/actionProgress';
import { write, type ReadHandle, type WriteHandle } from '../../electron/core/store/write';
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

// ---------------------------------------------------------------- no write outside the wrapper

const CORE = path.resolve('electron');
const OWNERS = [path.join(CORE, 'core', 'store'), path.join(CORE, 'core', 'db')];

/** Lines of a source that open a transaction or write the change log themselves. */
function writesOutsideTheWrapper(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => /\.transaction\s*\(/.test(line) || /INSERT\s+(OR\s+\w+\s+)?INTO\s+["`]?change_log/i.test(line) || /\blogChange\s*\(/.test(line));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return OWNERS.includes(full) ? [] : sources(full);
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
