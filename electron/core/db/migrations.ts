// The migration registry: numbered SQL files, applied in order inside one transaction,
// tracked by PRAGMA user_version. Versions only go up; a newer file is refused elsewhere.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files = import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** Builds a registry from file name -> SQL text, checking numbering is 1, 2, 3... with no gaps. */
export function registryFromFiles(sources: Record<string, string>): Migration[] {
  const migrations = Object.entries(sources)
    .map(([path, sql]) => {
      const match = /(\d{4})_([\w-]+)\.sql$/.exec(path);
      if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${path}`);
      return { version: Number(match[1]), name: match[2] ?? path, sql };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3... without gaps; found ${m.version} at position ${i + 1}.`);
  });
  return migrations;
}

export const MIGRATIONS: readonly Migration[] = registryFromFiles(files);
export const LATEST_VERSION = MIGRATIONS.length;

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
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
