// The sample board's minutes: both fixture meetings' items, discussion, decisions and actions,
// April's matters arising with the progress it recorded, and February agreed at April, all
// entered through the same core functions (and contract validation) as the app's own calls.
import { contract, type InputOf, type MethodName, type ParsedInputOf } from '../../../shared/contract';
import type { ActionStatus } from '../../../shared/domain/enums';
import { isMattersArisingTitle } from '../../../shared/domain/nextMeeting';
import { readOwners, toOwnerRef } from '../../../shared/domain/owners';
import type { Store } from '../db/open';
import { addAction } from '../actions/actions';
import { markAllInProgress, recordActionUpdate } from '../arising/progress';
import { agreeMinutes, circulateMinutes } from '../lifecycle/lifecycle';
import { addDecision } from '../minutes/decisions';
import { addAgendaItem, getMinutes, saveDiscussion } from '../minutes/minutes';
import { bulletListNode, discussionRootJson, paragraphNode, textNode } from '../../../shared/domain/discussionJson';

const valid = <K extends MethodName>(method: K, payload: InputOf<K>): ParsedInputOf<K> =>
  contract[method].input.parse(payload) as ParsedInputOf<K>;

/** An item as the fixtures give it (text verbatim from the published minutes). */
export interface SampleItem {
  number: string;
  title: string;
  discussion: string[];
  decisions: string[];
  actions: Array<{ ref: string; details: string; owner: string }>;
  deferred?: boolean;
  mattersArising?: Array<{ text: string; refersTo: { meeting: string; ref: string; item: string } | null }>;
}

/**
 * Main items the originals never head (they go from 5 to 6a, and from 1c to 2a): a sub-item
 * needs its main item, so these get a title saying what their sub-items are about.
 */
const MISSING_HEADINGS: Record<string, string> = {
  '2014-02-19/6': 'Performance and quality assurance',
  '2014-04-10/2': 'Sufficiency and outcomes',
};

/** Actions the originals say are to come back "to the next meeting" / "to the next executive board". */
const DUE_NEXT_MEETING = new Set(['2014-02-19/4', '2014-02-19/10', '2014-02-19/11']);

/**
 * What 10 April recorded against February's actions: "All actions were either completed or
 * in train", and the sub-items of its item 1 report on some of them. Those that report the
 * work itself (the governance kept, the shadow board accepted, CDOP's learning presented) are done.
 */
const DONE_AT_APRIL = new Set(['2', '4', '8']);

/**
 * A paragraph that runs a list into a sentence ("AF explained the proposals for: a; b; c; and d.")
 * becomes its lead-in and a bulleted list, as the administrator would type it; any other stays a paragraph.
 */
function blocksOf(p: string): unknown[] {
  const m = /^([^:]{3,120}:)\s*(.+)$/.exec(p);
  const parts = m?.[2]?.split(/;\s*/) ?? [];
  if (!m?.[1] || parts.length < 3) return [paragraphNode([textNode(p)])];
  const items = parts.map((s) => s.replace(/^and\s+/i, '').replace(/\.$/, '').trim()).filter(Boolean);
  return [paragraphNode([textNode(m[1])]), bulletListNode(items)];
}

export function discussionJson(paragraphs: readonly string[]): string {
  return discussionRootJson(paragraphs.flatMap(blocksOf));
}

/** The printed action number (they restart at 1 every meeting) -> the action's id in the app. */
export type PrintedActions = Map<string, string>;

/** Types one meeting's items into it; a "Minutes and actions arising" item already there is used for item 1. */
export function enterSampleMinutes(store: Store, meetingId: string, date: string, items: readonly SampleItem[], agreementFollows: boolean): PrintedActions {
  const minutes = getMinutes(store, { meetingId });
  const directory = { members: minutes.roster.members, groups: minutes.roster.groups };
  const arising = minutes.items.find((i) => i.kind === 'matters_arising' && i.parentId === null);
  const mainIds = new Map<string, string>();
  const printed: PrintedActions = new Map();
  let lastMain: string | null = arising?.id ?? null;
  const addMain = (title: string): string => {
    const { item } = addAgendaItem(store, valid('addAgendaItem', { meetingId, afterItemId: lastMain, title }));
    lastMain = item.id;
    return item.id;
  };

  for (const f of items) {
    const [, main = f.number, sub = ''] = /^(\d+)([a-z]*)$/.exec(f.number) ?? [];
    let itemId: string;
    if (sub) {
      let parentId = mainIds.get(main);
      if (!parentId) {
        parentId = addMain(MISSING_HEADINGS[`${date}/${main}`] ?? '');
        mainIds.set(main, parentId);
      }
      itemId = addAgendaItem(store, valid('addAgendaItem', { meetingId, parentId, title: f.title })).item.id;
    } else if (arising && isMattersArisingTitle(f.title)) {
      itemId = arising.id;
    } else {
      itemId = addMain(f.title);
    }
    if (!sub) mainIds.set(main, itemId);
    if (f.discussion.length > 0) saveDiscussion(store, valid('saveDiscussion', { itemId, json: discussionJson(f.discussion) }));
    for (const d of f.decisions) {
      // The agreement of the earlier minutes is recorded by agreeing them, as its own decision.
      if (agreementFollows && itemId === arising?.id && /minutes .*(reviewed|agreed)/i.test(d)) continue;
      addDecision(store, valid('addDecision', { itemId, text: d }));
    }
    for (const a of f.actions) {
      const owners = readOwners(a.owner, directory).owners.map(toOwnerRef);
      const due = DUE_NEXT_MEETING.has(`${date}/${a.ref}`) ? 'next meeting' : undefined;
      const action = addAction(store, valid('addAction', { itemId, details: a.details, owners, ...(due ? { due } : {}) }));
      printed.set(a.ref, action.id);
    }
  }
  return printed;
}

/**
 * The later meeting's matters arising: everything listed marked in progress ("All actions were
 * either completed or in train"), then each update its sub-items report against the action they refer to.
 */
export function recordSampleProgress(store: Store, meetingId: string, items: readonly SampleItem[], earlier: { date: string; actions: PrintedActions }): void {
  markAllInProgress(store, valid('markAllInProgress', { meetingId }));
  for (const item of items) {
    for (const m of item.mattersArising ?? []) {
      if (m.refersTo?.meeting !== earlier.date) continue;
      const actionId = earlier.actions.get(m.refersTo.ref);
      if (!actionId) continue;
      const status: ActionStatus = DONE_AT_APRIL.has(m.refersTo.ref) ? 'done' : 'in_progress';
      recordActionUpdate(store, valid('recordActionUpdate', { meetingId, actionId, text: m.text, status }));
    }
  }
}

export function circulateSample(store: Store, meetingId: string): void {
  circulateMinutes(store, valid('circulateMinutes', { meetingId }));
}

export function agreeSample(store: Store, meetingId: string, atMeetingId: string): void {
  agreeMinutes(store, valid('agreeMinutes', { meetingId, atMeetingId }));
}
