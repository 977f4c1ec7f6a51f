// Scripts of what laptops sharing a board do, for the sync property test: the world they share
// (a board with two seeded discussions in its draft, and circulated minutes to agree), each
// operation run as a real API call on a real core (or a network cut, a server or laptop restart),
// its acknowledged writes recorded in the model (syncModel.ts), and waiting until all are in step.
import path from 'node:path';
import type { Core } from '../../electron/core/app';
import { formatInvitation, parseInvitation } from '../../shared/domain/invitation';
import { ok, okAsync, tempCore, tempDir } from './temp';
import { boardsState, bounded, engineOf, inStep, until, WAIT_MS } from './syncLaptops';
import { pendingCount } from '../../electron/core/sync/updateStore';
import type { TestSyncServer } from './syncServer';
import { laptopNetwork, type LaptopNetwork } from './syncProxy';
import { emptyModel, paragraphsOf, REMOVED, stampOf, statusEvents, writesSeen, type ItemWrite, type Model, type WriteWhat } from './syncModel';
import type { Op } from './syncOps';

export { paragraphsOf } from './syncModel';

export interface Laptop {
  core: Core;
  readonly file: string;
  readonly network: LaptopNetwork;
}

export interface World {
  server: TestSyncServer;
  boardId: string;
  draft: string;
  laptops: Laptop[];
  /** The draft's two items with discussions the scripts type in. */
  seededItems: string[];
  /** Actions carried into the draft (statuses and progress are recorded on them). */
  carried: string[];
  /** Roster members whose attendance at the draft is recorded. */
  members: string[];
  /** Circulated minutes (one item with a discussion), and the later meeting that agrees them. */
  circulated: { meetingId: string; itemId: string; atMeetingId: string };
  serverUp: boolean;
  model: Model;
  counter: number;
}

const PARAGRAPHS = ['The report was presented.', 'Questions were taken.', 'The board noted the report.'];

