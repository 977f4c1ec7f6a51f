// Files as the previous version (sync format ma1) left them, made from files this version wrote:
// a laptop's data file back at schema 15 (no kept vectors, no connect_every_meeting, discussions
// as JSON text, its stored updates named ma1/...), and a sync server's file back at data version
// 1 (its documents named ma1/...). The previous version's schema is exactly that, so opening them is an upgrade.
import path from 'node:path';
import { SYNC_FILE } from '../../electron/syncServer/store';
import type { Database } from '../../electron/core/db/driver';
import { DISCUSSION_COLUMN, unpackDiscussion } from '../../electron/core/store/discussionPacked';
import { openTestFile } from './testKey';
import { MIGRATIONS } from '../../electron/core/db/migrations';

/** Migration 0020 undone: the discussions' JSON back in its TEXT column (agreed minutes' guard lifted meanwhile, as the migration does). */
function unpackDiscussions(db: Database): void {
  const guard = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'agenda_items_agreed_no_update'").pluck().get() as string;
  db.exec('DROP TRIGGER agenda_items_agreed_no_update');
  db.exec('ALTER TABLE agenda_items ADD COLUMN discussion_json TEXT CHECK (discussion_json IS NULL OR json_valid(discussion_json))');
  const put = db.prepare('UPDATE agenda_items SET discussion_json = ? WHERE id = ?');
  for (const r of db.prepare(`SELECT id, ${DISCUSSION_COLUMN} AS packed FROM agenda_items WHERE ${DISCUSSION_COLUMN} IS NOT NULL`).all() as Array<{ id: string; packed: Buffer }>) {
    put.run(unpackDiscussion(r.packed), r.id);
  }
  db.exec(`ALTER TABLE agenda_items DROP COLUMN ${DISCUSSION_COLUMN}`);
  db.exec(guard);
}

/** A closed laptop file made to look as a laptop of sync format ma1 wrote it. */
export function asMa1Laptop(file: string): void {
  const db = openTestFile(file, { fileMustExist: true });
  try {
    db.transaction(() => {
      // What the migrations after sync_connect added, taken out first (each must be undone here,
      // unless it can run again as it is: 0018, 0019 and 0021 rebuild sync_conflicts from its own rows;
      // and the search index, which search_index_file took out of the data file, put back as it was).
      db.exec('DROP TABLE action_log_positions; DROP INDEX action_summaries_status_by_due; DROP INDEX action_summaries_board_status_by_due');
      db.exec(MIGRATIONS.find((m) => m.name === 'search_index')?.sql ?? '');
      db.exec('DROP TABLE sync_doc_vectors');
      db.exec('ALTER TABLE sync_boards DROP COLUMN connect_every_meeting');
      unpackDiscussions(db);
      db.prepare("UPDATE sync_updates SET doc_name = 'ma1/' || substr(doc_name, 5) WHERE substr(doc_name, 1, 4) = 'ma2/'").run();
      db.pragma('user_version = 15');
    })();
  } finally {
    db.close();
  }
}

/** A stopped sync server's folder made to look as a server of sync format ma1 left it; returns its documents' names and stored states. */
export function asMa1Server(folder: string): Map<string, Buffer[]> {
  const db = openTestFile(path.join(folder, SYNC_FILE), { fileMustExist: true });
  try {
    db.transaction(() => {
      // Stored updates are never changed in place (a trigger): written again under the old name.
      db.prepare("INSERT INTO updates (document, data) SELECT 'ma1/' || substr(document, 5), data FROM updates WHERE substr(document, 1, 4) = 'ma2/' ORDER BY seq").run();
      db.prepare("DELETE FROM updates WHERE substr(document, 1, 4) = 'ma2/'").run();
      db.pragma('user_version = 1');
    })();
    return storedByName(db);
  } finally {
    db.close();
  }
}

/** A stopped sync server's stored updates, by document name, oldest first. */
export function serverDocuments(folder: string): Map<string, Buffer[]> {
  const db = openTestFile(path.join(folder, SYNC_FILE), { fileMustExist: true });
  try {
    return storedByName(db);
  } finally {
    db.close();
  }
}

function storedByName(db: ReturnType<typeof openTestFile>): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  for (const r of db.prepare('SELECT document, data FROM updates ORDER BY seq').all() as Array<{ document: string; data: Buffer }>) {
    out.set(r.document, [...(out.get(r.document) ?? []), r.data]);
  }
  return out;
}
