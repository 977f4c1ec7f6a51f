// Migration lean_file (0010), Signal-style, at its own schema: a file built at the schema before it
// (version 1's rows, then rows seeded by SQL as schema 7 wrote them), migrated, then compared. The
// discussions' plain text is no longer stored where the JSON gives it, and is kept where it does
// not; every record reads exactly as before (so every content hash still matches); change-log
// entries hold the length of typed text instead of a copy, and nothing else in the file changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { readMeetingRecord } from '../../electron/core/store/meetingRecord';
import { minutesHash } from '../../electron/core/lifecycle/contentHash';
import { tempDir } from '../helpers/temp';
import { V1, V1_APRIL_HASH, writeV1Data } from '../helpers/legacy-v1';

const V = MIGRATIONS.find((m) => m.name === 'lean_file')?.version ?? 0;
const BEFORE = MIGRATIONS.slice(0, V - 1);
const AT = MIGRATIONS.slice(0, V);

const T = '2014-09-10T10:00:00.000Z';
const editorJson = (...paragraphs: string[]): string =>
  JSON.stringify({ root: { type: 'root', children: paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] })) } });

/** Items schema 7 could hold, by SQL: text the JSON gives, text with no JSON, text beside JSON that is not the editor's, nothing. */
const SEEDED = {
  derivable: { id: 'b0000000-0000-4000-8000-000000000001', json: editorJson('Health: AF reported.', 'Agreed.'), text: 'Health: AF reported.\nAgreed.' },
  textOnly: { id: 'b0000000-0000-4000-8000-000000000002', json: null, text: 'Typed before the editor kept JSON.' },
  notEditorJson: { id: 'b0000000-0000-4000-8000-000000000003', json: '{"blocks":["Not the editor\'s"]}', text: 'All there is of this discussion.' },
  empty: { id: 'b0000000-0000-4000-8000-000000000004', json: null, text: '' },
} as const;

/** Change-log entries as schema 7 wrote them: copies of typed text, and entries the migration must leave alone. */
const OLD_LOG: ReadonlyArray<[entity: string, action: string, detail: unknown]> = [
  ['action', 'create', { reference: '2014-09-10/1', itemId: V1.items.sept1, details: 'Write to the police about Operation Nightjar', owners: 1 }],
  ['action', 'update', { reference: '2014-09-10/1', details: 'Write to the police' }],
  ['action', 'update', { reference: '2014-09-10/1', due: { kind: 'date', date: '2014-10-01' } }],
  ['action', 'progress', { reference: '2014-02-19/1', meetingId: V1.september, text: 'Draft circulated', status: 'in_progress', supersededBy: null }],
  ['action', 'progress_between', { reference: '2014-02-19/1', updateId: 'u1', date: '2014-08-01', status: 'in_progress', text: 'Chased', reportedBy: null }],
  ['decision', 'create', { itemId: V1.items.sept1, text: 'The strategy was agreed.' }],
  ['decision', 'update', { text: 'The strategy was agreed as amended.' }],
  ['decision', 'delete', { itemId: V1.items.sept1, text: 'Deleted wording stays: nothing else holds it.' }],
  ['action', 'create', { forgotten: 'deleted draft' }],
  ['agenda_item', 'discussion', { characters: 12 }],
];

type Rows = Record<string, Array<Record<string, unknown>>>;

function tables(db: Database): Rows {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").pluck().all() as string[];
  // The log in its order; other tables (some WITHOUT ROWID) in an order of their content.
  const rows = (t: string) => db.prepare(`SELECT * FROM "${t}"${t === 'change_log' ? ' ORDER BY seq' : ''}`).all() as Array<Record<string, unknown>>;
  const sorted = (t: string) => (t === 'change_log' ? rows(t) : rows(t).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
  return Object.fromEntries(names.map((t) => [t, sorted(t)]));
}

const triggers = (db: Database): string[] => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];

/** Every meeting's record as its content hash sees it, in every content version (as if agreed). */
function recordHashes(db: Database): Record<string, string[]> {
  const ids = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
  const agreement = { atMeetingId: V1.july, agreedOn: '2014-07-01', amendments: null };
  return Object.fromEntries(ids.map((id) => [id, [1, 2, 3].map((v) => minutesHash(readMeetingRecord(db, id), agreement, v))]));
}

