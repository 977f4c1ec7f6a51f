// An item brought back by two laptops apart, each with its own version of the item's own details
// (title, presenter, confidential, deferred): Yjs keeps one row whole (the same on every laptop),
// so each restoring laptop logs the version it brought back, and the conflict says how the
// versions differ from what the item shows and offers to keep another one (a normal edit, which
// then syncs). Read here; written by itemRestore.ts into the board's conflict log. The comparison of
// versions is shared with attendance rows brought back the same way (attendanceVersions.ts).
import type { Database } from '../db/driver';
import { readAgendaItemRow, rowToAgendaItemFields } from '../store/agendaItems';
import { quote } from './recordDiff';

/** The item's own details, as updateAgendaItem takes them. */
export interface ItemFields {
  title: string;
  presenter: string | null;
  confidential: boolean;
  deferred: boolean;
  deferredToText: string | null;
  deferredToMeetingId: string | null;
}

/** The version of a row's own details one laptop brought back: `by` is that laptop's user. */
export interface Version<F> {
  by: string;
  fields: F;
}

export type ItemVersion = Version<ItemFields>;

/** Another version than the one shown: only the details in which it differs, to keep with updateAgendaItem. */
export interface OtherItemVersion {
  by: string;
  itemId: string;
  changes: Partial<ItemFields>;
}

const FIELDS = ['title', 'presenter', 'confidential', 'deferred', 'deferredToText', 'deferredToMeetingId'] as const;

/** The item's details as this laptop's tables hold them (undefined once it is gone). */
export function readItemFields(db: Database, itemId: string): ItemFields | undefined {
  const row = readAgendaItemRow(db, itemId);
  if (!row) return undefined;
  const item = rowToAgendaItemFields(row);
  return {
    title: item.title,
    presenter: item.presenter,
    confidential: item.confidential,
    deferred: item.deferred,
    deferredToText: item.deferredToText,
    deferredToMeetingId: item.deferredToMeetingId,
  };
}

/** Each distinct version once, in one order whatever order the restores arrived in (the same detail on every laptop). */
export function mergedVersions<V extends Version<unknown>>(lists: ReadonlyArray<readonly V[] | undefined>): V[] {
  const byLaptop = new Map<string, V>();
  for (const list of lists) for (const v of list ?? []) byLaptop.set(`${v.by}\u0000${JSON.stringify(v.fields)}`, v);
  return [...byLaptop.values()].sort((x, y) => x.by.localeCompare(y.by) || JSON.stringify(x.fields).localeCompare(JSON.stringify(y.fields)));
}

/**
 * The versions brought back that differ from the row as it now is (`shown`, undefined once it is gone),
 * each as the details (among `fields`) in which it differs: none while they all agree. Used for items
 * here and for attendance rows (attendanceVersions.ts).
 */
export function differingVersions<F extends object>(
  shown: F | undefined,
  versions: ReadonlyArray<Version<F>> | undefined,
  fields: ReadonlyArray<keyof F>,
): { shown: F; others: Array<{ by: string; changes: Partial<F> }> } | null {
  if (!shown || !versions || versions.length < 2) return null;
  const distinct = new Set(versions.map((v) => JSON.stringify(v.fields)));
  if (distinct.size < 2) return null;
  const others = versions
    .map((v) => ({ by: v.by, changes: Object.fromEntries(fields.filter((f) => (v.fields[f] ?? null) !== (shown[f] ?? null)).map((f) => [f, v.fields[f]])) as Partial<F> }))
    .filter((v) => Object.keys(v.changes).length > 0);
  return others.length > 0 ? { shown, others } : null;
}

/** The versions brought back that differ from the item as it now is (none while they all agree, or the item is gone). */
export function otherVersions(db: Database, itemId: string, versions: readonly ItemVersion[] | undefined): { shown: ItemFields; others: OtherItemVersion[] } | null {
  const found = differingVersions(readItemFields(db, itemId), versions, FIELDS);
  return found ? { shown: found.shown, others: found.others.map((o) => ({ ...o, itemId })) } : null;
}

/** What a row shows of the details `changes` names, to say beside another version's. */
export const shownOf = <F extends object>(shown: F, changes: Partial<F>): Partial<F> => Object.fromEntries(Object.keys(changes).map((k) => [k, shown[k as keyof F]])) as Partial<F>;

function fieldWords(f: Partial<ItemFields>, meetingDate: (id: string) => string | null): string[] {
  const words: string[] = [];
  if (f.title !== undefined) words.push(`title ${quote(f.title)}`);
  if (f.presenter !== undefined) words.push(f.presenter ? `presenter ${quote(f.presenter)}` : 'no presenter');
  if (f.confidential !== undefined) words.push(f.confidential ? 'confidential' : 'not confidential');
  if (f.deferred !== undefined) words.push(f.deferred ? 'deferred' : 'not deferred');
  if (f.deferredToText !== undefined) words.push(f.deferredToText ? `deferred to ${quote(f.deferredToText)}` : 'no “deferred to” text');
  if (f.deferredToMeetingId !== undefined) words.push(f.deferredToMeetingId ? `deferred to the meeting of ${meetingDate(f.deferredToMeetingId) ?? 'another date'}` : 'deferred to no meeting');
  return words;
}

/** The sentence the conflict adds when the versions brought back differ, or null. */
export function describeVersions(db: Database, itemId: string, versions: readonly ItemVersion[] | undefined, meetingDate: (id: string) => string | null): string | null {
  const found = otherVersions(db, itemId, versions);
  if (!found) return null;
  const shownWords = (changes: Partial<ItemFields>): string => fieldWords(shownOf(found.shown, changes), meetingDate).join(', ');
  const others = found.others.map((o) => `${o.by}’s version had ${fieldWords(o.changes, meetingDate).join(', ')} (the item shows ${shownWords(o.changes)})`);
  return `The laptops that brought it back held different versions of its details: ${others.join('; ')}. Keep the other version if it is the right one.`;
}
