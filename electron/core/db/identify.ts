// Is this file ours? A data file is Matters Arising's only when it carries our application id
// (PRAGMA application_id) and our tables, or, for a file made before the id existed, when its
// schema is exactly what our migrations build. Nothing is written to a file to find out: the
// header is read from the bytes, and an unmarked file is examined through a private copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from './driver';
import type { Migration } from './migrations';

/** "MaAr": the mark every Matters Arising data file carries in its header (offset 68). */
export const APPLICATION_ID = 0x4d614172;

export interface SchemaFacts {
  applicationId: number;
  userVersion: number;
  /** Every object of the schema as "type name on table: sql", sorted; SQLite's own objects left out. */
  objects: string[];
}

const SCHEMA_SQL =
  "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";

export function schemaFacts(db: Database): SchemaFacts {
  const rows = db.prepare(SCHEMA_SQL).all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
    objects: rows.map((r) => `${r.type} ${r.name} on ${r.tbl_name}: ${r.sql ?? ''}`).sort(),
  };
}

const expectedCache = new WeakMap<readonly Migration[], Map<number, string[]>>();

/** The schema our migrations build up to a version, from an in-memory database. */
export function expectedObjects(migrations: readonly Migration[], version: number): string[] {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  let objects = byVersion.get(version);
  if (!objects) {
    const db = new Database(':memory:');
    try {
      for (const m of migrations.filter((m) => m.version <= version)) db.exec(m.sql);
      objects = schemaFacts(db).objects;
    } finally {
      db.close();
    }
    byVersion.set(version, objects);
  }
  return objects;
}

/** The tables our migrations build up to a version (what a marked file must have). */
export function expectedTables(migrations: readonly Migration[], version: number): string[] {
  return expectedObjects(migrations, version)
    .filter((o) => o.startsWith('table '))
    .map((o) => o.split(' ')[1] ?? '');
}

export function hasTables(facts: SchemaFacts, tables: readonly string[]): boolean {
  const present = new Set(facts.objects.filter((o) => o.startsWith('table ')).map((o) => o.split(' ')[1]));
  return tables.length > 0 && tables.every((t) => present.has(t));
}

export function sameObjects(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((o, i) => o === b[i]);
}

/**
 * Reads a file's schema from a private copy (with its WAL, if any): opening the file itself,
 * even read-only, would leave -wal and -shm files beside it, and closing it could checkpoint
 * another program's WAL into it.
 */
export function schemaFactsOfCopy(file: string): SchemaFacts {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matters-arising-identify-'));
  try {
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(file, copy);
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    }
    const db = new Database(copy, { fileMustExist: true });
    try {
      return schemaFacts(db);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
