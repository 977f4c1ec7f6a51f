// Temp folders and real stores for tests: every test gets its own SQLite file, built by
// the real migrations. Never a mock of the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import { startCore, type Core } from '../../electron/core/app';
import type { OpenOptions } from '../../electron/core/db/open';

const made: string[] = [];
const cores: Core[] = [];

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-test-'));
  made.push(dir);
  return dir;
}

/**
 * A core on a temp file. Automatic backups are off: a test of something else should not race a
 * backup in the background (tests/unit/automatic-backups.test.ts turns them on).
 */
export async function tempCore(file = path.join(tempDir(), 'data.sqlite'), options: OpenOptions = {}): Promise<Core> {
  const core = await startCore(file, options, { openedBriefly: true });
  cores.push(core);
  return core;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Calls a method and returns its value, failing the test with the typed error otherwise. */
export function ok<T = unknown>(core: Core, method: string, payload: unknown): T {
  const response = core.call(method, payload);
  if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

export async function okAsync<T = unknown>(core: Core, method: string, payload: unknown): Promise<T> {
  const response = await core.callAsync(method, payload);
  if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

/** Row counts of every table: a cheap fingerprint of "nothing changed". */
export function rowCounts(core: Core): Record<string, number> {
  const db = core.store?.db;
  if (!db) throw new Error('store not open');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** A full dump of every table's rows, for comparing before and after a refused call. */
export function dump(core: Core): string {
  const db = core.store?.db;
  if (!db) throw new Error('store not open');
  // FTS5's shadow tables (search_fts_data, ...) are left out: their bytes record the history of
  // the index's segments, not what it holds; search_docs and search_fts itself are compared (in the
  // index's own file, attached as `search`). Its search_state is left out too: when the index was
  // built and which change-log entry it follows are bookkeeping, not what it holds; and so are its
  // entries' row numbers (a file whose index is built again, encrypted or restored, numbers them afresh).
  const tables = db
    .prepare(
      "SELECT schema, name FROM pragma_table_list WHERE schema IN ('main', 'search') AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' AND name <> 'search_state' ORDER BY schema, name",
    )
    .all() as Array<{ schema: string; name: string }>;
  const shown = (schema: string, row: unknown): string => {
    if (schema !== 'search') return JSON.stringify(row);
    const { id: _id, ...rest } = row as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.schema}"."${t.name}"`).all().map((row) => shown(t.schema, row)).sort()]));
}
