// Roster rows two laptops made apart that the board holds once: a member's initials are unique on
// the board, and so is each person. Every laptop decides from the board's document alone, in id
// order (ids never change, so no later edit can make two laptops choose differently):
//  - the same person added on both laptops (the same person, or the same full name under the same
//    initials) is one member, the lower id; everything naming the other (attendance, and with it
//    declarations; action owners, groups, interests) moves to it, and the mirror then takes the other row out of
//    the documents everywhere;
//  - two different people under the same initials both stay: the later one (higher id) is shown
//    under the first free numbered form (HQ -> HQ2), and the board's conflict log says so, so the
//    administrator can choose better initials;
//  - a group made on both laptops under the same name is one group, the lower id, with both
//    laptops' members in it and the other's action owners moved to it.
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import { initialsKey, MAX_INITIALS_LENGTH } from '../../../shared/domain/initials';
import { conflictLog, type InitialsTwiceDetail } from './conflicts';
import { LOCAL_ORIGIN } from './mirror';
import { rowKey, type Row, type SyncedTable } from './registry';
import type { BoardReplica } from './replica';
import { readRows, type RowsMap } from './rowMaps';

const sameName = (a: string, b: string): boolean => a.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase() === b.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

/** The first numbered form of `initials` no one holds (HQ -> HQ2, HQ3 …), within the length initials may have. */
function distinctForm(initials: string, taken: ReadonlySet<string>): string {
  const base = initials.trim();
  for (let n = 2; ; n += 1) {
    const suffix = String(n);
    const candidate = `${base.slice(0, MAX_INITIALS_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(initialsKey(candidate))) return candidate;
  }
}

/** The board document's roster with one member per person and per initials. */
export class RosterMerge {
  /** Member id given way -> the member kept (the same person added twice). */
  readonly replaced = new Map<string, string>();
  /** Member id -> the initials it is shown under (its own were another's first). */
  readonly renamed = new Map<string, string>();
  /** People whose only member here gave way. */
  private readonly droppedPeople = new Set<string>();
  private readonly twice: InitialsTwiceDetail[] = [];
  /** Group id given way -> the group kept (the same name made twice). */
  readonly replacedGroups = new Map<string, string>();

  constructor(board: Y.Doc) {
    const people = readRows(board.getMap('people') as RowsMap, ['id', 'full_name']);
    const nameOf = (personId: unknown): string => String([...people.values()].find((p) => p.id === personId)?.full_name ?? '');
    const members = [...readRows(board.getMap('board_members') as RowsMap, ['id', 'person_id', 'initials']).values()]
      .filter((m) => m.id !== null && m.initials !== null)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const taken = new Set(members.map((m) => initialsKey(String(m.initials))));
    const holders = new Map<string, Row>();
    const byPerson = new Map<string, Row>();
    const keptPeople = new Set<string>();
    for (const m of members) {
      const key = initialsKey(String(m.initials));
      const holder = holders.get(key);
      const samePerson = byPerson.get(String(m.person_id)) ?? (holder && sameName(nameOf(holder.person_id), nameOf(m.person_id)) ? holder : undefined);
      if (samePerson) {
        this.replaced.set(String(m.id), String(samePerson.id));
        this.droppedPeople.add(String(m.person_id));
        continue;
      }
      byPerson.set(String(m.person_id), m);
      keptPeople.add(String(m.person_id));
      if (!holder) {
        holders.set(key, m);
        continue;
      }
      const shownAs = distinctForm(String(m.initials), taken);
      taken.add(initialsKey(shownAs));
      holders.set(initialsKey(shownAs), m);
      this.renamed.set(String(m.id), shownAs);
      this.twice.push({
        memberId: String(m.id),
        name: nameOf(m.person_id),
        initials: String(m.initials),
        shownAs,
        keptBy: { memberId: String(holder.id), name: nameOf(holder.person_id) },
      });
    }
    for (const person of keptPeople) this.droppedPeople.delete(person);
    const groups = [...readRows(board.getMap('board_groups') as RowsMap, ['id', 'name']).values()].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const byName = new Map<string, string>();
    for (const g of groups) {
      const name = String(g.name ?? '').trim().toLowerCase();
      const kept = byName.get(name);
      if (kept === undefined) byName.set(name, String(g.id));
      else this.replacedGroups.set(String(g.id), kept);
    }
  }

  /** A table's rows from a document with one member per person and per initials, and references to members given way moved to the kept ones. */
  rows(table: SyncedTable, rows: Map<string, Row>): Map<string, Row> {
    if (table.table === 'people') return this.droppedPeople.size === 0 ? rows : new Map([...rows].filter(([, r]) => !this.droppedPeople.has(String(r.id))));
    if (table.table === 'board_members') {
      if (this.replaced.size === 0 && this.renamed.size === 0) return rows;
      const out = new Map<string, Row>();
      for (const [key, row] of rows) {
        if (this.replaced.has(String(row.id))) continue;
        const shownAs = this.renamed.get(String(row.id));
        out.set(key, shownAs === undefined ? row : { ...row, initials: shownAs });
      }
      return out;
    }
    if (table.table === 'board_groups') return this.replacedGroups.size === 0 ? rows : new Map([...rows].filter(([, r]) => !this.replacedGroups.has(String(r.id))));
    return moveReferences(table, moveReferences(table, rows, 'member_id', this.replaced), 'group_id', this.replacedGroups);
  }

  /** Meetings whose rows here still name a member given way: projected with the board, so no row names a member taken out. */
  meetingsNaming(db: Database, boardId: string): string[] {
    if (this.replaced.size === 0 && this.replacedGroups.size === 0) return [];
    const ids = [...this.replaced.keys()];
    const groups = [...this.replacedGroups.keys()];
    const marks = (list: string[]): string => list.map(() => '?').join(', ');
    return db
      .prepare(
        `SELECT meeting_id FROM attendance WHERE member_id IN (${marks(ids)})
         UNION SELECT a.meeting_id FROM action_owners o JOIN actions a ON a.id = o.action_id WHERE o.member_id IN (${marks(ids)}) OR o.group_id IN (${marks(groups)})`,
      )
      .pluck()
      .all(...ids, ...ids, ...groups)
      .filter((id) => db.prepare('SELECT 1 FROM meetings WHERE id = ? AND board_id = ?').get(id, boardId) !== undefined) as string[];
  }

  /**
   * Before the board's members go in (inside the projection's write): a member here whose initials
   * change or who gives way lets go of them first, so the one-set-of-initials rule never sees two.
   */
  makeWay(db: Database, table: SyncedTable, wanted: Map<string, Row>, have: Map<string, Row>): void {
    if (table.table === 'board_groups') {
      for (const [key, row] of have) {
        const next = wanted.get(key);
        if (next && String(next.name).trim().toLowerCase() === String(row.name).trim().toLowerCase()) continue;
        // Unique as the id is, and never a name anyone typed.
        const holding = `~${String(row.id)}`;
        db.prepare('UPDATE board_groups SET name = ? WHERE id = ?').run(holding, row.id);
        have.set(key, { ...row, name: holding });
      }
      return;
    }
    if (table.table !== 'board_members') return;
    let parked = 0;
    for (const [key, row] of have) {
      const next = wanted.get(key);
      if (next && initialsKey(String(next.initials)) === initialsKey(String(row.initials))) continue;
      // Never valid initials (they start with a letter), so never anyone's.
      parked += 1;
      const holding = `~${parked}`;
      db.prepare('UPDATE board_members SET initials = ? WHERE id = ?').run(holding, row.id);
      have.set(key, { ...row, initials: holding });
    }
  }

  /** Each pair found, into the board's conflict log once (every laptop finding it logs the same entry). */
  log(replica: BoardReplica): void {
    if (this.twice.length === 0) return;
    const log = conflictLog(replica.board);
    const logged = new Set(log.toArray().map((c) => JSON.stringify([c.kind, c.entity, c.detail])));
    const fresh = this.twice.filter((d) => !logged.has(JSON.stringify(['initials_twice', d.memberId, d])));
    if (fresh.length === 0) return;
    replica.board.transact(() => log.push(fresh.map((detail) => ({ kind: 'initials_twice' as const, entity: detail.memberId, detail }))), LOCAL_ORIGIN);
  }
}

/** Rows naming a record given way name the one kept; a row moved onto a key a row already holds (a group both were in) gives way to it. */
function moveReferences(table: SyncedTable, rows: Map<string, Row>, column: string, replaced: ReadonlyMap<string, string>): Map<string, Row> {
  if (replaced.size === 0 || ![...rows.values()].some((r) => column in r)) return rows;
  const out = new Map<string, Row>();
  const moves = (row: Row): boolean => row[column] !== null && row[column] !== undefined && replaced.has(String(row[column]));
  // Rows naming a kept record first, so they keep their key.
  const sorted = [...rows].sort(([, a], [, b]) => Number(moves(a)) - Number(moves(b)));
  for (const [key, row] of sorted) {
    if (!moves(row)) {
      if (!out.has(key)) out.set(key, row);
      continue;
    }
    const moved = { ...row, [column]: replaced.get(String(row[column])) ?? null };
    const movedKey = rowKey(table, moved);
    if (!out.has(movedKey)) out.set(movedKey, moved);
  }
  return out;
}
