// Migration 0015 (carrying forward lists in one statement): a file built at the schema just before
// it, with listings, migrated to it (never to "latest"), then compared: every table's rows as they
// were, what the app shows unchanged, the new table empty, and the per-row triggers keeping their
// rule for every writer except a statement listing at a meeting named in carried_actions_listing.
import path from 'node:path';
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { ok, tempDir } from '../helpers/temp';
import { V1, writeV1Data } from '../helpers/legacy-v1';

const V = MIGRATIONS.findIndex((m) => m.name === 'carry_in_one_statement') + 1;

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

function shown(core: Core): unknown {
  const db = core.store!.db;
  const meetings = db.prepare('SELECT id FROM meetings ORDER BY meeting_date, id').pluck().all() as string[];
  return { arising: meetings.map((meetingId) => ok(core, 'getMattersArising', { meetingId })), log: ok(core, 'outstandingActions', {}) };
}

/** What one SQL listing leaves behind, rolled back: the count's mark and the rule's note, or the refusal. */
function listingLeaves(db: Database, meetingId: string, actionId: string, named: boolean): { marks: unknown[]; notes: unknown[] } | string {
  db.exec('BEGIN');
  try {
    if (named) db.prepare('INSERT INTO carried_actions_listing (meeting_id) VALUES (?)').run(meetingId);
    db.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 50, 'open')").run(meetingId, actionId);
    return {
      marks: db.prepare('SELECT action_id, delta FROM action_summaries_recount').all(),
      notes: db.prepare('SELECT meeting_id, action_id FROM carried_actions_unchecked').all(),
    };
  } catch (err) {
    return (err as Error).message;
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('migration 0015: carrying forward lists in one statement', () => {
  it('keeps every row and everything shown, and adds the (empty) table naming a meeting being listed', async () => {
    expect(V).toBeGreaterThan(14);
    const file = path.join(tempDir(), 'before-carry-in-one-statement.sqlite');
    const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
    writeV1Data(v1.db);
    v1.close();
    const before = await startCore(file, { migrations: MIGRATIONS.slice(0, V - 1) }, { openedBriefly: true });
    before.store!.db.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 0, 'open')").run(V1.september, V1.actions.april);
    before.close();
    // Reopened at the schema before: the rows written by SQL have had their kept values brought in step.
    const settled = await startCore(file, { migrations: MIGRATIONS.slice(0, V - 1) }, { openedBriefly: true });
    const old = tables(settled.store!.db);
    const oldShown = shown(settled);
    expect(old.carried_actions_listing).toBeUndefined();
    settled.close();

    const after = await startCore(file, { migrations: MIGRATIONS.slice(0, V) }, { openedBriefly: true });
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log' || table.startsWith('search_')) continue; // the backup may log; the index is rebuilt for a new schema
        expect(now[table], table).toEqual(rows);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      expect(now.carried_actions_listing).toEqual([]);
      expect(shown(after)).toEqual(oldShown);
      expect(summariesDiffer(db)).toEqual([]);
      const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'carried_actions' ORDER BY name").pluck().all();
      expect(triggers).toEqual([
        'action_summaries_stale_carried_delete',
        'action_summaries_stale_carried_insert',
        'action_summaries_stale_carried_update',
        'carried_actions_agreed_no_delete',
        'carried_actions_agreed_no_insert',
        'carried_actions_agreed_no_update',
        'carried_actions_rule_insert',
        'carried_actions_rule_update',
      ]);
    } finally {
      after.close();
    }
  });

  it('leaves the per-row rule to every writer but a listing at a meeting named as being carried into', async () => {
    const file = path.join(tempDir(), 'rule-after-0015.sqlite');
    const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
    writeV1Data(v1.db);
    v1.close();
    const store = await openStore(file, { migrations: MIGRATIONS.slice(0, V) });
    try {
      const db = store.db;
      const missing = '00000000-0000-4000-8000-0000000000ff';
      // Any writer: the count's +1 mark, a note for an action it cannot vouch for, agreed minutes refused.
      expect(listingLeaves(db, V1.july, V1.actions.april, false)).toEqual({ marks: [{ action_id: V1.actions.april, delta: 1 }], notes: [] });
      expect(listingLeaves(db, V1.july, missing, false)).toEqual({ marks: [{ action_id: missing, delta: 1 }], notes: [{ meeting_id: V1.july, action_id: missing }] });
      expect(listingLeaves(db, V1.april, V1.actions.feb, false)).toMatch(/agreed as accurate, so their matters arising cannot be changed/);
      // The named meeting's own statement does all three itself, once (store/carryListing.ts) ...
      expect(listingLeaves(db, V1.july, missing, true)).toEqual({ marks: [], notes: [] });
      expect(listingLeaves(db, V1.april, V1.actions.sept, true)).toEqual({ marks: [], notes: [] });
      // ... and another meeting's listing in the same write keeps the triggers.
      db.exec('BEGIN');
      try {
        db.prepare('INSERT INTO carried_actions_listing (meeting_id) VALUES (?)').run(V1.september);
        db.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 50, 'open')").run(V1.july, missing);
        expect(db.prepare('SELECT count(*) FROM carried_actions_unchecked').pluck().get()).toBe(1);
        expect(() =>
          db.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 50, 'open')").run(V1.april, V1.actions.sept),
        ).toThrow(/agreed as accurate/);
      } finally {
        db.exec('ROLLBACK');
      }
    } finally {
      store.close();
    }
  });
});
