// Migration 0002 (the record as at the meeting), Signal-style: a data file built at schema 1 with
// the rows version 1 wrote, migrated, then compared: nothing it had is changed but the columns the
// migration fills, minutes agreed before it still verify against the hash stored then, and they
// are now held by the new triggers.
import path from 'node:path';
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { Minutes, MinutesRecord, MinutesVerification } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { htmlText } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { dump, ok, tempDir } from '../helpers/temp';
import { V1, V1_APRIL_HASH, writeV1Data } from '../helpers/legacy-v1';
import { ownerSearchText } from '../../shared/domain/owners';

type Tables = Record<string, { columns: string[]; rows: Array<Record<string, unknown>> }>;

/** Every table's rows, by primary key order, with the columns it has. */
function tablesOf(db: Database): Tables {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    names.map((t) => {
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
      const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as Array<Record<string, unknown>>).sort((a, b) =>
        JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
      );
      return [t, { columns, rows }];
    }),
  );
}

const only = (row: Record<string, unknown>, columns: string[]): Record<string, unknown> => Object.fromEntries(columns.map((c) => [c, row[c]]));

async function migratedV1(): Promise<{ file: string; before: Tables }> {
  const file = path.join(tempDir(), 'from-v1.sqlite');
  const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
  expect(v1.db.pragma('user_version', { simple: true })).toBe(1);
  writeV1Data(v1.db);
  const before = tablesOf(v1.db);
  v1.close();
  return { file, before };
}

const ownerLabels = (minutes: Minutes): string[][] =>
  minutes.items.flatMap((i) => i.actions).map((a) => a.owners.map((o) => ownerSearchText(o)));

describe('migration 0002: the record as at the meeting', () => {
  it('changes nothing a file already had except the columns it fills, and minutes agreed before it still verify', async () => {
    const { file, before } = await migratedV1();
    const core = await startCore(file, { migrations: MIGRATIONS.slice(0, 2) }, { openedBriefly: true });
    try {
      const db = core.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      const after = tablesOf(db);
      expect(Object.keys(after)).toEqual(Object.keys(before));

      // Every column the file had keeps its values; only owners outside agreed minutes gain what they were printed as.
      for (const [table, { columns, rows }] of Object.entries(before)) {
        const expected = rows.map((r) => only(r, columns));
        const now = after[table]!.rows.map((r) => only(r, columns));
        if (table === 'action_owners') {
          const agreedOwners = new Set(['a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000006']);
          for (const [i, row] of expected.entries()) {
            if (agreedOwners.has(row.id as string)) expect(now[i], String(row.id)).toEqual(row);
            else expect(now[i], String(row.id)).toEqual({ ...row, printed_as: expect.any(String) });
          }
        } else {
          expect(now, table).toEqual(expected);
        }
      }

      // The new columns: the hash version, the agreement decision, owners' names.
      expect(db.prepare('SELECT id, content_version FROM meetings WHERE content_version IS NOT NULL').all()).toEqual([{ id: V1.april, content_version: 1 }]);
      expect(db.prepare('SELECT id, agrees_minutes_of FROM decisions WHERE agrees_minutes_of IS NOT NULL').all()).toEqual([
        { id: V1.decisions.agreement, agrees_minutes_of: V1.april },
      ]);
      const owners = db.prepare('SELECT action_id, printed_as, member_name FROM action_owners ORDER BY action_id, position').all();
      expect(owners).toEqual([
        // February (circulated, nobody's attendance recorded): as the roster names them now.
        { action_id: V1.actions.feb, printed_as: 'AF', member_name: 'Ann Flynn' },
        // April (agreed): printed_as as agreed, stamped with July's roster and groups (CMc, the
        // group's July name): sealed in the hash, so kept; names taken now.
        { action_id: V1.actions.april, printed_as: 'AF', member_name: 'Ann Flynn' },
        { action_id: V1.actions.april, printed_as: 'CMc', member_name: 'Chris McCree' },
        { action_id: V1.actions.april, printed_as: 'JC', member_name: 'Jackie Cook' },
        { action_id: V1.actions.april, printed_as: 'CSE and missing subgroup', member_name: null },
        { action_id: V1.actions.april, printed_as: 'tbc', member_name: null },
        // September (draft): CMc by his September attendance, Jackie by the roster, the group as named now.
        { action_id: V1.actions.sept, printed_as: 'CMc', member_name: 'Chris McCree' },
        { action_id: V1.actions.sept, printed_as: 'JC', member_name: 'Jackie Cook' },
        { action_id: V1.actions.sept, printed_as: 'CSE and missing subgroup', member_name: null },
      ]);

      // April's minutes still match the hash version 1 stored at agreement, and can be published.
      const check = ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: V1.april });
      expect(check).toMatchObject({ matches: true, storedHash: V1_APRIL_HASH, currentHash: V1_APRIL_HASH });
      expect(ok<MinutesRecord>(core, 'publishMinutes', { meetingId: V1.april }).status).toBe('published');
      expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: V1.april }).matches).toBe(true);
    } finally {
      core.close();
    }
  });

  it('shows and prints the owners of old minutes as their meeting named them, and holds old agreements with the new triggers', async () => {
    const { file } = await migratedV1();
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      // April's attendance says CM: the minutes say CM, though version 1 stamped CMc at agreement.
      // (The group has no attendance row: it keeps the name version 1 stamped, which the hash seals.)
      const aprilMinutes = ok<Minutes>(core, 'getMinutes', { meetingId: V1.april });
      expect(ownerLabels(aprilMinutes)).toEqual([['AF Ann Flynn', 'CM Chris McCree', 'JC Jackie Cook', 'CSE and missing subgroup', 'tbc']]);
      const april = htmlText(renderMeetingHtml(core.store!, V1.april, 'full').html).replace(/\s+/g, ' ');
      expect(april).toContain('2014-04-10/1 Circulate the CSE strategy AF, CM, JC, CSE and missing subgroup & tbc next meeting');
      expect(april).toContain('Chris McCree CM');
      expect(april).not.toContain('CMc');
      expect(april).toContain('2014-02-19/1 Review the terms of reference AF AF reported the review is under way. In progress');
      expect(ownerLabels(ok<Minutes>(core, 'getMinutes', { meetingId: V1.september }))).toEqual([['CMc Chris McCree', 'JC Jackie Cook', 'CSE and missing subgroup']]);

      // The agreement recorded in July's minutes (version 1 wrote it) is now held like a new one.
      const before = dump(core);
      expect(core.call('deleteDecision', { decisionId: V1.decisions.agreement })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(core.call('updateDecision', { decisionId: V1.decisions.agreement, text: 'Not agreed.' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(core.call('deleteAgendaItem', { itemId: V1.items.july1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(core.call('updateMeetingHeader', { meetingId: V1.july, date: '2014-07-02' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'date' } });
      expect(dump(core)).toBe(before);
      // The other decision in the same item written in the same instant is not the agreement.
      ok(core, 'updateDecision', { decisionId: V1.decisions.julyOther, text: 'All actions were either completed or in train.' });
      // Old agreed minutes are frozen as before, their new columns too.
      const db = core.store!.db;
      expect(() => db.prepare("UPDATE action_owners SET member_name = 'Someone' WHERE action_id = ?").run(V1.actions.april)).toThrow(/the record/);
      expect(() => db.prepare('UPDATE meetings SET content_version = 2 WHERE id = ?').run(V1.april)).toThrow(/the record/);
      expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: V1.april }).matches).toBe(true);
    } finally {
      core.close();
    }
  });
});
