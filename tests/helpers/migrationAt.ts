// Migration tests' set-up: the migration under test found by its name (numbers are reassigned
// when branches merge), a data file at the schema just before it (version 1's rows, then every
// migration before it: never "latest", so later migrations do not break the test), and the same
// file migrated through it; plus a fingerprint of every row to compare before and after.
import path from 'node:path';
import { startCore, type Core } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/driver';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { openStore, type Store } from '../../electron/core/db/open';
import { writeV1Data } from './legacy-v1';
import { tempDir } from './temp';

export interface MigrationUnderTest {
  name: string;
  /** Its place in the registry. */
  index: number;
  /** The schema version a file is at once it has run. */
  version: number;
  /** Every migration before it: a file opened with these is at the schema just before it. */
  before: readonly Migration[];
  /** The same, and it. */
  through: readonly Migration[];
}

/** The migration of this name; a test fails at once when it is not in the registry. */
export function migrationNamed(name: string): MigrationUnderTest {
  const index = MIGRATIONS.findIndex((m) => m.name === name);
  if (index < 0) throw new Error(`No migration is named ${name}.`);
  return { name, index, version: MIGRATIONS[index]!.version, before: MIGRATIONS.slice(0, index), through: MIGRATIONS.slice(0, index + 1) };
}

export interface FileBefore {
  migration: MigrationUnderTest;
  file: string;
  /** The file's folder; the backups taken before migrating go here too. */
  dir: string;
}

/**
 * A new data file at the schema just before migration `name`: built at version 1 with its rows
 * (legacy-v1.ts), then migrated up to (not through) it. `seed` writes the old rows a test needs
 * on the file at that schema.
 */
export async function fileBeforeMigration(name: string, seed?: (db: Database) => void): Promise<FileBefore> {
  const migration = migrationNamed(name);
  const dir = tempDir();
  const file = path.join(dir, `before-${name}.sqlite`);
  const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1), backupDir: dir });
  writeV1Data(v1.db);
  v1.close();
  if (seed) {
    const before = await openStore(file, { migrations: migration.before, backupDir: dir });
    try {
      seed(before.db);
    } finally {
      before.close();
    }
  }
  return { migration, file, dir };
}

/** The file opened at the schema before the migration (it is not run): to read or seed it. */
export function openBefore(at: FileBefore): Promise<Store> {
  return openStore(at.file, { migrations: at.migration.before, backupDir: at.dir });
}

/** The file opened through the migration (it runs now, if it has not). */
export function migrateFrom(at: FileBefore): Promise<Store> {
  return openStore(at.file, { migrations: at.migration.through, backupDir: at.dir });
}

/** The same two, as a running core (for what the screens show). */
export function coreBefore(at: FileBefore): Promise<Core> {
  return startCore(at.file, { migrations: at.migration.before }, { openedBriefly: true });
}

export function coreThrough(at: FileBefore): Promise<Core> {
  return startCore(at.file, { migrations: at.migration.through }, { openedBriefly: true });
}

/**
 * Every table's rows, each as JSON, sorted: what a migration that only adds must leave as it was.
 * The search index is left out (it is rebuilt for a new schema on open: not the migration's doing).
 */
export function everyRow(db: Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").pluck().all() as string[]) {
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
