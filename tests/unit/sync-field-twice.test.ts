// One field people type (an item's title, an action's due, ...) set to different values on two
// laptops while apart: Yjs keeps one value (the higher client id's) and nothing said so. Now both
// laptops list it once, naming the record, both values and who set each; a change made having seen
// the other, changes of different fields, and the numbers and references renumbered when each
// laptop adds an item apart, list nothing (fieldsApart.ts, recordFields.ts).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { ListedSyncConflict, MinutesAction } from '../../shared/contract';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

const fieldConflicts = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'field_twice') as ListedSyncConflict[];
const allConflicts = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'field_twice' || c.kind === 'attendance_field_twice');

const itemOf = (core: Core, itemId: string) =>
  core.store!.db.prepare('SELECT number, title, presenter FROM agenda_items WHERE id = ?').get(itemId) as { number: string; title: string; presenter: string | null } | undefined;

const errors = (s: SharedSample): string[] => s.laptops.flatMap((l) => engineOf(l).boards.get(s.boardId)?.lastError ?? []);

/** Two laptops sharing the sample board, with an item (and an action under it) at the draft on both, then apart. */
async function apart(): Promise<{ s: SharedSample; itemId: string; actionId: string }> {
  const s = await sharedSample();
  const [a, b] = s.laptops as [Core, Core];
  const itemId = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Finance' }).item.id;
  const actionId = ok<MinutesAction>(a, 'addAction', { itemId, details: 'Circulate the accounts', owners: [], due: '' }).id;
  await together(s, () => itemOf(b, itemId)?.title === 'Finance' && b.store!.db.prepare('SELECT 1 FROM actions WHERE id = ?').get(actionId) !== undefined);
  await allOffline(s);
  return { s, itemId, actionId };
}

