// TEST SETUP ONLY: the minutes of the Executive Board of 19 February 2014 (tests/fixtures),
// entered through the API as the app would: the sample board (roster and attendance), then
// items with their discussion (as Lexical JSON, with a list and emphasis), decisions and the
// 13 actions with their owners. Works against core in-process or the browser host over HTTP.
import fixture from '../fixtures/2014-02-19.json' with { type: 'json' };
import { bulletListNode, discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';

export type ApiCall = (method: string, payload: unknown) => Promise<unknown>;

export const FIXTURE_BOARD = 'Southwark Safeguarding Children Executive Board (sample)';
export const FIXTURE_DATE = '2014-02-19';
export const LATER_DATE = '2014-04-10';

interface FixtureItem {
  number: string;
  title: string;
  discussion: string[];
  decisions: string[];
  actions: Array<{ ref: string; details: string; owner: string }>;
}

const ITEMS = fixture.items as FixtureItem[];

/** Item 6 has no text of its own in the original (only 6a, 6b, 6c): it needs a title here. */
export const ITEM_6_TITLE = 'Performance and quality assurance';

/** The four proposals of item 1a, typed as a bulleted list (the original runs them into a sentence). */
export const ITEM_1A_LIST = [
  'standard terms of reference for sub groups',
  'creation of private fostering and children missing sub groups',
  'a challenge panel approach to the s11 safeguarding reporting process for 2014',
  'an independent chair for the audit and learning sub group',
];

/** A discussion as the editor saves it (Lexical JSON), and the plain text core derives from it. */
export function discussionOf(item: FixtureItem): { json: string; text: string } {
  const blocks: unknown[] = [];
  const lines: string[] = [];
  item.discussion.forEach((p, i) => {
    if (item.number === '1a' && i === 0) {
      // "AF explained the proposals for:" in bold-italic lead-in, then the list.
      blocks.push(paragraphNode([textNode('AF explained the proposals for:', 1 | 2)]), bulletListNode(ITEM_1A_LIST));
      lines.push('AF explained the proposals for:', ...ITEM_1A_LIST.map((l) => `- ${l}`));
      return;
    }
    blocks.push(paragraphNode([textNode(p)]));
    lines.push(p);
  });
  return { json: discussionRootJson(blocks), text: lines.join('\n') };
}

export interface SeededMinutes {
  boardId: string;
  meetingId: string;
  laterMeetingId: string;
  /** Item number -> id, including item 6. */
  items: Record<string, string>;
  /** The action references in the order the minutes print them. */
  references: string[];
  /** Action details in the same order. */
  actionDetails: string[];
}

export const FIXTURE_ITEMS = ITEMS;

export async function seedFixtureMinutes(call: ApiCall): Promise<SeededMinutes> {
  const { board } = (await call('loadSampleBoard', { attendanceOnly: true })) as { board: { id: string } };
  const meetings = (await call('listMeetings', { boardId: board.id })) as Array<{ id: string; date: string }>;
  const meeting = meetings.find((m) => m.date === FIXTURE_DATE);
  const later = meetings.find((m) => m.date === LATER_DATE);
  if (!meeting || !later) throw new Error('The sample board has no meeting of 19 February / 10 April 2014');
  const roster = (await call('listRoster', { boardId: board.id })) as Array<{ id: string; initials: string }>;
  const memberOf = new Map(roster.map((r) => [r.initials.toUpperCase(), r.id]));

  const items: Record<string, string> = {};
  const references: string[] = [];
  const actionDetails: string[] = [];
  let after: string | null = null;
  const add = async (number: string, title: string): Promise<string> => {
    const parentNumber = /^\d+[a-z]$/.test(number) ? number.slice(0, -1) : null;
    const parentId = parentNumber ? (items[parentNumber] ?? null) : null;
    const { item } = (await call('addAgendaItem', { meetingId: meeting.id, parentId, afterItemId: parentId ? null : after, title })) as {
      item: { id: string; number: string };
    };
    if (item.number !== number) throw new Error(`Expected item ${number}, got ${item.number}`);
    items[number] = item.id;
    if (!parentId) after = item.id;
    return item.id;
  };

  for (const f of ITEMS) {
    if (f.number === '6a' && !items['6']) await add('6', ITEM_6_TITLE);
    const itemId = await add(f.number, f.title);
    const discussion = discussionOf(f);
    await call('saveDiscussion', { itemId, json: discussion.json });
    for (const d of f.decisions) await call('addDecision', { itemId, text: d });
    for (const a of f.actions) {
      const owners = [...a.owner.matchAll(/\b[A-Z]{2,3}\b/g)]
        .map((m) => memberOf.get(m[0]))
        .filter((id): id is string => !!id)
        .map((memberId) => ({ memberId }));
      const due = a.ref === '4' || a.ref === '11' ? 'next meeting' : undefined;
      const action = (await call('addAction', { itemId, details: a.details, owners, ...(due ? { due } : {}) })) as { reference: string };
      references.push(action.reference);
      actionDetails.push(a.details);
    }
  }
  return { boardId: board.id, meetingId: meeting.id, laterMeetingId: later.id, items, references, actionDetails };
}

/** A call function for core in-process (vitest). */
export function inProcess(core: { call(method: unknown, payload: unknown): { ok: boolean; value?: unknown; error?: { code: string; message: string } } }): ApiCall {
  return async (method, payload) => {
    const r = core.call(method, payload);
    if (!r.ok) throw new Error(`${method} failed: ${r.error?.code}: ${r.error?.message}`);
    return r.value;
  };
}

/** A call function for the browser host over HTTP, with the run's token. */
export function overHttp(origin: string, token: string): ApiCall {
  return async (method, payload) => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-matters-arising-token': token },
      body: JSON.stringify(payload),
    });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method} failed: ${body.error?.code}: ${body.error?.message}`);
    return body.value;
  };
}
