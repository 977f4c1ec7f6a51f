// Two laptops apart both click into the same empty discussion for the first time and type: once
// they meet, the discussion is exactly the two texts, in the order Yjs gives them, on both laptops
// and in both windows, with no empty paragraph beside them (issue 19 (b)).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { allOffline, expectSame, sharedSample, together } from '../helpers/syncScripts';
import { paragraphsOf } from '../helpers/syncScript';
import { windowReplica } from '../helpers/syncWindow';

describe('an empty discussion first typed into on two laptops apart', () => {
  it('holds exactly the two texts once they meet, with no empty paragraph', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates strategy' });
    await together(s, () => b.store!.db.prepare('SELECT 1 FROM agenda_items WHERE id = ?').get(item.id) !== undefined);

    await allOffline(s);
    const windowA = windowReplica(a, s.draftId, item.id, 'window-a');
    const windowB = windowReplica(b, s.draftId, item.id, 'window-b');
    // Focus gives each an empty paragraph, sent on its own before the typing (the window sends once typing pauses).
    windowA.focus();
    windowA.send();
    windowB.focus();
    windowB.send();
    windowA.type('The strategy was presented by the director of estates.');
    windowA.send();
    windowB.type('Members asked about the cost of the new depot.');
    windowB.send();
    expect(paragraphsOf(a, item.id)).toEqual(['The strategy was presented by the director of estates.']);
    expect(paragraphsOf(b, item.id)).toEqual(['Members asked about the cost of the new depot.']);

    await together(s, () => paragraphsOf(a, item.id).length > 1 && paragraphsOf(b, item.id).length > 1);
    // Each window takes what its laptop now holds; whatever its editor did with it is sent on, as a window does.
    windowA.catchUp();
    windowB.catchUp();
    windowA.send();
    windowB.send();
    await together(s);
    const merged = paragraphsOf(a, item.id);
    expect([...merged].sort()).toEqual(['Members asked about the cost of the new depot.', 'The strategy was presented by the director of estates.']);
    expect(paragraphsOf(b, item.id)).toEqual(merged);
    expectSame([a, b], s.boardId);
    for (const w of [windowA, windowB]) {
      w.editor.read(() => undefined);
      expect(w.paragraphs()).toEqual(merged);
    }
  });
});
