// Migrations written as code (a module exporting migrate(db)) beside the SQL files, and each such
// migration tested Signal-style: build the schema at N-1, insert old rows, migrate, compare.
import path from 'node:path';
import { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { applyMigrations, LATEST_VERSION, MIGRATIONS, registryFromFiles, schemaVersion } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp';

function databaseAt(version: number): Database {
  const db = new Database(path.join(tempDir(), 'data.sqlite'));
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  expect(schemaVersion(db)).toBe(version);
  return db;
}

describe('migration steps in code', () => {
  it('takes a module beside or instead of an SQL file, numbered with them, and checks its name and export', () => {
    const step = () => undefined;
    const registry = registryFromFiles({ './0001_a.sql': 'x', './0003_c.sql': 'z' }, { './0002_b.ts': step, './0003_c.ts': step });
    expect(registry.map((m) => [m.version, m.name, m.sql, typeof m.migrate])).toEqual([
      [1, 'a', 'x', 'undefined'],
      [2, 'b', '', 'function'],
      [3, 'c', 'z', 'function'],
    ]);
    expect(() => registryFromFiles({ './0001_a.sql': 'x' }, { './0001_other.ts': step })).toThrow(/different names/);
    expect(() => registryFromFiles({ './0001_a.sql': 'x' }, { './0002_b.ts': undefined })).toThrow(/must export a function migrate/);
    expect(() => registryFromFiles({ './0001_a.sql': 'x' }, { './0003_c.ts': step })).toThrow(/without gaps/);
    expect(() => registryFromFiles({ './0002_b.sql': 'x' })).toThrow(/without gaps/);
    expect(() => registryFromFiles({ './0001_a.sql': 'x', 'other/0001_b.sql': 'y' })).toThrow(/Two migrations are numbered 1/);
    expect(() => registryFromFiles({}, { './step.ts': step })).toThrow(/0001_name\.ts/);
  });

  it('runs a step after its SQL in the one transaction: a step that fails leaves the file as it was', () => {
    const db = databaseAt(LATEST_VERSION);
    const next = LATEST_VERSION + 1;
    const failing = {
      version: next,
      name: 'failing',
      sql: 'ALTER TABLE boards ADD COLUMN colour TEXT;',
      migrate: (d: Database) => {
        d.prepare("INSERT INTO settings (key, value) VALUES ('half', 'done')").run();
        throw new Error('step failed');
      },
    };
    expect(() => applyMigrations(db, [...MIGRATIONS, failing])).toThrow('step failed');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('boards') WHERE name = 'colour'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration derived_discussion_text: the plain text beside a discussion is derived from its JSON', () => {
  // Found by name, so the test holds when migrations from elsewhere are numbered before it.
  const V = MIGRATIONS.find((m) => m.name === 'derived_discussion_text')?.version ?? 0;
  const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);
  const doc = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children } });
  const para = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const bullets = (...items: string[]) => ({ type: 'list', listType: 'bullet', children: items.map((t) => ({ type: 'listitem', children: [{ type: 'text', text: t }] })) });

  it('re-derives the text of draft and circulated minutes, and leaves agreed minutes, rows without JSON and matching rows alone', () => {
    const db = databaseAt(V - 1);
    db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'Executive Board', 't0', 't0')").run();
    const meeting = db.prepare("INSERT INTO meetings (id, board_id, board_name, meeting_date, created_at, updated_at) VALUES (?, 'b', 'Executive Board', ?, 't0', 't0')");
    meeting.run('agreed', '2014-01-08');
    meeting.run('circulated', '2014-02-19');
    meeting.run('draft', '2014-04-10');
    let n = 0;
    const item = (meetingId: string, json: string | null, text: string): string => {
      const id = `${meetingId}-${++n}`;
      db.prepare(
        "INSERT INTO agenda_items (id, meeting_id, position, number, title, discussion_json, discussion_text, created_at, updated_at) VALUES (?, ?, ?, ?, 'Item', ?, ?, 't0', 't0')",
      ).run(id, meetingId, n, String(n), json, text);
      return id;
    };
    const passage = doc(para('Staffing was discussed.'), bullets('The head of service will step down'));
    const rows = {
      draftBlank: item('draft', passage, ''),
      draftStale: item('draft', doc(para('Now says this')), 'Used to say that'),
      draftRight: item('draft', doc(para('Already right')), 'Already right'),
      draftNoJson: item('draft', null, 'Only the text was kept'),
      draftBadJson: item('draft', '{"root": {"type": "root"}}', 'Kept beside JSON with no children'),
      circulated: item('circulated', passage, 'Something else'),
      agreed: item('agreed', passage, 'As agreed'),
    };
    db.prepare("UPDATE meetings SET status = 'circulated', circulated_at = 't1' WHERE id IN ('circulated', 'agreed')").run();
    db.prepare("UPDATE meetings SET status = 'agreed', agreed_on = '2014-02-19', agreed_at_meeting_id = 'circulated', content_hash = 'h' WHERE id = 'agreed'").run();
    const everything = () => db.prepare('SELECT * FROM agenda_items ORDER BY id').all() as Array<Record<string, unknown>>;
    const before = everything();
    const changeLog = db.prepare('SELECT count(*) FROM change_log').pluck().get();

    expect(V).toBeGreaterThan(1);
    expect(applyMigrations(db, upTo(V))).toEqual([V]);

    expect(schemaVersion(db)).toBe(V);
    const after = new Map(everything().map((r) => [r.id, r]));
    const textOf = (id: string) => after.get(id)?.discussion_text;
    expect(textOf(rows.draftBlank)).toBe('Staffing was discussed.\n- The head of service will step down');
    expect(textOf(rows.draftStale)).toBe('Now says this');
    expect(textOf(rows.circulated)).toBe('Staffing was discussed.\n- The head of service will step down');
    // Left as they were: the record, the rows that were right, and the rows whose text is all there is.
    expect(textOf(rows.agreed)).toBe('As agreed');
    expect(textOf(rows.draftRight)).toBe('Already right');
    expect(textOf(rows.draftNoJson)).toBe('Only the text was kept');
    expect(textOf(rows.draftBadJson)).toBe('Kept beside JSON with no children');
    // Only discussion_text changed, and only where it disagreed: no timestamps, no log entries.
    for (const old of before) {
      const now = after.get(old.id as string);
      expect({ ...now, discussion_text: null }, old.id as string).toEqual({ ...old, discussion_text: null });
    }
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(changeLog);
    db.close();
  });

  it('reads a large table in batches and re-derives every row', () => {
    const db = databaseAt(V - 1);
    db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'Executive Board', 't0', 't0')").run();
    db.prepare("INSERT INTO meetings (id, board_id, board_name, meeting_date, created_at, updated_at) VALUES ('m', 'b', 'Executive Board', '2014-04-10', 't0', 't0')").run();
    const insert = db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, position, number, title, discussion_json, discussion_text, created_at, updated_at) VALUES (?, 'm', ?, ?, '', ?, '', 't0', 't0')",
    );
    db.transaction(() => {
      for (let i = 0; i < 1234; i++) insert.run(`i${i}`, i, String(i + 1), doc(para(`Discussion ${i}`)));
    })();
    applyMigrations(db, upTo(V));
    const stale = db.prepare("SELECT count(*) FROM agenda_items WHERE discussion_text <> 'Discussion ' || position").pluck().get();
    expect(stale).toBe(0);
    db.close();
  });
});
