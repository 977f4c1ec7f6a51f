// Scripts of what laptops sharing a board do, for the sync property test: the operations (each a
// real API call on a real core, or a network cut, a server or laptop restart), what every
// acknowledged write promises (the model), and the checks made once everyone is in step.
import path from 'node:path';
import fc from 'fast-check';
import type { Core } from '../../electron/core/app';
import { statusLog } from '../../electron/core/sync/actionStatusLog';
import { formatInvitation, parseInvitation } from '../../shared/domain/invitation';
import { okAsync, tempCore, tempDir } from './temp';
import { engineOf, inStep } from './syncLaptops';
import type { TestSyncServer } from './syncServer';
import { laptopNetwork, type LaptopNetwork } from './syncProxy';

export type Op =
  | { kind: 'edit'; laptop: number; item: number; paragraph: number; atStart: boolean }
  | { kind: 'addItem' }
  | { kind: 'rename'; laptop: number; item: number }
  | { kind: 'addAction'; item: number }
  | { kind: 'progress'; laptop: number; action: number; status: 'in_progress' | 'done' | 'deferred' }
  | { kind: 'status'; laptop: number; action: number; status: 'in_progress' | 'done' | 'deferred' }
  | { kind: 'member'; laptop: number }
  | { kind: 'offline'; laptop: number }
  | { kind: 'online'; laptop: number }
  | { kind: 'serverDown' }
  | { kind: 'serverUp' }
  | { kind: 'restartLaptop'; laptop: number }
  | { kind: 'settle' };

const laptopIx = fc.nat(2);
const status = fc.constantFrom('in_progress' as const, 'done' as const, 'deferred' as const);

