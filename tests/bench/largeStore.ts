// The large store for benchmarks, built deterministically from a seed through core's own
// API calls. For speed, each meeting's calls run inside one outer transaction: core's own
// transactions nest as savepoints, so the rules and the rows are exactly those of calls made
// one by one (tests/unit/large-store.test.ts proves the two give the same data).
import type { Core } from '../../electron/core/app';
import { methodNames, type BoardSummary, type MeetingDetail, type MethodName, type MinutesItem, type RosterMember } from '../../shared/contract';
import { suggestInitials } from '../../shared/domain/initials';

export interface LargeStoreSpec {
  seed: number;
  boards: number;
  meetingsPerBoard: number;
  itemsPerMeeting: number;
  actionsPerMeeting: number;
  membersPerBoard: number;
  firstYear: number;
  /** One outer transaction per meeting (fast); false makes every call its own transaction. */
  batched: boolean;
}

export const LARGE_STORE: LargeStoreSpec = {
  seed: 20140219,
  boards: 10,
  meetingsPerBoard: 250,
  itemsPerMeeting: 30,
  actionsPerMeeting: 20,
  membersPerBoard: 24,
  firstYear: 2001,
  batched: true,
};

/**
 * The large store at a fraction or multiple of its size: as many boards, each with `scale` times
 * the meetings (so as many years of minutes scaled), everything else per meeting the same.
 */
export function scaledSpec(scale: number): LargeStoreSpec {
  return { ...LARGE_STORE, meetingsPerBoard: Math.max(1, Math.round(LARGE_STORE.meetingsPerBoard * scale)) };
}

export interface BuiltStore {
  boards: string[];
  /** Per board, its meetings in date order. */
  meetings: Map<string, string[]>;
  counts: { meetings: number; items: number; actions: number; decisions: number; updates: number };
}

/** What the generator reads back from matters arising (see shared/api.ts for the whole shape). */
interface CarriedEntry {
  actionId: string;
  timesCarried: number;
}

/** How many meetings an action stays open: most close within four; some linger for years. */
function lifetime(rand: () => number): number {
  const roll = rand();
  if (roll < 0.06) return Number.POSITIVE_INFINITY;
  if (roll < 0.35) return 1;
  if (roll < 0.65) return 2;
  if (roll < 0.85) return 3;
  return 4;
}

/**
 * The meeting's matters arising, as an administrator records them: every unfinished action of
 * earlier meetings is carried in, and each gets an update (done once its time is up, else in
 * progress); actions that linger get an update only now and then.
 */
function recordProgress(core: Core, rand: () => number, meetingId: string, lifetimes: Map<string, number>, counts: BuiltStore['counts']): void {
  must(core, 'carryForward', { meetingId });
  const arising = must<{ entries?: CarriedEntry[]; actions?: CarriedEntry[] }>(core, 'getMattersArising', { meetingId });
  for (const entry of arising.entries ?? arising.actions ?? []) {
    const life = lifetimes.get(entry.actionId) ?? 1;
    const finite = Number.isFinite(life);
    if (!finite && rand() > 0.1) continue;
    const done = finite && entry.timesCarried >= life;
    const status = done ? (rand() < 0.92 ? 'done' : 'dropped') : 'in_progress';
    must(core, 'recordActionUpdate', { meetingId, actionId: entry.actionId, text: words(rand, 5 + Math.floor(rand() * 12)), status });
    counts.updates++;
  }
}

