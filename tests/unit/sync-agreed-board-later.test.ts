// Minutes agreed on one laptop while another edits them, online: the editing laptop may hear of
// the agreement through the minutes' own document before the board's document brings their agreed
// state. Its edit (refused by the server) becomes a proposed correction only once the minutes are
// agreed in its tables; until then the minutes' document waits, unread, so its frozen copy does
// not overwrite the edit. It once failed the projection there ("Only minutes agreed as accurate
// take corrections"): the sync property test's seed 482127888, path 0:2:1:4:7:5:4:7:1:0:2:3:2:2:2:2.
import { expect, it } from 'vitest';
import { startTestSyncServer } from '../helpers/syncServer';
import { modelProblems } from '../helpers/syncModel';
import type { Op } from '../helpers/syncOps';
import { run, settle, setUp } from '../helpers/syncScript';

it('turns an edit of minutes agreed elsewhere into a correction when the board’s agreement arrives after the minutes’ own', async () => {
  const server = await startTestSyncServer();
  const world = await setUp(server, 2);
  const script: Op[] = [
    { kind: 'agree', laptop: 1 },
    { kind: 'status', laptop: 0, action: 0, status: 'in_progress' },
    { kind: 'editCirculated', laptop: 0, title: false },
    { kind: 'editCirculated', laptop: 0, title: false },
    { kind: 'progress', laptop: 0, action: 0, status: 'in_progress' },
    { kind: 'serverUp' },
  ];
  for (const op of script) await run(world, op);
  for (const l of world.laptops) l.network.restore();
  await settle(world);
  for (const l of world.laptops) expect(modelProblems(world.model, l.core, world.boardId, world.draft)).toEqual([]);
}, 120_000);
