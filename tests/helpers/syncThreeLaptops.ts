// Three laptops (Ann, Brian, Chloe) sharing the sample board, each reaching the server through its
// own relay (syncProxy.ts), so a script decides which laptop hears what first, not timing.
import type { Core } from '../../electron/core/app';
import { formatInvitation, parseInvitation } from '../../shared/domain/invitation';
import { ok, okAsync } from './temp';
import { engineOf, inStep, laptop, until } from './syncLaptops';
import { startTestSyncServer, type TestSyncServer } from './syncServer';
import { laptopNetwork, type LaptopNetwork } from './syncProxy';

export interface ThreeLaptops {
  laptops: [Core, Core, Core];
  networks: [LaptopNetwork, LaptopNetwork, LaptopNetwork];
  boardId: string;
  /** The sample board's earliest draft. */
  draftId: string;
  server: TestSyncServer;
}

export async function threeLaptops(): Promise<ThreeLaptops> {
  const server = await startTestSyncServer();
  const users = ['Ann Flynn', 'Brian Lee', 'Chloe Park'];
  const networks: LaptopNetwork[] = [];
  const laptops: Core[] = [];
  for (const [i, user] of users.entries()) {
    networks.push(await laptopNetwork(server.server.port));
    laptops.push(await laptop(`laptop-${i}`, user));
  }
  const [a] = laptops as [Core];
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const { invitation } = await okAsync<{ invitation: string }>(a, 'shareBoard', { boardId: board.id, serverUrl: networks[0]!.url });
  const parsed = parseInvitation(invitation);
  if ('error' in parsed) throw new Error(parsed.error);
  for (const i of [1, 2]) await okAsync(laptops[i]!, 'joinSharedBoard', { invitation: formatInvitation({ ...parsed, serverUrl: networks[i]!.url }) });
  await until(laptops, () => inStep(laptops, board.id));
  const draftId = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date").pluck().get(board.id) as string;
  return { laptops: laptops as [Core, Core, Core], networks: networks as ThreeLaptops['networks'], boardId: board.id, draftId, server };
}

export const connected = (core: Core, boardId: string): boolean => engineOf(core).boards.get(boardId)?.connected === true;