describe('one field of an item, action or meeting set to two values on two laptops apart', () => {
  it('lists an item’s title set two ways once on both laptops, naming both titles and who set each, and the other can be used instead', async () => {
    const { s, itemId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    ok(a, 'updateAgendaItem', { itemId, title: 'Budget' });
    ok(b, 'updateAgendaItem', { itemId, title: 'Accounts' });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length > 0));
    expect(errors(s)).toEqual([]);
    const kept = itemOf(a, itemId)!.title;
    expect(['Budget', 'Accounts']).toContain(kept);
    const other = kept === 'Budget' ? 'Accounts' : 'Budget';
    for (const l of s.laptops) {
      expect(itemOf(l, itemId)!.title).toBe(kept);
      const listed = fieldConflicts(l, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.entityId).toBe(itemId);
      expect(listed[0]!.description).toContain(`The title of item ${itemOf(l, itemId)!.number} “${kept}”`);
      expect(listed[0]!.description).toContain(`“Budget” by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`“Accounts” by ${b.store!.actor}`);
      expect(listed[0]!.description).toContain(`“${kept}” is kept; change it to “${other}” if that is right.`);
      expect(listed[0]!.link).toEqual({ kind: 'item', meetingId: s.draftId, itemId });
      expect(listed[0]!.useField).toEqual({ words: `“${other}”`, method: 'updateAgendaItem', input: { itemId, title: other } });
    }
    expectSame(s.laptops, s.boardId);

    // Brian uses the other title from the list (the dialog's edit, then Dismiss): it syncs, and is no new conflict.
    const [entry] = fieldConflicts(b, s.boardId);
    ok(b, entry!.useField!.method, entry!.useField!.input);
    ok(b, 'dismissSyncConflict', { boardId: s.boardId, id: entry!.id });
    await together(s, () => s.laptops.every((l) => itemOf(l, itemId)!.title === other));
    expect(fieldConflicts(b, s.boardId)).toEqual([]);
    const left = fieldConflicts(a, s.boardId);
    expect(left).toHaveLength(1);
    // Already so: nothing left to use there (Dismiss remains).
    expect(left[0]!.useField).toBeUndefined();
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists an action’s due set two ways', async () => {
    const { s, actionId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    ok(a, 'updateAction', { actionId, due: 'end of March' });
    ok(b, 'updateAction', { actionId, due: 'end of April' });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length > 0));
    expect(errors(s)).toEqual([]);
    const reference = a.store!.db.prepare('SELECT reference FROM actions WHERE id = ?').pluck().get(actionId) as string;
    for (const l of s.laptops) {
      const listed = fieldConflicts(l, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toContain(`The due date of action ${reference}`);
      expect(listed[0]!.description).toContain(`“end of March” by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`“end of April” by ${b.store!.actor}`);
      expect(listed[0]!.link).toEqual({ kind: 'action', actionId, reference });
      expect(listed[0]!.useField?.method).toBe('updateAction');
    }
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists a decision’s text and the meeting’s venue set two ways, the venue with Dismiss only', async () => {
    const { s, itemId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    await together(s);
    const decisionId = ok<{ id: string }>(a, 'addDecision', { itemId, text: 'The accounts were approved.' }).id;
    await together(s, () => b.store!.db.prepare('SELECT 1 FROM decisions WHERE id = ?').get(decisionId) !== undefined);
    await allOffline(s);
    ok(a, 'updateDecision', { decisionId, text: 'The accounts were approved as presented.' });
    ok(b, 'updateDecision', { decisionId, text: 'The accounts were approved subject to audit.' });
    ok(a, 'updateMeetingHeader', { meetingId: s.draftId, venue: 'The boardroom' });
    ok(b, 'updateMeetingHeader', { meetingId: s.draftId, venue: 'Room 4' });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length === 2));
    expect(errors(s)).toEqual([]);
    for (const l of s.laptops) {
      const listed = fieldConflicts(l, s.boardId);
      const decision = listed.find((c) => c.entityId === decisionId)!;
      expect(decision.description).toContain('The text of a decision under item');
      expect(decision.description).toContain(`“The accounts were approved as presented.” by ${a.store!.actor}`);
      expect(decision.description).toContain(`“The accounts were approved subject to audit.” by ${b.store!.actor}`);
      expect(decision.link).toEqual({ kind: 'item', meetingId: s.draftId, itemId });
      expect(decision.useField?.method).toBe('updateDecision');
      const venue = listed.find((c) => c.entityId === s.draftId)!;
      expect(venue.description).toMatch(/^The venue of the meeting of /);
      expect(venue.description).toContain(`“The boardroom” by ${a.store!.actor}`);
      expect(venue.description).toContain(`“Room 4” by ${b.store!.actor}`);
      expect(venue.useField).toBeUndefined();
    }
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists nothing for a title changed having seen the other laptop’s', async () => {
    const { s, itemId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    ok(a, 'updateAgendaItem', { itemId, title: 'Budget' });
    await together(s, () => itemOf(b, itemId)?.title === 'Budget');
    ok(b, 'updateAgendaItem', { itemId, title: 'Accounts' });
    await together(s, () => itemOf(a, itemId)?.title === 'Accounts');
    for (const l of s.laptops) expect(allConflicts(l, s.boardId)).toEqual([]);
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('keeps two different fields of one item changed apart, both, with nothing listed', async () => {
    const { s, itemId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    ok(a, 'updateAgendaItem', { itemId, title: 'Budget' });
    ok(b, 'updateAgendaItem', { itemId, presenter: 'The treasurer' });
    await together(s, () => s.laptops.every((l) => itemOf(l, itemId)?.title === 'Budget' && itemOf(l, itemId)?.presenter === 'The treasurer'));
    for (const l of s.laptops) expect(allConflicts(l, s.boardId)).toEqual([]);
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists no field for the numbers and references renumbered when each laptop adds an item (and an action) apart', async () => {
    const { s, itemId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    const first = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, afterItemId: null, title: 'Ann’s item' }).item.id;
    ok(a, 'addAction', { itemId: first, details: 'Ann’s action', owners: [], due: '' });
    const second = ok<{ item: { id: string } }>(b, 'addAgendaItem', { meetingId: s.draftId, afterItemId: null, title: 'Brian’s item' }).item.id;
    ok(b, 'addAction', { itemId: second, details: 'Brian’s action', owners: [], due: '' });
    ok(b, 'addAction', { itemId, details: 'Another action', owners: [], due: '' });
    await together(s, () => s.laptops.every((l) => itemOf(l, first) !== undefined && itemOf(l, second) !== undefined));
    await together(s);
    for (const l of s.laptops) expect(allConflicts(l, s.boardId)).toEqual([]);
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);
});