export function discussionJson(texts: string[]): string {
  const text = (t: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
  const paragraph = (t: string) => ({ children: t ? [text(t)] : [], direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 });
  return JSON.stringify({ root: { children: texts.map(paragraph), direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}

/** Calls a method; a refusal in words (not an internal error) is allowed and means "not acknowledged". */
function attempt<T>(core: Core, method: string, payload: unknown): T | null {
  const response = core.call(method, payload);
  if (response.ok) return response.value as T;
  if (response.error.code === 'internal') throw new Error(`${method} failed inside core: ${response.error.message}`);
  return null;
}

/**
 * The first laptop loads the sample board, seeds two discussions in its draft, makes circulated
 * minutes (dated after the draft, so the draft stays the board's latest but one) with a later
 * meeting to agree them at, and shares; the others join through their own networks.
 */
export async function setUp(server: TestSyncServer, count: number): Promise<World> {
  const folder = tempDir();
  const laptops: Laptop[] = [];
  const first = await step(null, tempCore(path.join(folder, 'laptop-0.sqlite')), 'laptop 0 opened');
  const { board } = ok<{ board: { id: string } }>(first, 'loadSampleBoard', {});
  const db = first.store!.db;
  const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
  const seededItems = ['Finance report', 'Safeguarding audit'].map((title) => {
    const { item } = ok<{ item: { id: string } }>(first, 'addAgendaItem', { meetingId: draft, title });
    ok(first, 'saveDiscussion', { itemId: item.id, json: discussionJson(PARAGRAPHS) });
    return item.id;
  });
  const carried = db
    .prepare("SELECT c.action_id FROM carried_actions c JOIN actions a ON a.id = c.action_id WHERE c.meeting_id = ? AND a.status IN ('open', 'in_progress') ORDER BY c.position LIMIT 2")
    .pluck()
    .all(draft) as string[];
  const members = db.prepare('SELECT id FROM board_members WHERE board_id = ? ORDER BY id LIMIT 3').pluck().all(board.id) as string[];
  const date = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draft) as string;
  const year = Number(date.slice(0, 4));
  const circulatedId = ok<{ id: string }>(first, 'createMeeting', { boardId: board.id, date: `${year + 1}${date.slice(4)}` }).id;
  const atMeetingId = ok<{ id: string }>(first, 'createMeeting', { boardId: board.id, date: `${year + 2}${date.slice(4)}` }).id;
  const { item: circulatedItem } = ok<{ item: { id: string } }>(first, 'addAgendaItem', { meetingId: circulatedId, title: 'Budget monitoring' });
  ok(first, 'saveDiscussion', { itemId: circulatedItem.id, json: discussionJson([PARAGRAPHS[0]!]) });
  ok(first, 'circulateMinutes', { meetingId: circulatedId });
  const network0 = await step(null, laptopNetwork(server.server.port), 'laptop 0 network listening');
  const { invitation } = await step(null, okAsync<{ invitation: string }>(first, 'shareBoard', { boardId: board.id, serverUrl: network0.url }), 'board shared by laptop 0');
  laptops.push({ core: first, file: first.store!.file, network: network0 });
  // The share call answers once the documents are built here, perhaps before the server holds them:
  // a join before that is refused ("no board for this invitation yet"). Joined once all is acknowledged.
  await until([first], () => engineOf(first).boards.get(board.id)?.wire?.settled() === true && pendingCount(first.store!.db, board.id) === 0, 'board synced by laptop 0');
  const parsed = parseInvitation(invitation);
  if ('error' in parsed) throw new Error(parsed.error);
  for (let i = 1; i < count; i++) {
    const network = await step(null, laptopNetwork(server.server.port), `laptop ${i} network listening`);
    const core = await step(null, tempCore(path.join(folder, `laptop-${i}.sqlite`)), `laptop ${i} opened`);
    await step(null, okAsync(core, 'joinSharedBoard', { invitation: formatInvitation({ ...parsed, serverUrl: network.url }) }), `board joined by laptop ${i}`);
    laptops.push({ core, file: core.store!.file, network });
  }
  const titles = new Map<string, Set<string>>();
  for (const r of db.prepare('SELECT id, title FROM agenda_items WHERE meeting_id IN (?, ?)').all(draft, circulatedId) as Array<{ id: string; title: string }>) titles.set(r.id, new Set([r.title]));
  const paragraphs = new Map([...seededItems.map((id): [string, number] => [id, PARAGRAPHS.length]), [circulatedItem.id, 1]]);
  return {
    server,
    boardId: board.id,
    draft,
    laptops,
    seededItems,
    carried,
    members,
    circulated: { meetingId: circulatedId, itemId: circulatedItem.id, atMeetingId },
    serverUp: true,
    counter: 0,
    model: emptyModel(titles, paragraphs),
  };
}

/** Resolves when `ready()` holds (checked on every event of every laptop's engine), or fails after `ms` saying what was awaited. */
export async function within(world: World, ms: number, what: string, ready: () => boolean): Promise<void> {
  let waiting = true;
  const wait = async () => {
    while (waiting && !ready()) await Promise.race(world.laptops.map((l) => engineOf(l.core).until(ready)));
  };
  try {
    await bounded(wait(), ms, what, () => describe(world));
  } finally {
    waiting = false;
  }
}

/** `promise` (a server, network or laptop starting or stopping), or a failure after WAIT_MS naming it. */
export const step = <T>(world: World | null, promise: Promise<T>, what: string): Promise<T> => bounded(promise, WAIT_MS, what, () => (world ? describe(world) : ''));

/** Each laptop's board state, for a failure message. */
export function describe(world: World): string {
  return world.laptops.map((l, i) => `laptop ${i}: network ${l.network.online ? 'up' : 'cut'}, ${boardsState(l.core)}`).join('; ');
}

const projectionError = (world: World): string | null => {
  for (const l of world.laptops) {
    const e = engineOf(l.core).boards.get(world.boardId)?.lastError;
    if (e) return e;
  }
  return null;
};

/** Waits until every laptop is in step, failing at once if one could not apply what it received. */
export async function settle(world: World, laptops: Laptop[] = world.laptops): Promise<void> {
  await within(world, 120_000, 'in step', () => inStep(laptops.map((l) => l.core), world.boardId) || projectionError(world) !== null);
  const error = projectionError(world);
  if (error) throw new Error(`a laptop refused what it received: ${error}`);
}

/** Types a word into a paragraph of an item's discussion on one laptop; returns it if acknowledged. */
function typeWord(core: Core, itemId: string, paragraph: number, atStart: boolean, w: string): boolean {
  const texts = paragraphsOf(core, itemId);
  if (texts.length <= paragraph) return false;
  texts[paragraph] = atStart ? `${w} ${texts[paragraph]}` : `${texts[paragraph]} ${w}`;
  return attempt(core, 'saveDiscussion', { itemId, json: discussionJson(texts) }) !== null;
}

export async function run(world: World, op: Op): Promise<void> {
  const { model } = world;
  const n = world.laptops.length;
  const index = 'laptop' in op ? op.laptop % n : 0;
  const laptop = world.laptops[index]!;
  const core = laptop.core;
  const db = () => core.store!.db;
  const word = () => `w${++world.counter}`;
  const itemsHere = () => db().prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY number').pluck().all(world.draft) as string[];
  const pick = (i: number): string | undefined => {
    const items = itemsHere();
    return items[i % Math.max(1, items.length)];
  };
  /** Records an acknowledged write of an item, where it sits in this laptop's document. */
  const wrote = (meeting: string, item: string, write: WriteWhat) =>
    model.writes.push({ ...stampOf(core, world.boardId, meeting), meeting, item, laptop: index, ...write } as ItemWrite);
  switch (op.kind) {
    case 'edit': {
      const itemId = world.seededItems[op.item]!;
      const w = word();
      if (typeWord(core, itemId, op.paragraph, op.atStart, w)) wrote(world.draft, itemId, { what: 'word', paragraph: op.paragraph, word: w });
      return;
    }
    case 'addItem': {
      const title = `Item ${word()}`;
      const made = attempt<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: world.draft, title });
      if (made) model.titles.set(made.item.id, new Set([title]));
      return;
    }
    case 'rename': {
      const itemId = pick(op.item);
      const title = `Renamed ${word()}`;
      if (itemId && attempt(core, 'updateAgendaItem', { itemId, title })) {
        model.titles.get(itemId)?.add(title);
        wrote(world.draft, itemId, { what: 'title', title });
      }
      return;
    }
    case 'deleteItem': {
      const itemId = pick(op.item);
      if (!itemId) return;
      // Its sub-items go with it.
      const ids = [itemId, ...(db().prepare('SELECT id FROM agenda_items WHERE parent_id = ?').pluck().all(itemId) as string[])];
      const seen = ids.map((id) => ({ item: id, seen: writesSeen(model, core, world.boardId, world.draft, id) }));
      if (attempt(core, 'deleteAgendaItem', { itemId })) model.deletions.push(...seen);
      return;
    }
    case 'addDecision': {
      const itemId = pick(op.item);
      const text = `Decision ${word()}`;
      if (itemId && attempt(core, 'addDecision', { itemId, text })) wrote(world.draft, itemId, { what: 'decision', text });
      return;
    }
    case 'addAction': {
      const itemId = pick(op.item);
      const details = `Action ${word()}`;
      const made = itemId ? attempt<{ id: string }>(core, 'addAction', { itemId, details }) : null;
      if (itemId && made) wrote(world.draft, itemId, { what: 'action', id: made.id, details });
      return;
    }
    case 'progress':
    case 'status': {
      const actionId = world.carried[op.action % world.carried.length];
      if (!actionId) return;
      const seen = statusEvents(core, world.boardId, actionId);
      const text = `Progress ${word()}`;
      const done =
        op.kind === 'progress'
          ? attempt(core, 'recordActionProgress', { actionId, date: '2014-05-01', text, status: op.status })
          : attempt(core, 'recordActionUpdate', { meetingId: world.draft, actionId, status: op.status });
      if (!done) return;
      if (op.kind === 'progress') model.progress.push(text);
      const event = [...statusEvents(core, world.boardId, actionId)].find((e) => !seen.has(e)) ?? null;
      model.statuses.push({ laptop: index, action: actionId, status: op.status, event, seen });
      return;
    }
    case 'member': {
      const w = word();
      const fullName = `Member ${w}`;
      if (attempt(core, 'addRosterMember', { boardId: world.boardId, fullName, initials: `M${w}` })) model.members.push(fullName);
      return;
    }
    case 'attendance': {
      const memberId = world.members[op.member % world.members.length];
      if (!memberId) return;
      const changes = [{ kind: 'member', memberId, status: op.status }];
      if (attempt(core, 'recordAttendance', { meetingId: world.draft, changes })) model.attendance.set(memberId, (model.attendance.get(memberId) ?? new Set()).add(op.status));
      return;
    }
    case 'removeAttendance': {
      const memberId = world.members[op.member % world.members.length];
      // Only a row this laptop holds is removed (removing what is not there changes nothing).
      if (!memberId || core.store!.db.prepare('SELECT 1 FROM attendance WHERE meeting_id = ? AND member_id = ?').get(world.draft, memberId) === undefined) return;
      const changes = [{ kind: 'member', memberId, status: null }];
      if (attempt(core, 'recordAttendance', { meetingId: world.draft, changes })) model.attendance.set(memberId, (model.attendance.get(memberId) ?? new Set()).add(REMOVED));
      return;
    }
    case 'agree': {
      const { meetingId, atMeetingId } = world.circulated;
      // Refused (not acknowledged) where the minutes are agreed already; a laptop apart agrees them too.
      const seen = writesSeen(model, core, world.boardId, meetingId, null);
      if (!attempt(core, 'agreeMinutes', { meetingId, atMeetingId })) return;
      const { storedHash } = ok<{ storedHash: string }>(core, 'verifyMinutes', { meetingId });
      model.agreements.push({ meetingId, seen, hash: storedHash });
      return;
    }
    case 'agreeApart': {
      const other = (index + 1) % n;
      for (const i of [index, other]) await run(world, { kind: 'offline', laptop: i });
      // Each with an edit the other has not (the first its title or a word, the second the other), then agreed.
      await run(world, { kind: 'editCirculated', laptop: index, title: op.title });
      await run(world, { kind: 'agree', laptop: index });
      await run(world, { kind: 'editCirculated', laptop: other, title: !op.title });
      await run(world, { kind: 'agree', laptop: other });
      return;
    }
    case 'editCirculated': {
      const { meetingId, itemId } = world.circulated;
      const w = word();
      if (op.title) {
        const title = `Renamed ${w}`;
        if (attempt(core, 'updateAgendaItem', { itemId, title })) {
          model.titles.get(itemId)?.add(title);
          wrote(meetingId, itemId, { what: 'title', title });
        }
      } else if (typeWord(core, itemId, 0, false, w)) wrote(meetingId, itemId, { what: 'word', paragraph: 0, word: w });
      return;
    }
    case 'offline':
      laptop.network.cut();
      return;
    case 'online':
      laptop.network.restore();
      return;
    case 'serverDown':
      if (world.serverUp) await step(world, world.server.server.close(), 'server stopped');
      world.serverUp = false;
      return;
    case 'serverUp':
      if (!world.serverUp) await step(world, world.server.restart(), 'server started again');
      world.serverUp = true;
      return;
    case 'restartLaptop':
      laptop.core.close();
      laptop.core = await step(world, tempCore(laptop.file), `laptop ${index} opened again`);
      return;
    case 'settle':
      // Only with everyone reachable (a laptop left offline meanwhile would back off for longer).
      if (world.serverUp && world.laptops.every((l) => l.network.online)) await settle(world);
      return;
  }
}