async function fileAtSchemaBefore(dir: string): Promise<string> {
  const file = path.join(dir, 'before-lean.sqlite');
  const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1), backupDir: dir });
  writeV1Data(v1.db);
  v1.close();
  const store = await openStore(file, { migrations: BEFORE, backupDir: dir });
  try {
    const db = store.db;
    const item = db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, position, number, title, discussion_json, discussion_text, created_at, updated_at) VALUES (?, ?, ?, ?, 'Item', ?, ?, ?, ?)",
    );
    Object.values(SEEDED).forEach((s, i) => item.run(s.id, V1.september, i + 1, String(i + 2), s.json, s.text, T, T));
    const log = db.prepare("INSERT INTO change_log (at, actor, entity, entity_id, action, detail) VALUES (?, 'tina', ?, ?, ?, ?)");
    for (const [entity, action, detail] of OLD_LOG) log.run(T, entity, V1.actions.sept, action, JSON.stringify(detail));
  } finally {
    store.close();
  }
  return file;
}

describe('migration lean_file: each thing stored once', () => {
  it('stores no discussion text the JSON gives, keeps what it does not, and every record reads, and hashes, as before', async () => {
    expect(V).toBeGreaterThan(7);
    const dir = tempDir();
    const file = await fileAtSchemaBefore(dir);
    const before = await openStore(file, { migrations: BEFORE, backupDir: dir });
    const old = tables(before.db);
    const oldHashes = recordHashes(before.db);
    const oldTriggers = triggers(before.db);
    before.close();
    const backupsBefore = fs.readdirSync(dir).filter((f) => f.includes(`before-upgrade-from-v${V - 1}`)).length;

    const store = await openStore(file, { migrations: AT, backupDir: dir });
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      // A backup of the file as it was is taken first.
      expect(fs.readdirSync(dir).filter((f) => f.includes(`before-upgrade-from-v${V - 1}`)).length).toBe(backupsBefore + 1);
      const now = tables(db);

      // The text is stored only where the JSON does not give it.
      const stored = new Map((db.prepare('SELECT id, discussion_text FROM agenda_items').all() as Array<{ id: string; discussion_text: string | null }>).map((r) => [r.id, r.discussion_text]));
      expect(stored.get(SEEDED.derivable.id)).toBeNull();
      expect(stored.get(SEEDED.empty.id)).toBeNull();
      expect(stored.get(SEEDED.textOnly.id)).toBe(SEEDED.textOnly.text);
      expect(stored.get(SEEDED.notEditorJson.id)).toBe(SEEDED.notEditorJson.text);
      for (const id of Object.values(V1.items)) expect(stored.get(id), id).toBeNull();

      // Every other column of every item, and every other table but the change log, is as it was.
      const withoutText = (rows: Rows[string] | undefined) => (rows ?? []).map(({ discussion_text: _t, ...rest }) => rest);
      expect(withoutText(now.agenda_items)).toEqual(withoutText(old.agenda_items));
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'agenda_items' || table === 'change_log') continue;
        expect(now[table], table).toEqual(rows);
      }

      // Each record reads exactly as before (its text derived or kept), so every hash matches:
      // April's, agreed under schema 1, still verifies against the hash stored then.
      expect(recordHashes(db)).toEqual(oldHashes);
      const april = readMeetingRecord(db, V1.april);
      expect(minutesHash(april, { atMeetingId: V1.july, agreedOn: '2014-07-01', amendments: null }, 1)).toBe(V1_APRIL_HASH);
      const september = readMeetingRecord(db, V1.september);
      expect(september.items.find((i) => i.id === SEEDED.derivable.id)?.discussionText).toBe(SEEDED.derivable.text);
      expect(september.items.find((i) => i.id === SEEDED.notEditorJson.id)?.discussionText).toBe(SEEDED.notEditorJson.text);

      // The change log: copies of typed text become their length; every other entry, and every field, is as it was.
      const oldLog = old.change_log ?? [];
      const newLog = now.change_log ?? [];
      expect(newLog.slice(0, oldLog.length).map(({ detail: _d, ...rest }) => rest)).toEqual(oldLog.map(({ detail: _d, ...rest }) => rest));
      const details = newLog.slice(oldLog.length - OLD_LOG.length, oldLog.length).map((r) => JSON.parse(r.detail as string) as unknown);
      expect(details).toEqual([
        { reference: '2014-09-10/1', itemId: V1.items.sept1, details: { characters: 'Write to the police about Operation Nightjar'.length }, owners: 1 },
        { reference: '2014-09-10/1', details: { characters: 'Write to the police'.length } },
        OLD_LOG[2]![2],
        { reference: '2014-02-19/1', meetingId: V1.september, text: { characters: 'Draft circulated'.length }, status: 'in_progress', supersededBy: null },
        { reference: '2014-02-19/1', updateId: 'u1', date: '2014-08-01', status: 'in_progress', text: { characters: 'Chased'.length }, reportedBy: null },
        { itemId: V1.items.sept1, text: { characters: 'The strategy was agreed.'.length } },
        { text: { characters: 'The strategy was agreed as amended.'.length } },
        OLD_LOG[7]![2],
        OLD_LOG[8]![2],
        OLD_LOG[9]![2],
      ]);
      for (let i = 0; i < oldLog.length - OLD_LOG.length; i++) expect(newLog[i]?.detail).toBe(oldLog[i]?.detail);

      // The guards lifted to write are back exactly as they were.
      expect(triggers(db)).toEqual(oldTriggers);
      expect(() => db.prepare("UPDATE change_log SET detail = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE agenda_items SET discussion_text = 'x' WHERE id = ?").run(V1.items.april2)).toThrow(/agreed as accurate/);
    } finally {
      store.close();
    }
  });

  it('keeps the text of agreed minutes that differs from their JSON, so their hash still matches', async () => {
    const dir = tempDir();
    const file = await fileAtSchemaBefore(dir);
    const before = await openStore(file, { migrations: BEFORE, backupDir: dir });
    const agreedText = 'CSE strategy: as the minutes were agreed, before the text was derived.';
    // Minutes agreed before schema 3 could hold text their JSON does not give (the guard lifted to set it up).
    const guard = before.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'agenda_items_agreed_no_update'").pluck().get() as string;
    before.db.exec('DROP TRIGGER agenda_items_agreed_no_update');
    before.db.prepare('UPDATE agenda_items SET discussion_text = ? WHERE id = ?').run(agreedText, V1.items.april2);
    before.db.exec(guard);
    const agreement = { atMeetingId: V1.july, agreedOn: '2014-07-01', amendments: null };
    const hashBefore = minutesHash(readMeetingRecord(before.db, V1.april), agreement, 1);
    before.close();

    const store = await openStore(file, { migrations: AT, backupDir: dir });
    try {
      expect(store.db.prepare('SELECT discussion_text FROM agenda_items WHERE id = ?').pluck().get(V1.items.april2)).toBe(agreedText);
      const record = readMeetingRecord(store.db, V1.april);
      expect(record.items.find((i) => i.id === V1.items.april2)?.discussionText).toBe(agreedText);
      expect(minutesHash(record, agreement, 1)).toBe(hashBefore);
      expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'agenda_items_agreed_no_update'").pluck().get()).toBe(1);
    } finally {
      store.close();
    }
  });

  it('leaves the file as it was when the upgrade is interrupted', async () => {
    const dir = tempDir();
    const file = await fileAtSchemaBefore(dir);
    const before = await openStore(file, { migrations: BEFORE, backupDir: dir });
    const old = tables(before.db);
    before.close();
    // The upgrade fails after this migration has run, inside the same transaction.
    const failing: Migration[] = [...AT, { version: V + 1, name: 'interrupted', sql: '', migrate: () => { throw new Error('power cut'); } }];
    await expect(openStore(file, { migrations: failing, backupDir: dir })).rejects.toThrow();
    const again = await openStore(file, { migrations: BEFORE, backupDir: dir });
    try {
      expect(again.db.pragma('user_version', { simple: true })).toBe(V - 1);
      expect(tables(again.db)).toEqual(old);
    } finally {
      again.close();
    }
  });
});
