// Sync conflicts as the administrator reads them: instants in words on the minutes' clock (never
// a raw ISO instant), and, through `syncConflicts`, where to check each new kind: an item deleted
// and edited leads to the item (to its meeting once the item is gone), agreed minutes edited
// elsewhere lead to the minutes' record panel.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { describeStatusConflict } from '../../electron/core/sync/conflictStatus';
import { formatUkInstant } from '../../shared/domain/dates';
import { ok, tempCore } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, sharedSample, together } from '../helpers/syncScripts';

interface Listed {
  kind: string;
  entityId: string;
  description: string;
  link: unknown;
}
const listed = (core: Core, boardId: string, kind: string): Listed[] => ok<Listed[]>(core, 'syncConflicts', { boardId }).filter((c) => c.kind === kind);
const RAW_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const itemThere = (core: Core, id: string) => core.store!.db.prepare('SELECT 1 FROM agenda_items WHERE id = ?').get(id) !== undefined;

describe('an instant in words', () => {
  it('reads the minutes’ clock (GMT in winter, BST in summer) and leaves anything else as it is', () => {
    expect(formatUkInstant('2026-11-27T01:10:00.000Z')).toBe('27 November 2026 at 1.10 am');
    expect(formatUkInstant('2026-07-01T12:05:00.000Z')).toBe('1 July 2026 at 1.05 pm');
    expect(formatUkInstant('2026-03-31T23:30:00.000Z')).toBe('1 April 2026 at 12.30 am');
    expect(formatUkInstant('not a time')).toBe('not a time');
    expect(formatUkInstant('2026-02-30T10:00:00.000Z')).toBe('2026-02-30T10:00:00.000Z');
  });

  it('is how two statuses recorded apart are described', () => {
    const text = describeStatusConflict({
      reference: 'EB/24/3',
      shown: { status: 'done', by: 'Anna Clarke', at: '2026-11-27T01:10:00.000Z', event: 'e1' },
      other: { status: 'in_progress', by: 'Ben Ortiz', at: '2026-11-26T16:45:00.000Z', event: 'e2' },
    });
    expect(text).toContain('(Anna Clarke, 27 November 2026 at 1.10 am)');
    expect(text).toContain('(Ben Ortiz, 26 November 2026 at 4.45 pm)');
    expect(text).not.toMatch(RAW_INSTANT);
  });
});

describe('sync conflicts through the API', () => {
  it('an item deleted on one laptop and edited on another: described in words, linked to the item, then to its meeting once deleted again', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates strategy' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && itemThere(b, item.id));
    await allOffline(s);
    ok(a, 'deleteAgendaItem', { itemId: item.id });
    ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Estates strategy 2025–2030' });
    await together(s, () => itemThere(a, item.id) && listed(a, s.boardId, 'item_deleted_edited').length === 1 && listed(b, s.boardId, 'item_deleted_edited').length === 1);
    for (const core of [a, b]) {
      const [conflict] = listed(core, s.boardId, 'item_deleted_edited');
      expect(conflict!.description).not.toMatch(RAW_INSTANT);
      expect(conflict!.description).toMatch(/was deleted by .* \(\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}\.\d{2} [ap]m\)/);
      expect(conflict!.link).toEqual({ kind: 'item', meetingId: s.draftId, itemId: item.id });
    }
    ok(a, 'deleteAgendaItem', { itemId: item.id });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && !itemThere(b, item.id));
    for (const core of [a, b]) expect(listed(core, s.boardId, 'item_deleted_edited').map((c) => c.link)).toEqual([{ kind: 'item', meetingId: s.draftId, itemId: null }]);
    await s.server.stop();
  });

  it('minutes agreed on one laptop and edited on another: described in words, linked to the minutes’ record panel', async () => {
    let later = '';
    const s = await sharedSample(['a', 'b'], (a, boardId) => {
      const date = a.store!.db.prepare("SELECT meeting_date FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
      later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    });
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Budget monitoring' });
    ok(a, 'circulateMinutes', { meetingId: s.draftId });
    const status = (core: Core) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(s.draftId);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && status(b) === 'circulated' && itemThere(b, item.id));
    await allOffline(s);
    ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, quarter 2' });
    ok(a, 'agreeMinutes', { meetingId: s.draftId, atMeetingId: later });
    // The agreeing laptop reaches the server first (the editing one is shut meanwhile).
    const bFile = b.store!.file;
    b.close();
    await s.server.restart();
    await until([a], () => inStep([a], s.boardId));
    const b2 = await tempCore(bFile);
    s.laptops = [a, b2];
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && listed(a, s.boardId, 'agreed_edited').length === 1 && listed(b2, s.boardId, 'agreed_edited').length === 1);
    for (const core of s.laptops) {
      const [conflict] = listed(core, s.boardId, 'agreed_edited');
      expect(conflict!.description).not.toMatch(RAW_INSTANT);
      expect(conflict!.description).toMatch(/edited them on another \(\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}\.\d{2} [ap]m\)/);
      expect(conflict!.link).toEqual({ kind: 'record', meetingId: s.draftId });
      const what = core.store!.db.prepare('SELECT what FROM corrections WHERE meeting_id = ?').pluck().get(s.draftId) as string;
      expect(what).toMatch(/laptop \(\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}\.\d{2} [ap]m\) after they had been agreed/);
    }
    await s.server.stop();
  });
});