/** mulberry32: small, fast, and the same sequence everywhere for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'board agreed the strategy partnership safeguarding children young people report update performance data health ' +
  'agencies services referrals assessment review plan framework outcomes priority subgroup audit learning chair ' +
  'members progress action training schools police probation housing commissioning analysis scrutiny risk profile ' +
  'support early help neglect exploitation missing fostering annual budget evidence quality assurance practice ' +
  'improvement consultation governance arrangements delivery workforce capacity pathway protocol panel information'
).split(' ');
const FIRST = 'Ann Elaine Michael Romi Geri Neil Claudina Mary Ros Deborah Justin Rory Gordon Becky Jonathon Tina Tom Roisin Jackie Kerry Merril Abdu Fiona Ruth Andrew Eva'.split(' ');
const LAST = 'Flynn Allegretti OConnor Bowen Scott Hutchinson Tuitt Mason Healy Parker Armstrong Patterson McCulloch Canning Toy Hawkins Sawyer Madden Cook Crichlow Haeusler Mohiddin Russell Wallis Bland Edohen'.split(' ');
const TITLES = ['Performance management', 'Child sexual exploitation', 'Private fostering', 'Horizon scan', 'Early help', 'Annual report', 'Audit and learning', 'Training programme', 'Health subgroup update', 'Section 11 audit', 'Budget', 'Any other business'];

interface Text {
  json: string;
  text: string;
}

function words(rand: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'board');
  const sentence = out.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function textNode(text: string, format = 0): Record<string, unknown> {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

/** A discussion as the editor stores it: paragraphs of varied length, sometimes a bulleted list. */
export function discussion(rand: () => number, initials: readonly string[]): Text {
  const children: Record<string, unknown>[] = [];
  const lines: string[] = [];
  const paragraphs = 1 + Math.floor(rand() * 4);
  for (let p = 0; p < paragraphs; p++) {
    const who = initials[Math.floor(rand() * initials.length)] ?? 'MOC';
    const body = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => words(rand, 8 + Math.floor(rand() * 20))).join(' ');
    const text = `${who} ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
    children.push({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [textNode(text)] });
    lines.push(text);
    if (rand() < 0.25) {
      const items = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => words(rand, 4 + Math.floor(rand() * 8)));
      children.push({
        type: 'list',
        version: 1,
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        direction: 'ltr',
        format: '',
        indent: 0,
        children: items.map((t, i) => ({ type: 'listitem', version: 1, value: i + 1, direction: 'ltr', format: '', indent: 0, children: [textNode(t)] })),
      });
      lines.push(...items.map((t) => `- ${t}`));
    }
  }
  return { json: JSON.stringify({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } }), text: lines.join('\n') };
}

function must<T>(core: Core, method: string, payload: unknown): T {
  const response = core.call(method, payload);
  if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

function meetingDates(rand: () => number, firstYear: number, count: number): string[] {
  const dates: string[] = [];
  const perYear = 10;
  for (let i = 0; i < count; i++) {
    const year = firstYear + Math.floor(i / perYear);
    const month = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11][i % perYear] ?? 1;
    const day = 3 + Math.floor(rand() * 24);
    dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return dates;
}

/** One meeting's minutes: items and sub-items with discussion, decisions, and actions with owners and dues. */
function writeMeeting(
  core: Core,
  rand: () => number,
  meetingId: string,
  spec: LargeStoreSpec,
  roster: RosterMember[],
  counts: BuiltStore['counts'],
  lifetimes: Map<string, number>,
): void {
  const initials = roster.map((m) => m.initials);
  const items: MinutesItem[] = [];
  let parent: string | null = null;
  for (let i = 0; i < spec.itemsPerMeeting; i++) {
    const sub: boolean = parent !== null && rand() < 0.35;
    const title = `${TITLES[Math.floor(rand() * TITLES.length)]}${sub ? ' – update' : ''}`;
    const added: { item: MinutesItem } = must(core, 'addAgendaItem', { meetingId, title, parentId: sub ? parent : null });
    if (!sub) parent = added.item.id;
    items.push(added.item);
    const d = discussion(rand, initials);
    must(core, 'saveDiscussion', { itemId: added.item.id, json: d.json });
    if (rand() < 0.35) {
      must(core, 'addDecision', { itemId: added.item.id, text: words(rand, 6 + Math.floor(rand() * 10)) });
      counts.decisions++;
    }
  }
  counts.items += items.length;
  for (let a = 0; a < spec.actionsPerMeeting; a++) {
    const item = items[Math.floor(rand() * items.length)]!;
    const ownerCount = rand() < 0.3 ? 2 : 1;
    const owners = Array.from({ length: ownerCount }, () => ({ memberId: roster[Math.floor(rand() * roster.length)]!.id }));
    const dueRoll = rand();
    const due = dueRoll < 0.45 ? 'next meeting' : dueRoll < 0.8 ? `end of ${['March', 'June', 'September', 'December'][Math.floor(rand() * 4)]}` : '';
    const action = must<{ id: string }>(core, 'addAction', { itemId: item.id, details: words(rand, 6 + Math.floor(rand() * 16)), owners, due });
    lifetimes.set(action.id, lifetime(rand));
  }
  counts.actions += spec.actionsPerMeeting;
}

/**
 * Builds the store through core. `onMeeting` runs after each meeting (progress, and later
 * the matters-arising updates that belong to the meeting).
 */
export function buildLargeStore(core: Core, spec: LargeStoreSpec, onMeeting?: (done: number, total: number) => void): BuiltStore {
  const db = core.store?.db;
  if (!db) throw new Error('The store is not open.');
  const rand = prng(spec.seed);
  const built: BuiltStore = { boards: [], meetings: new Map(), counts: { meetings: 0, items: 0, actions: 0, decisions: 0, updates: 0 } };
  // Matters arising (carry-forward and progress) is recorded when the app has it.
  const arising = methodNames.includes('carryForward' as MethodName) && methodNames.includes('recordActionUpdate' as MethodName);
  const lifetimes = new Map<string, number>();
  const total = spec.boards * spec.meetingsPerBoard;
  const inBatch = <T>(fn: () => T): T => (spec.batched ? db.transaction(fn)() : fn());

  for (let b = 0; b < spec.boards; b++) {
    const board = inBatch(() => {
      const created = must<BoardSummary>(core, 'createBoard', { name: `Safeguarding Board ${b + 1}`, shortCode: `SB${b + 1}` });
      const taken = new Set<string>();
      for (let m = 0; m < spec.membersPerBoard; m++) {
        const first = FIRST[(m + b) % FIRST.length]!;
        const last = LAST[(m * 7 + b) % LAST.length]!;
        const initials = suggestInitials(`${first} ${last}`, taken);
        taken.add(initials);
        must(core, 'addRosterMember', { boardId: created.id, fullName: `${first} ${last}`, initials, role: 'Board member' });
      }
      return created;
    });
    built.boards.push(board.id);
    const roster = must<RosterMember[]>(core, 'listRoster', { boardId: board.id });
    const ids: string[] = [];
    for (const date of meetingDates(rand, spec.firstYear, spec.meetingsPerBoard)) {
      inBatch(() => {
        const meeting = must<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date, startTime: '10:00', endTime: '12:30', venue: '160 Tooley Street, SE1' });
        if (arising && ids.length > 0) recordProgress(core, rand, meeting.id, lifetimes, built.counts);
        ids.push(meeting.id);
        writeMeeting(core, rand, meeting.id, spec, roster, built.counts, lifetimes);
      });
      built.counts.meetings++;
      onMeeting?.(built.counts.meetings, total);
    }
    built.meetings.set(board.id, ids);
  }
  return built;
}
