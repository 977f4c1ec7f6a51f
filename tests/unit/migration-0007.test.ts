// Migration 0007 (declarations of interest), Signal-style: a data file built at the schema before
// it, with rows, migrated, then compared: nothing it had changes (boards gain the signature block
// setting, off), the register and declarations start empty, minutes agreed before it still verify
// against their stored hash, and their declarations are frozen with them.
import path from 'node:path';
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { MinutesVerification } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { ok, tempDir } from '../helpers/temp';
import { V1, V1_APRIL_HASH, writeV1Data } from '../helpers/legacy-v1';

const V = MIGRATIONS.find((m) => m.name === 'declarations_of_interest')?.version ?? 0;

function tables(db: Database): Record<string, Array<Record<string, unknown>>> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>).map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as Record<string, unknown>)]));
}

describe('migration 0007: declarations of interest', () => {
  it('keeps every row a file had, adds the register, the declarations and the signature block setting, and old agreements still verify', async () => {
    expect(V).toBe(7);
    const file = path.join(tempDir(), 'before-0007.sqlite');
    const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
    writeV1Data(v1.db);
    v1.close();
    const earlier = MIGRATIONS.filter((m) => m.version < V);
    const before = await startCore(file, { migrations: earlier }, { openedBriefly: true });
    const old = tables(before.store!.db);
    before.close();
    expect(old.interests).toBeUndefined();

    // At its own schema, so later migrations do not change what it compares.
    const core = await startCore(file, { migrations: MIGRATIONS.slice(0, V) }, { openedBriefly: true });
    try {
      const db = core.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log') continue; // the migration's backup and opening may log; compared below
        if (table.startsWith('search_')) continue; // the search index is rebuilt for the new schema on open
        const expected = table === 'boards' ? rows.map((r) => ({ ...r, signature_block: 0 })) : rows;
        expect(now[table], table).toEqual(expected);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      expect(now.interests).toEqual([]);
      expect(now.declarations).toEqual([]);

      // April's minutes (agreed under schema 1) still verify with the hash stored then...
      expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: V1.april })).toMatchObject({ matches: true, storedHash: V1_APRIL_HASH });
      // ...and no declaration can be added to them, through the API or past it.
      const refused = core.call('recordDeclaration', { meetingId: V1.april, attendanceId: V1.attendance.aprilAf, agendaItemId: null, interest: 'Trustee', participation: 'took_part' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(() =>
        db
          .prepare("INSERT INTO declarations (id, meeting_id, attendance_id, agenda_item_id, interest, participation, created_at, updated_at) VALUES ('d', ?, ?, NULL, 'Trustee', 'took_part', 't', 't')")
          .run(V1.april, V1.attendance.aprilAf),
      ).toThrow(/agreed as accurate/);
      // A draft's declarations can be recorded, by someone who was there.
      expect(core.call('recordDeclaration', { meetingId: V1.september, attendanceId: V1.attendance.septCm, agendaItemId: V1.items.sept1, interest: 'Trustee', participation: 'left_room' })).toMatchObject({ ok: true });
    } finally {
      core.close();
    }
  });
});
