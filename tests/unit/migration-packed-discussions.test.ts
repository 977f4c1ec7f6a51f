// Migration packed_discussions, at its own schema: a file built at the schema before it (version
// 1's rows, with April's minutes agreed and hashed, then discussions seeded by SQL as that schema
// stored them), migrated, then compared. Every discussion is stored packed and reads back as the
// exact JSON text it was (key order, spacing, every character), so the minutes, their search and
// April's content hash are what they were; nothing else in the file changes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MinutesItem, SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { startCore } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/driver';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { readMeetingRecord } from '../../electron/core/store/meetingRecord';
import { minutesHash } from '../../electron/core/lifecycle/contentHash';
import { rebuildSearchIndex } from '../../electron/core/store/searchIndex';
import { ok, tempDir } from '../helpers/temp';
import { V1, V1_APRIL_HASH, writeV1Data } from '../helpers/legacy-v1';

const INDEX = MIGRATIONS.findIndex((m) => m.name === 'packed_discussions');
const V = MIGRATIONS[INDEX]?.version ?? 0;
const V1_ONLY = MIGRATIONS.slice(0, 1);
const BEFORE = MIGRATIONS.slice(0, INDEX);
const AT = MIGRATIONS.slice(0, INDEX + 1);
const T = '2014-09-10T10:00:00.000Z';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] });

/** Discussions as a file before the migration holds them: spacing and key order as saved, every kind of character, one large. */
const SEEDED = {
  spaced: { id: 'c0000000-0000-4000-8000-000000000001', json: '{ "root" : {"children":[{"type":"paragraph","children":[{"type":"text","text":"Kestrel Court: the audit was noted."}]}], "type":"root"} }' },
  characters: {
    id: 'c0000000-0000-4000-8000-000000000002',
    json: JSON.stringify({ root: { type: 'root', children: [paragraph('Café £1,200 — “agreed” 👩🏽‍⚖️ 東京 e\u0301 \u2028 tab\tend'), paragraph('Ørsted & Søn <b>not markup</b>')] } }),
  },
  large: {
    id: 'c0000000-0000-4000-8000-000000000003',
    json: JSON.stringify({ root: { type: 'root', children: Array.from({ length: 2000 }, (_, i) => paragraph(`Paragraph ${i}: the safeguarding partnership reported on Nightjar.`)) } }),
  },
  none: { id: 'c0000000-0000-4000-8000-000000000004', json: null },
} as const;

type Rows = Record<string, Array<Record<string, unknown>>>;

function tables(db: Database): Rows {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name").pluck().all() as string[];
  const sorted = (rows: Array<Record<string, unknown>>) => rows.map((r) => [JSON.stringify(r), r] as const).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
  return Object.fromEntries(names.map((n) => [n, sorted(db.prepare(`SELECT * FROM "${n}"`).all() as Array<Record<string, unknown>>)]));
}

const triggers = (db: Database): string[] => db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];
const columns = (db: Database): string[] => db.prepare("SELECT name FROM pragma_table_info('agenda_items')").pluck().all() as string[];
const AGREEMENT = { atMeetingId: V1.july, agreedOn: '2014-07-01', amendments: null };

/** What a reader sees of the file: each meeting's minutes and every content version's hash, and a search. */
function seen(core: Core): { minutes: Record<string, MinutesItem[]>; hashes: Record<string, string[]>; search: SearchResult } {
  const db = core.store!.db;
  const ids = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
  return {
    minutes: Object.fromEntries(ids.map((id) => [id, ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: id }).items])),
    hashes: Object.fromEntries(ids.map((id) => [id, [1, 2, 3, 4].map((v) => minutesHash(readMeetingRecord(db, id), AGREEMENT, v))])),
    search: ok<SearchResult>(core, 'search', { query: 'Nightjar' }),
  };
}

async function fileAtSchemaBefore(dir: string): Promise<string> {
  const file = path.join(dir, 'before-packed.sqlite');
  const v1 = await startCore(file, { migrations: V1_ONLY, backupDir: dir }, { openedBriefly: true });
  writeV1Data(v1.store!.db);
  v1.close();
  const before = await startCore(file, { migrations: BEFORE, backupDir: dir }, { openedBriefly: true });
  try {
    const item = before.store!.db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, position, number, title, discussion_json, created_at, updated_at) VALUES (?, ?, ?, ?, 'Item', ?, ?, ?)",
    );
    Object.values(SEEDED).forEach((s, i) => item.run(s.id, V1.september, i + 5, String(i + 5), s.json, T, T));
    // Rows put in by SQL: the search index made again from them, as the app keeps it.
    rebuildSearchIndex(before.store!.db);
  } finally {
    before.close();
  }
  return file;
}

