// What two laptops sharing a board must agree on: every synced table's rows of that board, the
// derived tables rebuilt from them, and each meeting's content hash, as comparable text.
import type { Core } from '../../electron/core/app';
import { minutesHash } from '../../electron/core/lifecycle/contentHash';
import { readMeetingRecord } from '../../electron/core/store/meetingRecord';
import { SYNCED_TABLES } from '../../electron/core/sync/registry';
import { canonicalDiscussion } from '../../shared/domain/discussionJson';
import { DISCUSSION_COLUMN, unpackDiscussion } from '../../electron/core/store/discussionPacked';

function storeOf(core: Core) {
  const store = core.store;
  if (!store) throw new Error('store not open');
  return store;
}

/** Every synced table's rows in the board's scopes (discussions compared by content, not key order). */
export function boardDump(core: Core, boardId: string): Record<string, string[]> {
  const { db } = storeOf(core);
  const meetings = db.prepare('SELECT id FROM meetings WHERE board_id = ? ORDER BY id').pluck().all(boardId) as string[];
  const out: Record<string, string[]> = {};
  for (const table of SYNCED_TABLES) {
    const scopes = table.doc === 'board' ? [boardId] : meetings;
    const rows: string[] = [];
    for (const scope of scopes) {
      for (const row of db.prepare(`SELECT t.* FROM ${table.scope}`).all(scope) as Array<Record<string, unknown>>) {
        // A discussion compared as its JSON (the stored form is packed: store/discussionPacked.ts), by content.
        if (DISCUSSION_COLUMN in row) {
          const json = unpackDiscussion(row[DISCUSSION_COLUMN]);
          delete row[DISCUSSION_COLUMN];
          row.discussion_json = json === null ? null : canonicalDiscussion(json);
        }
        rows.push(JSON.stringify(row));
      }
    }
    out[table.table] = rows.sort();
  }
  out.action_summaries = (db.prepare('SELECT * FROM action_summaries WHERE board_id = ?').all(boardId) as unknown[]).map((r) => JSON.stringify(r)).sort();
  out.search = (
    db.prepare('SELECT kind, source_id, title, body FROM search_docs WHERE meeting_id IN (SELECT id FROM meetings WHERE board_id = ?)').all(boardId) as unknown[]
  )
    .map((r) => JSON.stringify(r))
    .sort();
  return out;
}

/** A value with every discussion's JSON (wherever the record holds it) in canonical form. */
function canonicalised(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && (key === 'discussionJson' || key === 'discussion_json')) return canonicalDiscussion(value);
  if (Array.isArray(value)) return value.map((v) => canonicalised(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalised(v, k)]));
  return value;
}

/**
 * Each meeting's content hash as taken now (the hash agreement would store). A draft's discussion
 * JSON is taken canonically: one imported before sync may have its keys in another order than
 * Lexical writes them, which is the same content (agreed minutes carry their exact texts across,
 * see AGREED_DISCUSSIONS_ROOT, so their hashes are compared as stored and verified).
 */
export function contentHashes(core: Core, boardId: string): Record<string, string> {
  const { db } = storeOf(core);
  const meetings = db.prepare('SELECT id, agreed_at_meeting_id, agreed_on, agreement_amendments FROM meetings WHERE board_id = ? ORDER BY id').all(boardId) as Array<{
    id: string;
    agreed_at_meeting_id: string | null;
    agreed_on: string | null;
    agreement_amendments: string | null;
  }>;
  return Object.fromEntries(
    meetings.map((m) => {
      const record = canonicalised(readMeetingRecord(db, m.id)) as ReturnType<typeof readMeetingRecord>;
      return [m.id, minutesHash(record, { atMeetingId: m.agreed_at_meeting_id ?? '', agreedOn: m.agreed_on ?? '', amendments: m.agreement_amendments })];
    }),
  );
}
