// Rows two laptops made apart for what the tables hold once: a member's attendance at a meeting
// (rows are keyed by id in the document, so each laptop made its own), or an action's progress
// recorded at a meeting. The projection keeps one of them, the same on every laptop whatever order
// they arrive in (the row with the lower id: ids never change, so no later edit of either row can
// make two laptops choose differently); the other row's notes (items attended, declarations,
// owners) move to the kept one, and the mirror then takes the other row out of the document
// everywhere. The document records each row given way (GIVEN_WAY_ROOT), so a note a laptop adds to
// it before hearing of the merge still reaches the kept row instead of naming a row gone. Nothing is lost silently: attendance recorded differently (present on one laptop,
// apologies on the other) goes into the board's conflict log naming who recorded each, so the
// administrator can check it; two statuses for one action are listed already (conflictStatus.ts),
// and the other progress note's words, if any, are added to the kept one's.
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { conflictLog, type AttendanceTwiceDetail, type LoggedConflict } from './conflicts';
import { LAPTOPS_ROOT, LOCAL_ORIGIN } from './mirror';
import { rowKey, type Row, type SyncedTable } from './registry';
import type { BoardReplica } from './replica';
import { clearMarksGoing, oneHolderEach, type MarkTwiceDetail } from './meetingChairs';
import { GIVEN_WAY_ROOT } from './docNames';

/** The column, besides the meeting, that a table holds one row per. */
const NATURAL_KEY: Readonly<Record<string, string>> = { attendance: 'member_id', action_updates: 'action_id' };

/** An attendance row's marks, kept whichever laptop gave them. */
const MARKS = ['is_chair', 'is_vice_chair', 'is_minute_taker'] as const;


/** Tables whose rows name an attendance row. */
const ATTENDANCE_CHILDREN = new Set(['guest_contacts', 'attendance_items', 'declarations', 'action_owners']);

/** Per meeting projected: one attendance row per member and one progress row per action, and where the others' notes go. */
export class NaturalKeyMerge {
  /** Attendance row id given way -> the row kept. */
  private readonly replaced = new Map<string, string>();
  private readonly twice: AttendanceTwiceDetail[] = [];
  private chairs: MarkTwiceDetail[] = [];
  /** Rows given way here that the document's record does not name yet. */
  private readonly fresh = new Map<string, string>();

  /** `kept`: attendance rows the projection keeps although the document removed them (their marks stay, meetingChairs.ts clearMarksGoing). */
  constructor(
    private readonly doc: Y.Doc,
    private readonly kept: ReadonlySet<string> = new Set(),
  ) {}

  /** The document's rows for `table` with one attendance row per member, and notes of the rows given way moved to the kept one. */
  rows(table: SyncedTable, rows: Map<string, Row>): Map<string, Row> {
    if (table.table === 'attendance') {
      // One chair, one vice-chair and one minute-taker among the rows kept (meetingChairs.ts).
      const merged = oneHolderEach(this.onePerMember(rows), (key, column) => this.recordedBy(key, column));
      this.chairs = merged.twice;
      return merged.rows;
    }
    if (table.table === 'action_updates') return onePerAction(rows);
    if (!ATTENDANCE_CHILDREN.has(table.table) || this.replaced.size === 0) return rows;
    const out = new Map<string, Row>();
    for (const [key, row] of rows) {
      const to = row.attendance_id === null || row.attendance_id === undefined ? undefined : this.replaced.get(String(row.attendance_id));
      if (to === undefined) {
        if (!out.has(key)) out.set(key, row);
        continue;
      }
      const moved = { ...row, attendance_id: to };
      const movedKey = rowKey(table, moved);
      // The kept row's own note of the same item stays as it is (a row keyed by its own id keeps its key, and is never dropped).
      if ((movedKey === key || !rows.has(movedKey)) && !out.has(movedKey)) out.set(movedKey, moved);
    }
    return out;
  }

  /** Rows given way before (taken out of the document since): their notes go to the row kept, as far as it is still there. */
  private givenWayBefore(rows: Map<string, Row>): void {
    const record = this.doc.getMap<string>(GIVEN_WAY_ROOT);
    const present = new Set([...rows.values()].map((r) => String(r.id)));
    for (const [given, first] of record.entries()) {
      if (present.has(given)) continue;
      let to: string | undefined = first;
      // A kept row may itself have given way later: followed to the row now kept (never round a loop).
      for (const seen = new Set([given]); to !== undefined && !present.has(to) && !seen.has(to); ) {
        seen.add(to);
        to = record.get(to);
      }
      if (to !== undefined && present.has(to)) this.replaced.set(given, to);
    }
  }

