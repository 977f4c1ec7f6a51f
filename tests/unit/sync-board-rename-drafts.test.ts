// A shared board renamed on one laptop: its draft minutes take the new name there (boards.ts), and
// every other laptop's drafts must too. The rename once reached the others' board but not their
// drafts (the write named only the board, so the drafts' documents were never compared), so the
// laptops' minutes differed.
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { expectSame, sharedSample } from '../helpers/syncScripts';

const draftNames = (core: Core, boardId: string): string[] =>
  core.store!.db.prepare("SELECT board_name FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY id").pluck().all(boardId) as string[];

it('gives the shared board’s draft minutes its new name on every laptop', async () => {
  const s = await sharedSample(['a', 'b']);
  const [a, b] = s.laptops as [Core, Core];
  ok(a, 'renameBoard', { boardId: s.boardId, name: 'Children’s Safeguarding Partnership' });
  expect(draftNames(a, s.boardId).length).toBeGreaterThan(0);
  expect(draftNames(a, s.boardId).every((n) => n === 'Children’s Safeguarding Partnership')).toBe(true);
  await until([a, b], () => inStep([a, b], s.boardId) && JSON.stringify(draftNames(b, s.boardId)) === JSON.stringify(draftNames(a, s.boardId)), 'the drafts renamed on b');
  expectSame([a, b], s.boardId);
  await s.server.stop();
}, 120_000);
