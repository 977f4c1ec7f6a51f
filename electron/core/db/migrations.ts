// The migration registry: numbered files applied in order inside one transaction, tracked by
// PRAGMA user_version. Versions only go up; a newer file is refused elsewhere. A migration is an
// SQL file (0002_name.sql) or, for a step SQL cannot express (data the app's own code derives),
// a module (0002_name.ts) exporting `migrate(db)`; with both, the SQL runs first.
import type { Database } from './driver';

export type MigrationStep = (db: Database) => void;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs after the SQL, inside the same transaction. */
  migrate?: MigrationStep;
}

const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const modules = import.meta.glob('./migrations/*.ts', { import: 'migrate', eager: true }) as Record<string, MigrationStep | undefined>;

const numbered = (path: string, ext: 'sql' | 'ts'): { version: number; name: string } => {
  const match = new RegExp(`(\\d{4})_([\\w-]+)\\.${ext}$`).exec(path);
  if (!match) throw new Error(`Migration file name must look like 0001_name.${ext}: ${path}`);
  return { version: Number(match[1]), name: match[2] ?? path };
};

/**
 * Builds a registry from file name -> SQL text and file name -> step, checking numbering is
 * 1, 2, 3... with no gaps, and that an SQL file and a module of the same number share a name.
 */
export function registryFromFiles(sources: Record<string, string>, steps: Record<string, MigrationStep | undefined> = {}): Migration[] {
  const byVersion = new Map<number, Migration>();
  for (const [path, sql] of Object.entries(sources)) {
    const { version, name } = numbered(path, 'sql');
    if (byVersion.has(version)) throw new Error(`Two migrations are numbered ${version}: ${byVersion.get(version)?.name} and ${name}.`);
    byVersion.set(version, { version, name, sql });
  }
  for (const [path, migrate] of Object.entries(steps)) {
    const { version, name } = numbered(path, 'ts');
    if (typeof migrate !== 'function') throw new Error(`Migration module ${path} must export a function migrate(db).`);
    const sql = byVersion.get(version);
    if (sql && sql.name !== name) throw new Error(`Migration ${version} has an SQL file and a module with different names: ${sql.name}, ${name}.`);
    byVersion.set(version, { version, name, sql: sql?.sql ?? '', migrate });
  }
  const migrations = [...byVersion.values()].sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3... without gaps; found ${m.version} at position ${i + 1}.`);
  });
  return migrations;
}

export const MIGRATIONS: readonly Migration[] = registryFromFiles(files, modules);
/** The version a file is at once every migration in the list has run: the last one's number. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export const LATEST_VERSION = latestVersion(MIGRATIONS);

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every pending migration in one transaction; the version is set inside it too. */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      if (m.sql) db.exec(m.sql);
      m.migrate?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