  private onePerMember(rows: Map<string, Row>): Map<string, Row> {
    this.givenWayBefore(rows);
    const byMember = new Map<string, Array<[string, Row]>>();
    for (const entry of rows) {
      const member = entry[1].member_id;
      if (member === null || member === undefined) continue;
      byMember.set(String(member), [...(byMember.get(String(member)) ?? []), entry]);
    }
    const out = new Map(rows);
    for (const [memberId, entries] of byMember) {
      if (entries.length < 2) continue;
      const [kept, ...others] = [...entries].sort((a, b) => String(a[1].id).localeCompare(String(b[1].id)));
      for (const [key, row] of others) {
        out.delete(key);
        this.replaced.set(String(row.id), String(kept![1].id));
        this.fresh.set(String(row.id), String(kept![1].id));
        // A mark (chair, vice-chair, minute-taker) either laptop gave the member stays with them.
        const marks = Object.fromEntries(MARKS.map((c) => [c, Number(kept![1][c] ?? 0) === 1 || Number(out.get(kept![0])?.[c] ?? 0) === 1 || Number(row[c] ?? 0) === 1 ? 1 : 0]));
        out.set(kept![0], { ...out.get(kept![0])!, ...marks });
        if (row.status !== kept![1].status) {
          this.twice.push({
            meetingId: String(kept![1].meeting_id),
            memberId,
            name: String(kept![1].display_name ?? ''),
            kept: { status: String(kept![1].status), by: this.recordedBy(kept![0]) },
            other: { status: String(row.status), by: this.recordedBy(key) },
          });
        }
      }
    }
    return out;
  }

  /** Who recorded a row's status (or `column`): the laptop whose change set it last, as the document names it. */
  private recordedBy(key: string, column = 'status'): string {
    const row = this.doc.getMap('attendance').get(key);
    const item = row instanceof Y.Map ? row._map.get(column) : undefined;
    return (item && this.doc.getMap<string>(LAPTOPS_ROOT).get(String(item.id.client))) ?? 'another laptop';
  }

  /**
   * Before the kept rows go in (inside the projection's write): a member's row held here under an
   * id the document gives way to is taken out, so the one-row-per-member rule never sees two.
   */
  makeWay(db: Database, table: SyncedTable, wanted: Map<string, Row>, have: Map<string, Row>, removed: (row: Row) => void): void {
    if (table.table === 'attendance') clearMarksGoing(have, wanted, (row, mark) => db.prepare(`UPDATE attendance SET "${mark}" = 0 WHERE id = ?`).run(row.id), this.kept);
    const column = NATURAL_KEY[table.table];
    if (column === undefined) return;
    const wantedByKey = new Map<string, string>();
    for (const row of wanted.values()) if (row[column] !== null && row[column] !== undefined) wantedByKey.set(String(row[column]), String(row.id));
    for (const [key, row] of have) {
      if (wanted.has(key) || row[column] === null || row[column] === undefined) continue;
      const to = wantedByKey.get(String(row[column]));
      if (to === undefined || to === row.id) continue;
      db.prepare(`DELETE FROM "${table.table}" WHERE id = ?`).run(row.id);
      have.delete(key);
      removed(row);
    }
  }

  /** Each difference found, into the board's conflict log once (every laptop finding it logs the same entry). */
  log(replica: BoardReplica): void {
    const record = this.doc.getMap<string>(GIVEN_WAY_ROOT);
    const unrecorded = [...this.fresh].filter(([given, kept]) => record.get(given) !== kept);
    if (unrecorded.length > 0) this.doc.transact(() => unrecorded.forEach(([given, kept]) => record.set(given, kept)), LOCAL_ORIGIN);
    if (this.twice.length === 0 && this.chairs.length === 0) return;
    const log = conflictLog(replica.board);
    const logged = new Set(log.toArray().map((c) => JSON.stringify([c.kind, c.entity, c.detail])));
    const fresh: LoggedConflict[] = [
      ...this.twice.map((detail) => ({ kind: 'attendance_twice' as const, entity: detail.meetingId, detail })),
      ...this.chairs.map((detail) => ({ kind: 'chair_twice' as const, entity: detail.meetingId, detail })),
    ].filter((c) => !logged.has(JSON.stringify([c.kind, c.entity, c.detail])));
    if (fresh.length === 0) return;
    replica.board.transact(() => log.push(fresh), LOCAL_ORIGIN);
  }
}

/** One progress row per action at the meeting: the lower id's, with the other's words added to its own if they differ. */
function onePerAction(rows: Map<string, Row>): Map<string, Row> {
  const byAction = new Map<string, Array<[string, Row]>>();
  for (const entry of rows) byAction.set(String(entry[1].action_id), [...(byAction.get(String(entry[1].action_id)) ?? []), entry]);
  const out = new Map(rows);
  for (const entries of byAction.values()) {
    if (entries.length < 2) continue;
    const [kept, ...others] = [...entries].sort((a, b) => String(a[1].id).localeCompare(String(b[1].id)));
    const texts = [String(kept![1].text ?? '')];
    for (const [key, row] of others) {
      out.delete(key);
      const text = String(row.text ?? '');
      if (text !== '' && !texts.includes(text)) texts.push(text);
    }
    out.set(kept![0], { ...kept![1], text: texts.filter((t) => t !== '').join('\n\n') });
  }
  return out;
}
