// TEST SETUP ONLY (matters arising): types a fixture meeting's agenda items, decisions and actions into a meeting
// through the API (in-process or over HTTP), owners read from the Action column as the editor
// reads them. Items numbered 6a with no item 6 get an untitled item 6, as the editor would.
import fs from 'node:fs';
import type { AgendaChange, Minutes, MinutesAction, MinutesItem } from '../../shared/contract';
import { isMattersArisingTitle } from '../../shared/domain/nextMeeting';
import { readOwners, toOwnerRef } from '../../shared/domain/owners';

export type Caller = (method: string, payload: unknown) => Promise<unknown>;

interface FixtureItem {
  number: string;
  title: string;
  decisions: string[];
  actions: Array<{ ref: string; details: string; owner: string }>;
}

export interface FixtureMeeting {
  date: string;
  items: FixtureItem[];
}

const fixture = (name: string): FixtureMeeting => JSON.parse(fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as FixtureMeeting;
export const FEBRUARY = fixture('2014-02-19.json');
export const APRIL = fixture('2014-04-10.json');

export interface EnteredAction {
  /** The number the original minutes gave it (they restart at 1 every meeting). */
  printedRef: string;
  owner: string;
  action: MinutesAction;
}

export async function enterFixtureMinutes(call: Caller, meetingId: string, fixture: FixtureMeeting): Promise<EnteredAction[]> {
  const minutes = (await call('getMinutes', { meetingId })) as Minutes;
  const directory = { members: minutes.roster.members, groups: minutes.roster.groups };
  const parents = new Map<string, string>();
  const existingArising = minutes.items.find((i) => i.kind === 'matters_arising');
  const entered: EnteredAction[] = [];
  for (const item of fixture.items) {
    const match = /^(\d+)([a-z]*)$/.exec(item.number);
    const main = match?.[1] ?? item.number;
    let itemId: string;
    if (match?.[2]) {
      let parentId = parents.get(main);
      if (!parentId) {
        parentId = ((await call('addAgendaItem', { meetingId, title: '' })) as { item: MinutesItem }).item.id;
        parents.set(main, parentId);
      }
      itemId = ((await call('addAgendaItem', { meetingId, parentId, title: item.title })) as { item: MinutesItem; outline: AgendaChange['outline'] }).item.id;
    } else if (existingArising && isMattersArisingTitle(item.title)) {
      itemId = existingArising.id;
      parents.set(main, itemId);
    } else {
      itemId = ((await call('addAgendaItem', { meetingId, title: item.title })) as { item: MinutesItem }).item.id;
      parents.set(main, itemId);
    }
    for (const text of item.decisions) await call('addDecision', { itemId, text });
    for (const a of item.actions) {
      const owners = readOwners(a.owner, directory).owners.map(toOwnerRef);
      const action = (await call('addAction', { itemId, details: a.details, owners })) as MinutesAction;
      entered.push({ printedRef: a.ref, owner: a.owner, action });
    }
  }
  return entered;
}
