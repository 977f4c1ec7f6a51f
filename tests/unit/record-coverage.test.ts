// Every table that hangs under a meeting (found from the schema's foreign keys, so a table added
// later is found too) is frozen by triggers once the minutes are agreed, and every column of it
// is covered by the content hash unless named below with the reason it is not content.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { AttendanceRow, MeetingDetail, Minutes, MinutesAction, MinutesVerification, RosterMember } from '../../shared/contract';
import { ok, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';
import { DISCUSSION_COLUMN, packDiscussion, unpackDiscussion } from '../../electron/core/store/discussionPacked';

/** Hang under a meeting, but are not part of its content hash (each one still has triggers). */
const NOT_HASHED_TABLES: Record<string, string> = {
  corrections: 'recorded beside agreed minutes after their hash was taken; append-only by their own triggers',
};

/**
 * Hang under a meeting (through its actions) but are no part of any meeting's minutes: they live
 * beside agreed minutes by design (issue 14), so they are neither frozen nor hashed.
 */
const BESIDE_THE_RECORD: Record<string, string> = {
  between_updates: 'progress reported between meetings: belongs to no meeting, shown beside the minutes',
  reminders_sent: 'which reminders were sent to owners: the app’s own memory, not the minutes',
  guest_contacts: 'a guest’s email address for reminders: contact details like a member’s on the roster, not the minutes',
};

/** Columns that are not what the minutes say. Anything else, in any table under a meeting, must be hashed. */
const NOT_CONTENT: Record<string, Record<string, string>> = {
  meetings: {
    circulated_at: 'when the minutes were circulated: their lifecycle, not their content',
    published_at: 'set when agreed minutes are published',
    created_at: 'bookkeeping',
    updated_at: 'bookkeeping',
  },
  agenda_items: { created_at: 'bookkeeping', updated_at: 'bookkeeping' },
  decisions: { created_at: 'bookkeeping', updated_at: 'bookkeeping' },
  actions: {
    status: 'progress, recorded by later meetings',
    superseded_by: 'progress, recorded by later meetings',
    closed_at_meeting_id: 'progress, recorded by later meetings',
    last_update_meeting_id: 'progress, recorded by later meetings',
    created_at: 'bookkeeping',
    updated_at: 'bookkeeping',
  },
  action_updates: { recorded_at: 'bookkeeping', updated_at: 'bookkeeping' },
  dismissed_deferrals: { dismissed_at: 'bookkeeping' },
  declarations: { created_at: 'bookkeeping', updated_at: 'bookkeeping' },
};

/** The seal itself: changing it is a different test (the hash no longer matches, or the minutes are no longer agreed). */
const SEAL = new Set(['status', 'content_hash', 'content_version']);

/** Every table reachable from meetings through foreign keys (meetings included). */
function tablesUnderMeetings(db: Database): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const under = new Set(['meetings']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (under.has(t) || BESIDE_THE_RECORD[t]) continue;
      const parents = db.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[];
      if (parents.some((p) => under.has(p))) {
        under.add(t);
        grew = true;
      }
    }
  }
  return [...under].sort();
}

function columnsOf(db: Database, table: string): Array<{ name: string; type: string }> {
  return db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string }>;
}

/** Inside a savepoint that is always rolled back, with constraints relaxed so any value can be written. */
function scratch<T>(db: Database, fn: () => T): T {
  db.pragma('ignore_check_constraints = ON');
  db.exec('SAVEPOINT scratch');
  try {
    db.pragma('defer_foreign_keys = ON');
    return fn();
  } finally {
    db.exec('ROLLBACK TO scratch');
    db.exec('RELEASE scratch');
    db.pragma('ignore_check_constraints = OFF');
  }
}

function change(db: Database, table: string, column: { name: string; type: string }, meetingId: string): void {
  if (/BLOB/i.test(column.type)) {
    // The one BLOB column is a discussion, packed (store/discussionPacked.ts): changed as its JSON text, packed again.
    expect(`${table}.${column.name}`).toBe(`agenda_items.${DISCUSSION_COLUMN}`);
    const put = db.prepare(`UPDATE agenda_items SET ${DISCUSSION_COLUMN} = ? WHERE rowid = ?`);
    for (const r of db.prepare(`SELECT rowid AS row, ${DISCUSSION_COLUMN} AS packed FROM agenda_items`).all() as Array<{ row: number; packed: Buffer | null }>) {
      put.run(packDiscussion(`${unpackDiscussion(r.packed) ?? '{}'} `), r.row);
    }
    return;
  }
  const value = /INT|REAL/i.test(column.type) ? `coalesce("${column.name}", 0) + 1000` : `coalesce("${column.name}", '') || '~'`;
  // Every row of the table (the agreed meeting's among them); of meetings, only the agreed one.
  const where = table === 'meetings' ? ' WHERE id = ?' : '';
  db.prepare(`UPDATE "${table}" SET "${column.name}" = ${value}${where}`).run(...(where ? [meetingId] : []));
}

const FROZEN = /agreed as accurate|the record|records the agreement/;