describe('migration packed_discussions: a discussion stored deflated, read back exactly', () => {
  it('packs every discussion (agreed minutes too) and reads the minutes, their hashes and search exactly as before', async () => {
    expect(INDEX).toBeGreaterThan(18);
    const dir = tempDir();
    const file = await fileAtSchemaBefore(dir);
    const before = await startCore(file, { migrations: BEFORE, backupDir: dir }, { openedBriefly: true });
    const old = tables(before.store!.db);
    const oldSeen = seen(before);
    const oldTriggers = triggers(before.store!.db);
    expect(columns(before.store!.db)).toContain('discussion_json');
    before.close();
    // The file before holds what it should: April agreed with its stored hash, the search finding the seeded words.
    expect(oldSeen.hashes[V1.april]?.[0]).toBe(V1_APRIL_HASH);
    expect(oldSeen.search.count).toBeGreaterThan(0);
    const backupsBefore = fs.readdirSync(dir).filter((f) => f.includes(`before-upgrade-from-v${V - 1}`)).length;

    const after = await startCore(file, { migrations: AT, backupDir: dir }, { openedBriefly: true });
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      expect(fs.readdirSync(dir).filter((f) => f.includes(`before-upgrade-from-v${V - 1}`)).length).toBe(backupsBefore + 1);

      // One column, packed: the JSON text column is gone, and what is stored is not the text.
      expect(columns(db)).not.toContain('discussion_json');
      const now = tables(db);
      const oldItems = new Map((old.agenda_items ?? []).map((r) => [r.id, r]));
      expect(now.agenda_items?.length).toBe(oldItems.size);
      for (const row of now.agenda_items ?? []) {
        const was = oldItems.get(row.id);
        const { discussion_deflated: packed, ...rest } = row;
        const { discussion_json: json, ...wasRest } = was ?? {};
        // Every other column as it was (updated_at too: not a change anyone made).
        expect(rest, String(row.id)).toEqual(wasRest);
        if (json === null) expect(packed).toBeNull();
        else {
          expect(packed).toBeInstanceOf(Buffer);
          expect((packed as Buffer).toString('utf8')).not.toBe(json);
        }
      }
      const large = (now.agenda_items ?? []).find((r) => r.id === SEEDED.large.id)?.discussion_deflated as Buffer;
      expect(large.length).toBeLessThan(SEEDED.large.json.length / 10);

      // Every other table as it was, no change-log entry, the agreed-minutes guards as they were.
      for (const [table, rows] of Object.entries(old)) if (table !== 'agenda_items') expect(now[table], table).toEqual(rows);
      expect(triggers(db)).toEqual(oldTriggers);

      // The minutes read exactly as before: the JSON text byte for byte, so every hash matches,
      // April's (agreed under schema 1) still the one stored then; search finds and shows the same.
      const nowSeen = seen(after);
      expect(nowSeen).toEqual(oldSeen);
      const september = nowSeen.minutes[V1.september] ?? [];
      for (const s of Object.values(SEEDED)) expect(september.find((i) => i.id === s.id)?.discussionJson, s.id).toBe(s.json);
      expect(db.prepare('SELECT content_hash FROM meetings WHERE id = ?').pluck().get(V1.april)).toBe(V1_APRIL_HASH);
      expect(nowSeen.hashes[V1.april]?.[0]).toBe(V1_APRIL_HASH);

      // Agreed minutes still refuse changes after the guard was lifted for the migration.
      expect(() => db.prepare('UPDATE agenda_items SET title = ? WHERE id = ?').run('Changed', V1.items.april2)).toThrow(/agreed as accurate/);
      // A discussion saved now is stored packed and read back as saved.
      const json = JSON.stringify({ root: { type: 'root', children: [paragraph('Saved after the upgrade: Wren Court.')] } });
      ok(after, 'saveDiscussion', { itemId: SEEDED.none.id, json });
      expect(ok<{ items: MinutesItem[] }>(after, 'getMinutes', { meetingId: V1.september }).items.find((i) => i.id === SEEDED.none.id)?.discussionJson).toBe(json);
      expect(ok<SearchResult>(after, 'search', { query: 'Wren' }).count).toBe(1);
    } finally {
      after.close();
    }
  });
});
