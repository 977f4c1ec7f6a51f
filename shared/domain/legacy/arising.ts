// Which earlier action a paragraph of legacy "minutes and actions arising" reports on. Only where
// the minutes make it certain: a printed reference at the start ("2.1 KC advised…" is about
// action 2), or wording that points at one action clearly more than at any other (shared
// distinctive words, and its owner speaking). Anything less certain is left unattached.
import type { ActionStatus } from '../enums';
import type { LegacyItem } from './model';

export interface ArisingCandidate {
  key: string;
  /** The reference as its own minutes printed it. */
  printedRef: string;
  /** Whether it comes from the meeting immediately before (printed references point there). */
  fromPreviousMeeting: boolean;
  details: string;
  itemTitle: string;
  ownerInitials: readonly string[];
}

export interface ArisingLink {
  itemNumber: string;
  key: string;
  text: string;
  status: ActionStatus;
}

const MATTERS_ARISING = /^\s*(minutes\s+(and|&)\s+actions?\s+arising|matters\s+arising)\b/i;

const STOP = new Set(
  'about after again agreed also around back before being board both could does each from have here into item items meeting meetings more most next other over part should such than that their them then there these they this those through under update updates very were what when where which while will with within would work future previous report reports paper introduced informed advised'.split(' '),
);

/** Distinctive words: four letters or more, not common minute-taking words; a plural counts as its singular. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? []) {
    const word = raw.replace(/'s$/, '').replace(/(?<=[a-z]{3})(?:es|s)$/, '').replace(/(?<=[a-z]{4})(?:al|ed)$/, '');
    if (!STOP.has(raw) && !STOP.has(word)) out.add(word);
  }
  return out;
}

/** The items that record matters arising: the "Minutes and actions arising" item and its sub-items. */
export function arisingItems(items: readonly LegacyItem[]): LegacyItem[] {
  const main = items.find((i) => MATTERS_ARISING.test(i.title));
  if (!main) return [];
  return items.filter((i) => i === main || (i.number.startsWith(main.number) && /^[a-z.]/i.test(i.number.slice(main.number.length))));
}

/** What an update says about progress: done when it says so, otherwise in progress. */
export function statusFromWords(text: string): ActionStatus {
  if (/\b(?:completed?|done|closed|achieved|finished)\b/i.test(text) && !/\b(?:not|yet to be|to be)\s+(?:completed?|done|closed)\b/i.test(text)) return 'done';
  if (/\b(?:dropped|no longer (?:needed|required))\b/i.test(text)) return 'dropped';
  return 'in_progress';
}

function score(text: string, words: Set<string>, c: ArisingCandidate): number {
  let n = 0;
  for (const w of keywords(`${c.details} ${c.itemTitle}`)) if (words.has(w)) n++;
  if (n > 0 && c.ownerInitials.some((i) => new RegExp(`\\b${i.replace(/[^A-Za-z]/g, '')}\\b`).test(text))) n++;
  return n;
}

/** The certain links between a meeting's matters arising and the earlier unfinished actions. */
export function linkArising(items: readonly LegacyItem[], candidates: readonly ArisingCandidate[]): ArisingLink[] {
  const links: ArisingLink[] = [];
  const used = new Set<string>();
  for (const item of arisingItems(items)) {
    const generic = MATTERS_ARISING.test(item.title);
    for (const paragraph of item.discussion) {
      const printed = /^(?:action\s+)?(\d{1,3})(?:\.\d{1,2})?\s+(?=[A-Z])/i.exec(paragraph)?.[1];
      const explicit = printed ? candidates.filter((c) => c.fromPreviousMeeting && c.printedRef === printed) : [];
      if (explicit.length === 1 && !used.has(explicit[0]!.key)) {
        used.add(explicit[0]!.key);
        links.push({ itemNumber: item.number, key: explicit[0]!.key, text: paragraph, status: statusFromWords(paragraph) });
      }
    }
    // The main item's own words ("All actions were either completed or in train") name no action.
    if (generic) continue;
    if (links.some((l) => l.itemNumber === item.number)) continue;
    const text = [item.title, ...item.discussion].join(' ');
    const words = keywords(text);
    const ranked = candidates
      .filter((c) => !used.has(c.key))
      .map((c) => ({ c, n: score(text, words, c) }))
      .sort((a, b) => b.n - a.n);
    const [best, second] = ranked;
    if (best && best.n >= 3 && (!second || best.n > second.n)) {
      used.add(best.c.key);
      links.push({ itemNumber: item.number, key: best.c.key, text: item.discussion.join('\n'), status: statusFromWords(text) });
    }
  }
  return links;
}