/**
 * The operations. New items and actions are made on the first laptop only: two laptops adding
 * one offline both take the same provisional number or reference, which is the conflicts work
 * (another part of issue 19), not what this property is about. Nothing is deleted or agreed here
 * for the same reason (item deleted vs edited, agreed vs edited).
 */
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), laptop: laptopIx, item: fc.nat(1), paragraph: fc.nat(2), atStart: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addItem' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), laptop: laptopIx, item: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addAction' as const), item: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('progress' as const), laptop: laptopIx, action: fc.nat(1), status }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), laptop: laptopIx, action: fc.nat(1), status }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('member' as const), laptop: laptopIx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('offline' as const), laptop: laptopIx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), laptop: laptopIx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('serverDown' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('serverUp' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restartLaptop' as const), laptop: laptopIx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const) }) },
);

export interface Laptop {
  core: Core;
  readonly file: string;
  readonly network: LaptopNetwork;
}

/** What the acknowledged writes promise at the end. */
export interface Model {
  /** Words inserted into a seeded item's paragraph: item -> paragraph -> words. */
  words: Map<string, string[][]>;
  /** Every title written for each item (the one shown is one of them). */
  titles: Map<string, Set<string>>;
  /** Actions added, with their details. */
  actions: Map<string, string>;
  /** Between-meeting progress texts recorded. */
  progress: string[];
  /** Statuses recorded in the matters arising: action -> statuses. */
  statuses: Array<{ action: string; status: string }>;
  /** Roster members added (full names). */
  members: string[];
}

export interface World {
  server: TestSyncServer;
  boardId: string;
  draft: string;
  laptops: Laptop[];
  seededItems: string[];
  carried: string[];
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

export function paragraphsOf(core: Core, itemId: string): string[] {
  const json = core.store!.db.prepare('SELECT discussion_json FROM agenda_items WHERE id = ?').pluck().get(itemId) as string | null;
  if (!json) return [];
  const root = JSON.parse(json) as { root: { children: Array<{ children?: Array<{ text?: string }> }> } };
  return root.root.children.map((b) => (b.children ?? []).map((c) => c.text ?? '').join(''));
}

/** Calls a method; a refusal in words (not an internal error) is allowed and means "not acknowledged". */
function attempt<T>(core: Core, method: string, payload: unknown): T | null {
  const response = core.call(method, payload);
  if (response.ok) return response.value as T;
  if (response.error.code === 'internal') throw new Error(`${method} failed inside core: ${response.error.message}`);
  return null;
}

/** The first laptop loads the sample board, seeds two discussions and shares; the others join through their own networks. */
export async function setUp(server: TestSyncServer, count: number): Promise<World> {
  const folder = tempDir();
  const laptops: Laptop[] = [];
  const first = await tempCore(path.join(folder, 'laptop-0.sqlite'));
  const { board } = attempt<{ board: { id: string } }>(first, 'loadSampleBoard', {})!;
  const db = first.store!.db;
  const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
  const seededItems = ['Finance report', 'Safeguarding audit'].map((title) => {
    const { item } = attempt<{ item: { id: string } }>(first, 'addAgendaItem', { meetingId: draft, title })!;
    attempt(first, 'saveDiscussion', { itemId: item.id, json: discussionJson(PARAGRAPHS) });
    return item.id;
  });
  const carried = db
    .prepare("SELECT c.action_id FROM carried_actions c JOIN actions a ON a.id = c.action_id WHERE c.meeting_id = ? AND a.status IN ('open', 'in_progress') ORDER BY c.position LIMIT 2")
    .pluck()
    .all(draft) as string[];
  const network0 = await laptopNetwork(server.server.port);
  const { invitation } = await okAsync<{ invitation: string }>(first, 'shareBoard', { boardId: board.id, serverUrl: network0.url });
  laptops.push({ core: first, file: first.store!.file, network: network0 });
  const parsed = parseInvitation(invitation);
  if ('error' in parsed) throw new Error(parsed.error);
  for (let i = 1; i < count; i++) {
    const network = await laptopNetwork(server.server.port);
    const core = await tempCore(path.join(folder, `laptop-${i}.sqlite`));
    await okAsync(core, 'joinSharedBoard', { invitation: formatInvitation({ ...parsed, serverUrl: network.url }) });
    laptops.push({ core, file: core.store!.file, network });
  }
  const titles = new Map<string, Set<string>>();
  for (const id of db.prepare('SELECT id, title FROM agenda_items WHERE meeting_id = ?').all(draft) as Array<{ id: string; title: string }>) titles.set(id.id, new Set([id.title]));
  return {
    server,
    boardId: board.id,
    draft,
    laptops,
    seededItems,
    carried,
    serverUp: true,
    counter: 0,
    model: { words: new Map(seededItems.map((id) => [id, PARAGRAPHS.map(() => [])])), titles, actions: new Map(), progress: [], statuses: [], members: [] },
  };
}

/** Resolves when `ready()` holds (checked on every event of every laptop's engine), or fails after `ms` saying what was awaited. */
export async function within(world: World, ms: number, what: string, ready: () => boolean): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ${what} within ${ms / 1000} s: ${describe(world)}`)), ms);
  });
  try {
    const wait = async () => {
      while (!ready()) await Promise.race(world.laptops.map((l) => engineOf(l.core).until(ready)));
    };
    await Promise.race([wait(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each laptop's board state, for a failure message. */
export function describe(world: World): string {
  return world.laptops
    .map((l, i) => {
      const b = engineOf(l.core).boards.get(world.boardId);
      return `laptop ${i}: network ${l.network.online ? 'up' : 'cut'}, connected ${String(b?.connected)}, queue ${b?.queue.length}, settled ${String(b?.wire?.settled())}, error ${b?.lastError ?? 'none'}`;
    })
    .join('; ');
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

export async function run(world: World, op: Op): Promise<void> {
  const { model } = world;
  const n = world.laptops.length;
  const laptop = 'laptop' in op ? world.laptops[op.laptop % n]! : world.laptops[0]!;
  const core = laptop.core;
  const db = () => core.store!.db;
  const word = () => `w${++world.counter}`;
  const itemsHere = () => db().prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY number').pluck().all(world.draft) as string[];
  switch (op.kind) {
    case 'edit': {
      const itemId = world.seededItems[op.item]!;
      const texts = paragraphsOf(core, itemId);
      const w = word();
      texts[op.paragraph] = op.atStart ? `${w} ${texts[op.paragraph]}` : `${texts[op.paragraph]} ${w}`;
      if (attempt(core, 'saveDiscussion', { itemId, json: discussionJson(texts) })) model.words.get(itemId)![op.paragraph]!.push(w);
      return;
    }
    case 'addItem': {
      const title = `Item ${word()}`;
      const made = attempt<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: world.draft, title });
      if (made) model.titles.set(made.item.id, new Set([title]));
      return;
    }
    case 'rename': {
      const items = itemsHere();
      const itemId = items[op.item % items.length]!;
      const title = `Renamed ${word()}`;
      if (attempt(core, 'updateAgendaItem', { itemId, title })) model.titles.get(itemId)?.add(title);
      return;
    }
    case 'addAction': {
      const items = itemsHere();
      const details = `Action ${word()}`;
      const made = attempt<{ id: string }>(core, 'addAction', { itemId: items[op.item % items.length]!, details });
      if (made) model.actions.set(made.id, details);
      return;
    }
    case 'progress': {
      const text = `Progress ${word()}`;
      const actionId = world.carried[op.action % world.carried.length];
      if (actionId && attempt(core, 'recordActionProgress', { actionId, date: '2014-05-01', text, status: op.status })) model.progress.push(text);
      return;
    }
    case 'status': {
      const actionId = world.carried[op.action % world.carried.length];
      if (actionId && attempt(core, 'recordActionUpdate', { meetingId: world.draft, actionId, status: op.status })) model.statuses.push({ action: actionId, status: op.status });
      return;
    }
    case 'member': {
      const w = word();
      const fullName = `Member ${w}`;
      if (attempt(core, 'addRosterMember', { boardId: world.boardId, fullName, initials: `M${w}` })) model.members.push(fullName);
      return;
    }
    case 'offline':
      laptop.network.cut();
      return;
    case 'online':
      laptop.network.restore();
      return;
    case 'serverDown':
      if (world.serverUp) await world.server.server.close();
      world.serverUp = false;
      return;
    case 'serverUp':
      if (!world.serverUp) await world.server.restart();
      world.serverUp = true;
      return;
    case 'restartLaptop':
      laptop.core.close();
      laptop.core = await tempCore(laptop.file);
      return;
    case 'settle':
      // Only with everyone reachable (a laptop left offline meanwhile would back off for longer).
      if (world.serverUp && world.laptops.every((l) => l.network.online)) await settle(world);
      return;
  }
}

/** What every acknowledged write promises, checked on one laptop (the others hold the same tables). */
export function modelProblems(world: World, core: Core): string[] {
  const problems: string[] = [];
  const db = core.store!.db;
  for (const [itemId, paragraphs] of world.model.words) {
    const texts = paragraphsOf(core, itemId);
    if (texts.length !== paragraphs.length) problems.push(`item ${itemId} has ${texts.length} paragraphs, not ${paragraphs.length}`);
    paragraphs.forEach((words, p) => {
      const present = (texts[p] ?? '').split(/\s+/);
      for (const w of words) if (present.filter((x) => x === w).length !== 1) problems.push(`“${w}” is not once in paragraph ${p + 1} of ${itemId}: “${texts[p]}”`);
    });
  }
  for (const [itemId, titles] of world.model.titles) {
    const title = db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(itemId) as string | undefined;
    if (title === undefined || !titles.has(title)) problems.push(`item ${itemId} is titled ${String(title)}, none of ${[...titles].join(' / ')}`);
  }
  for (const [actionId, details] of world.model.actions) {
    if (db.prepare('SELECT details FROM actions WHERE id = ?').pluck().get(actionId) !== details) problems.push(`action ${actionId} (${details}) is missing`);
  }
  for (const text of world.model.progress) {
    if (db.prepare('SELECT count(*) FROM between_updates WHERE text = ?').pluck().get(text) !== 1) problems.push(`progress “${text}” is not there once`);
  }
  const log = statusLog(engineOf(core).boards.get(world.boardId)!.replica.board).toArray();
  for (const s of world.model.statuses) {
    if (!log.some((e) => e.action === s.action && e.status === s.status)) problems.push(`status ${s.status} recorded for ${s.action} is not in the status log`);
  }
  for (const name of world.model.members) {
    if (db.prepare('SELECT count(*) FROM people WHERE full_name = ?').pluck().get(name) !== 1) problems.push(`roster member ${name} is not there once`);
  }
  return problems;
}
