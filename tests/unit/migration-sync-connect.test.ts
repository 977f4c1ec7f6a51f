// Migration sync_connect (sync format ma2), at its own schema: a file built at the schema before
// it with a shared board's stored updates named ma1/... (acknowledged, pending, and one that arrived
// ahead of its predecessor), migrated, then compared: the same updates under ma2 names (nothing
// merged, dropped or acknowledged), every board set to connect every meeting once, each document's
// kept vector equal to the one its stored updates make, and every other row as it was. A failure
// later in the same upgrade leaves the file as it was.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { openStore } from '../../electron/core/db/open';
import { V1 } from '../helpers/legacy-v1';
import { everyRow, fileBeforeMigration, migrateFrom, migrationNamed, openBefore } from '../helpers/migrationAt';

const { index: INDEX, version: V } = migrationNamed('sync_connect');
const T = '2026-11-26T10:00:00.000Z';
const BOARD_DOC = `ma1/${V1.board}/board`;
const MEETING_DOC = `ma1/${V1.board}/meeting/${V1.april}`;

/** Updates as laptops make them: the board's (acknowledged), a meeting's in three steps, and the second of another laptop's two (its first never stored). */
function updates(): { board: Uint8Array[]; meeting: Uint8Array[]; gapped: Uint8Array[] } {
  const capture = (doc: Y.Doc, out: Uint8Array[]) => doc.on('update', (u: Uint8Array) => out.push(u));
  const board: Uint8Array[] = [];
  const b = new Y.Doc();
  capture(b, board);
  b.getMap('boards').set('["x"]', new Y.Map());
  b.getMap('meeting_marks').set(V1.april, '{}');
  const meeting: Uint8Array[] = [];
  const m = new Y.Doc();
  capture(m, meeting);
  for (const title of ['One', 'Two', 'Three']) m.getMap('meeting').set('title', title);
  const other: Uint8Array[] = [];
  const o = new Y.Doc();
  capture(o, other);
  o.getMap('attendance').set('a', 1);
  o.getMap('attendance').set('b', 2);
  return { board, meeting, gapped: [other[1]!] };
}

function seedOldRows(db: Database): void {
  db.prepare("INSERT INTO sync_boards (board_id, server_url, token, created_at, updated_at) VALUES (?, 'wss://sync.example.org', ?, ?, ?)").run(V1.board, 'a'.repeat(43), T, T);
  const insert = db.prepare('INSERT INTO sync_updates (board_id, doc_name, update_blob, origin, acknowledged, at) VALUES (?, ?, ?, ?, ?, ?)');
  const { board, meeting, gapped } = updates();
  for (const u of board) insert.run(V1.board, BOARD_DOC, Buffer.from(u), 'remote', 1, T);
  insert.run(V1.board, MEETING_DOC, Buffer.from(meeting[0]!), 'local', 1, T);
  // Changes that waited to be sent when the laptop was updated.
  insert.run(V1.board, MEETING_DOC, Buffer.from(meeting[1]!), 'local', 0, T);
  insert.run(V1.board, MEETING_DOC, Buffer.from(meeting[2]!), 'local', 0, T);
  // Another laptop's second change, stored ahead of its first: the vector cannot count it yet.
  insert.run(V1.board, MEETING_DOC, Buffer.from(gapped[0]!), 'remote', 1, T);
}

const vectorOf = (db: Database, name: string): Map<number, number> => {
  const blobs = db.prepare('SELECT update_blob FROM sync_updates WHERE doc_name = ? ORDER BY seq').pluck().all(name) as Buffer[];
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(blobs.map((b) => new Uint8Array(b)))));
};

const fileBefore = () => fileBeforeMigration('sync_connect', seedOldRows);

describe('migration sync_connect: sync format ma2 and kept state vectors', () => {
  it('carries the stored updates over to ma2 names as they were, marks every board to connect every meeting once, and keeps each document’s vector', async () => {
    expect(INDEX).toBeGreaterThan(14);
    const at = await fileBefore();
    const before = await openBefore(at);
    const old = everyRow(before.db);
    before.close();

    const store = await migrateFrom(at);
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = everyRow(db);
      for (const [name, rows] of Object.entries(old)) if (name !== 'sync_updates' && name !== 'sync_boards') expect(now[name], name).toEqual(rows);
      // The same rows, in the same order, renamed: blobs, origins and acknowledgements untouched.
      const rename = (row: string) => JSON.stringify({ ...JSON.parse(row), doc_name: String(JSON.parse(row).doc_name).replace(/^ma1\//, 'ma2/') });
      expect(now.sync_updates).toEqual(old.sync_updates!.map(rename).sort());
      expect(db.prepare("SELECT count(*) FROM sync_updates WHERE origin = 'local' AND acknowledged = 0").pluck().get()).toBe(2);
      expect(now.sync_boards).toEqual(old.sync_boards!.map((r) => JSON.stringify({ ...JSON.parse(r), connect_every_meeting: 1 })).sort());

      const kept = db.prepare('SELECT doc_name, board_id, vector, gapped FROM sync_doc_vectors ORDER BY doc_name').all() as Array<{ doc_name: string; board_id: string; vector: Buffer; gapped: number }>;
      expect(kept.map((k) => [k.doc_name, k.board_id, k.gapped])).toEqual([
        [`ma2/${V1.board}/board`, V1.board, 0],
        [`ma2/${V1.board}/meeting/${V1.april}`, V1.board, 1],
      ]);
      for (const k of kept) expect(Y.decodeStateVector(new Uint8Array(k.vector)), k.doc_name).toEqual(vectorOf(db, k.doc_name));
      // The gapped document's vector counts the meeting's three changes, not the other laptop's stranded one.
      expect([...vectorOf(db, `ma2/${V1.board}/meeting/${V1.april}`).values()]).toEqual([3]);

      // The constraints: a kept vector names a real board, the flag is a flag.
      db.pragma('foreign_keys = ON');
      expect(() => db.prepare("INSERT INTO sync_doc_vectors (doc_name, board_id, vector) VALUES ('x', 'no-such-board', x'00')").run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare("UPDATE sync_boards SET connect_every_meeting = 2").run()).toThrow(/CHECK/);
    } finally {
      store.close();
    }
  });

  it('leaves the file as it was when the upgrade it is part of fails', async () => {
    const at = await fileBefore();
    const before = await openBefore(at);
    const old = everyRow(before.db);
    before.close();
    const failing = [...at.migration.through, { version: V + 1, name: 'fails', sql: '', migrate: () => { throw new Error('interrupted'); } }];
    await expect(openStore(at.file, { migrations: failing, backupDir: at.dir })).rejects.toThrow();
    const after = await openBefore(at);
    try {
      expect(after.db.pragma('user_version', { simple: true })).toBe(V - 1);
      expect(everyRow(after.db)).toEqual(old);
    } finally {
      after.close();
    }
  });
});
