// A write's mirror on a shared board compares only what the write may have changed: an action's
// progress recorded in a later meeting touches that action's rows in the meetings it passed
// through, not their whole documents, and the documents come out as a full mirror makes them.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ok, tempCore } from '../helpers/temp';
import { BoundDiscussion } from '../../electron/core/sync/discussionDoc';
import { BoardReplica } from '../../electron/core/sync/replica';
import { mirrorBoard } from '../../electron/core/sync/mirror';
import { affectedMeetings } from '../../electron/core/sync/affected';
import { rowColumns, tablesOf } from '../../electron/core/sync/registry';
import { readRows, type RowsMap } from '../../electron/core/sync/rowMaps';
import type { Changed } from '../../shared/contract';
import type { Core } from '../../electron/core/app';

function dbOf(core: Core) {
  if (!core.store) throw new Error('store not open');
  return core.store.db;
}

/** Every meeting document's rows, by meeting and root. */
function meetingRows(core: Core, replica: BoardReplica): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of replica.meetingIds().sort()) {
    const doc = replica.meeting(id).doc;
    out[id] = Object.fromEntries(tablesOf('meeting').map((t) => [t.root, Object.fromEntries(readRows(doc.getMap(t.root) as RowsMap, rowColumns(dbOf(core), t)))]));
  }
  return out;
}

describe('the mirror of one write', () => {
  it('brings a carried action’s rows in step in later meetings without comparing their whole documents, as a full mirror would', async () => {
    const core = await tempCore();
    const { board } = ok<{ board: { id: string } }>(core, 'loadSampleBoard', {});
    const db = dbOf(core);
    const incremental = new BoardReplica(board.id);
    mirrorBoard(core.store!, incremental, 'Laptop A');

    // An action carried into a later meeting, whose progress that meeting records.
    const carried = db
      .prepare('SELECT c.action_id AS action, c.meeting_id AS meeting, a.meeting_id AS origin FROM carried_actions c JOIN actions a ON a.id = c.action_id JOIN meetings m ON m.id = c.meeting_id WHERE m.board_id = ? AND c.meeting_id <> a.meeting_id LIMIT 1')
      .get(board.id) as { action: string; meeting: string; origin: string } | undefined;
    if (!carried) throw new Error('the sample board has no carried action');
    const response = core.call('recordActionUpdate', { meetingId: carried.meeting, actionId: carried.action, text: 'Quotes received from two suppliers' });
    expect(response.ok).toBe(true);
    const changes = (response as { changes: Changed[] }).changes;

    const affected = affectedMeetings(db, incremental, changes);
    expect([...affected.whole]).toEqual([carried.origin]);
    expect(affected.actionRows.get(carried.meeting)).toEqual(new Set([carried.action]));
    expect(affected.whole.has(carried.meeting)).toBe(false);

    mirrorBoard(core.store!, incremental, 'Laptop A', affected);
    const full = new BoardReplica(board.id);
    mirrorBoard(core.store!, full, 'Laptop A');
    const rows = meetingRows(core, incremental);
    expect(rows).toEqual(meetingRows(core, full));
    const updates = rows[carried.meeting]?.action_updates as Record<string, { text: string }>;
    expect(Object.values(updates).map((u) => u.text)).toContain('Quotes received from two suppliers');
  });

  it('takes out a progress row deleted from a later meeting, leaving the other actions’ rows there', async () => {
    const core = await tempCore();
    const { board } = ok<{ board: { id: string } }>(core, 'loadSampleBoard', {});
    const db = dbOf(core);
    const carried = db
      .prepare('SELECT c.action_id AS action, c.meeting_id AS meeting FROM carried_actions c JOIN actions a ON a.id = c.action_id JOIN meetings m ON m.id = c.meeting_id WHERE m.board_id = ? AND c.meeting_id <> a.meeting_id LIMIT 1')
      .get(board.id) as { action: string; meeting: string };
    ok(core, 'recordActionUpdate', { meetingId: carried.meeting, actionId: carried.action, text: 'First word' });
    const replica = new BoardReplica(board.id);
    mirrorBoard(core.store!, replica, 'Laptop A');
    const before = replica.meeting(carried.meeting).doc.getMap('action_updates').size;
    expect(before).toBeGreaterThan(0);
    // An update emptied of text and status is taken out (see progress.ts).
    const response = core.call('recordActionUpdate', { meetingId: carried.meeting, actionId: carried.action, text: '' });
    expect(response.ok).toBe(true);
    mirrorBoard(core.store!, replica, 'Laptop A', { whole: new Set(), actionRows: new Map([[carried.meeting, new Set([carried.action])]]) });
    const full = new BoardReplica(board.id);
    mirrorBoard(core.store!, full, 'Laptop A');
    expect(meetingRows(core, replica)).toEqual(meetingRows(core, full));
  });
});

describe('a bound discussion', () => {
  it('remembers the text it was found to hold only until its root changes', () => {
    const doc = new Y.Doc();
    const bound = new BoundDiscussion(doc, 'item-1');
    const written = JSON.stringify({ root: { children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: 'Agreed.', type: 'text', version: 1 }], direction: null, format: '', indent: 0, type: 'paragraph', version: 1 }], direction: null, format: '', indent: 0, type: 'root', version: 1 } });
    bound.save(JSON.parse(written));
    // The text as the editor exports it (the stored text of a discussion saved through the app).
    const text = JSON.stringify(bound.json());
    expect(bound.holds(text)).toBe(true);
    expect(bound.holds(text)).toBe(true);
    // Another laptop's edit arrives in the root.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const root = other.get('discussion:item-1', Y.XmlText) as Y.XmlText;
    const paragraph = root.toDelta()[0]?.insert as Y.XmlText;
    paragraph.insert(paragraph.length, ' Unanimously.');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote');
    expect(bound.holds(text)).toBe(false);
    expect(JSON.stringify(bound.json())).toContain('Unanimously');
  });
});
