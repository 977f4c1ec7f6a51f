// Migration 0009 (guests owning actions), Signal-style: a data file built at the schema before it,
// with rows (a guest in a draft's attendance owning an action by their name as written, as
// owners of guests were kept before), migrated, then compared: every row is as it was (owner rows
// gain attendance_id, empty), there are no guest addresses yet, minutes agreed before it still
// verify against their stored hash, the guest can now own the action by their attendance row, and
// an action cannot be owned by a guest of another meeting, through the API or past it.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { MinutesAction, MinutesVerification } from '../../shared/contract';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';
import { refreshStaleSummaries } from '../../electron/core/store/actionSummary';
import { ok } from '../helpers/temp';
import { V1, V1_APRIL_HASH } from '../helpers/legacy-v1';

const { version: V } = migrationNamed('guest_owners');
const GUEST = 'a0000000-0000-4000-8000-000000000001';
const GUEST_OWNER = 'b0000000-0000-4000-8000-000000000001';

function tables(db: Database): Record<string, Array<Record<string, unknown>>> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as Record<string, unknown>)]));
}

describe('migration 0009: guests owning actions', () => {
  it('keeps every row, adds the owner’s guest and the guests’ addresses, old agreements verify, and guests then own their own meeting’s actions only', async () => {
    expect(V).toBeGreaterThan(7);
    const at = await fileBeforeMigration('guest_owners');
    const before = await coreBefore(at);
    const oldDb = before.store!.db;
    // September's draft: a guest, owning September's action by name as written.
    oldDb
      .prepare("INSERT INTO attendance (id, meeting_id, member_id, display_name, initials, status, is_guest, position) VALUES (?, ?, NULL, 'Sam Guest', 'SG', 'in_attendance', 1, 9)")
      .run(GUEST, V1.september);
    oldDb.prepare("INSERT INTO action_owners (id, action_id, name_text, position, printed_as) VALUES (?, ?, 'Sam Guest', 5, 'Sam Guest')").run(GUEST_OWNER, V1.actions.sept);
    // The action log's kept values follow, as the write path would have done.
    refreshStaleSummaries(oldDb);
    const old = tables(oldDb);
    before.close();
    expect(old.guest_contacts).toBeUndefined();

    const core = await coreThrough(at);
    try {
      const db = core.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log') continue; // the migration's backup and opening may log; compared below
        if (table.startsWith('search_')) continue; // the search index is rebuilt for the new schema on open
        const expected = table === 'action_owners' ? rows.map((r) => ({ ...r, attendance_id: null })) : rows;
        expect(now[table], table).toEqual(expected);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      expect(now.guest_contacts).toEqual([]);

      // April's minutes (agreed under schema 1) still verify with the hash stored then.
      expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: V1.april })).toMatchObject({ matches: true, storedHash: V1_APRIL_HASH });

      // The guest now owns September's action by their attendance row, found by their initials.
      const linked = ok<MinutesAction>(core, 'updateAction', { actionId: V1.actions.sept, owners: [{ name: 'SG' }] });
      expect(linked.owners).toEqual([{ kind: 'guest', attendanceId: GUEST, initials: 'SG', fullName: 'Sam Guest' }]);
      // April's guest is not September's: refused by the API and by the schema.
      const other = core.call('updateAction', { actionId: V1.actions.sept, owners: [{ attendanceId: V1.attendance.aprilGuest }] });
      expect(other).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'owners' } });
      expect(() =>
        db.prepare("INSERT INTO action_owners (id, action_id, name_text, position, attendance_id) VALUES ('x', ?, 'Guest', 9, ?)").run(V1.actions.sept, V1.attendance.aprilGuest),
      ).toThrow(/owned by a guest only of the meeting that agreed it/);
      // A member's address stays on the roster, not here.
      expect(() => db.prepare("INSERT INTO guest_contacts (attendance_id, email, updated_at) VALUES (?, 'cm@example.org', 't')").run(V1.attendance.septCm)).toThrow(/Only a guest/);
    } finally {
      core.close();
    }
  });
});
