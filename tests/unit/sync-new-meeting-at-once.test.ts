// A meeting created on a shared board and changed straight away (items added, minutes circulated)
// reaches the other laptop whole, whatever the timing: online, and made offline then reconnected.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

let s: SharedSample | null = null;
afterEach(async () => {
  await s?.server.stop();
  s = null;
});

const meetingOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string | undefined;
const titlesOf = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE meeting_id = ? ORDER BY title').pluck().all(id) as string[];

/** A new meeting a year after the board's draft, two items at once, then circulated: all in one go. */
function newMeetingAtOnce(a: Core, boardId: string, draftId: string): string {
  const date = a.store!.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draftId) as string;
  const id = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
  ok(a, 'addAgendaItem', { meetingId: id, title: 'Apologies for absence' });
  ok(a, 'addAgendaItem', { meetingId: id, title: 'Budget monitoring' });
  ok(a, 'circulateMinutes', { meetingId: id });
  return id;
}

describe('a meeting created and changed at once on a shared board', () => {
  it('reaches the other laptop with its items and state while both are online', async () => {
    s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const id = newMeetingAtOnce(a, s.boardId, s.draftId);
    await until(s.laptops, () => inStep(s!.laptops, s!.boardId) && meetingOf(b, id) === 'circulated' && titlesOf(b, id).length === 2);
    expect(titlesOf(b, id)).toEqual(['Apologies for absence', 'Budget monitoring']);
    expectSame(s.laptops, s.boardId);
  });

  it('reaches the other laptop when it was made offline and the server comes back', async () => {
    s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    await allOffline(s);
    const id = newMeetingAtOnce(a, s.boardId, s.draftId);
    await together(s, () => meetingOf(b, id) === 'circulated' && titlesOf(b, id).length === 2);
    expect(titlesOf(b, id)).toEqual(['Apologies for absence', 'Budget monitoring']);
    expectSame(s.laptops, s.boardId);
  });
});