describe('what agreed minutes are made of', () => {
  it('every table under a meeting is frozen by triggers once agreed, and every column of it is covered by the content hash', async () => {
    const core = await tempCore();
    const seeded = await seedFixtureMinutes(inProcess(core));
    const april = seeded.laterMeetingId;
    const boardId = seeded.boardId;
    const roster = ok<RosterMember[]>(core, 'listRoster', { boardId });
    const cm = roster.find((m) => m.initials === 'CM')!.id;
    const group = ok<Array<{ id: string }>>(core, 'listGroups', { boardId })[0]!;

    // April's minutes with a row in every table: an item deferred from February and set aside,
    // February's actions carried with an update, a guest for one item, a declaration of interest,
    // a decision, an action owned by a member, a group and a name.
    ok(core, 'updateAgendaItem', { itemId: seeded.items['3'], deferred: true, deferredToMeetingId: april });
    ok(core, 'resolveDeferredItem', { meetingId: april, itemId: seeded.items['3'], accept: false });
    ok(core, 'carryForward', { meetingId: april });
    const febAction = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.meetingId }).items.flatMap((i) => i.actions)[0]!;
    ok(core, 'recordActionUpdate', { meetingId: april, actionId: febAction.id, text: 'In train.', status: 'in_progress' });
    const item = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: april, title: 'Child engagement' }).item;
    ok(core, 'saveDiscussion', {
      itemId: item.id,
      json: JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'CM reported.' }] }] } }),
    });
    ok<AttendanceRow>(core, 'addGuest', { meetingId: april, name: 'Sam Guest', forItemIds: [item.id] });
    ok(core, 'addDecision', { itemId: item.id, text: 'The strategy was agreed.' });
    const aprilPresent = ok<{ rows: AttendanceRow[] }>(core, 'getAttendance', { meetingId: april }).rows.find((r) => r.status === 'present')!;
    ok(core, 'recordDeclaration', { meetingId: april, attendanceId: aprilPresent.id, agendaItemId: item.id, interest: 'Trustee of a local youth charity', participation: 'left_room' });
    ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'Invite service users', owners: [{ memberId: cm }, { groupId: group.id }, { name: 'tbc' }], due: '22.07.14' });
    const july = ok<MeetingDetail>(core, 'createMeeting', { boardId, date: '2014-07-01' });
    ok(core, 'circulateMinutes', { meetingId: april });
    ok(core, 'agreeMinutes', { meetingId: april, atMeetingId: july.id });
    ok(core, 'recordCorrection', { meetingId: april, date: '2014-07-22', what: 'Action 1: the due is 22 July.', why: 'Typed wrongly.' });
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: april }).matches).toBe(true);

    const db = core.store!.db;
    const tables = tablesUnderMeetings(db);
    expect(tables).toEqual(expect.arrayContaining(['meetings', 'attendance', 'agenda_items', 'decisions', 'actions', 'action_owners']));
    const triggers = db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; tbl_name: string; sql: string }>;
    const verifies = (): boolean => {
      const r = core.call('verifyMinutes', { meetingId: april });
      return r.ok && (r.value as MinutesVerification).matches;
    };

    for (const table of tables) {
      const own = triggers.filter((t) => t.tbl_name === table).map((t) => t.sql.replace(/\s+/g, ' '));
      for (const event of table === 'meetings' ? ['UPDATE', 'DELETE'] : ['INSERT', 'UPDATE', 'DELETE']) {
        expect(own.some((sql) => sql.includes(`BEFORE ${event} ON ${table}`)), `${table} has a trigger refusing ${event}`).toBe(true);
      }
      // Deleting the table's rows deletes the agreed meeting's too: refused.
      expect(() => scratch(db, () => db.prepare(`DELETE FROM "${table}"`).run()), `DELETE FROM ${table}`).toThrow(
        table === 'corrections' ? /correction is part of the record/ : FROZEN,
      );
      if (NOT_HASHED_TABLES[table]) continue;

      for (const column of columnsOf(db, table)) {
        if (table === 'meetings' && SEAL.has(column.name)) continue;
        const what = `${table}.${column.name}`;
        const content = !NOT_CONTENT[table]?.[column.name];
        // Past the triggers (as a disk editor would): the hash notices exactly the content.
        const noticed = scratch(db, () => {
          for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
          change(db, table, column, april);
          return !verifies();
        });
        expect(noticed, `a change to ${what} ${content ? 'is' : 'is not'} noticed by the content hash`).toBe(content);
        // With the triggers: refused.
        if (content) expect(() => scratch(db, () => change(db, table, column, april)), `UPDATE ${what}`).toThrow(FROZEN);
      }
    }
    expect(verifies()).toBe(true);
  });

  it('a column added to the minutes later does not change the hash of minutes already agreed (it needs a new content version)', async () => {
    const core = await tempCore();
    const seeded = await seedFixtureMinutes(inProcess(core));
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    ok(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId });
    // As a later migration would: new columns, with and without defaults.
    core.store!.db.exec("ALTER TABLE attendance ADD COLUMN pronouns TEXT; ALTER TABLE action_owners ADD COLUMN note TEXT NOT NULL DEFAULT '';");
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.meetingId }).matches).toBe(true);
  });
});
