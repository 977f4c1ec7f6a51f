// The words for declarations of interest: categories of registered interests and what a
// declarer did for the item, as the minutes and the register print them.
import type { DeclarationParticipation, InterestCategory } from './enums';

export const INTEREST_CATEGORY_LABEL: Record<InterestCategory, string> = {
  disclosable_pecuniary: 'Disclosable pecuniary interest',
  other_registrable: 'Other registrable interest',
  non_registrable: 'Non-registrable interest',
};

/** As the screen offers the choice. */
export const PARTICIPATION_LABEL: Record<DeclarationParticipation, string> = {
  took_part: 'Remained and took part',
  took_no_part: 'Remained but took no part',
  left_room: 'Left the room for the item',
};

/** As the minutes print it after the declaration. */
export const PARTICIPATION_PRINTED: Record<DeclarationParticipation, string> = {
  took_part: 'remained in the meeting and took part',
  took_no_part: 'remained in the meeting but took no part in the item',
  left_room: 'left the room for the item',
};

/** The standing item under which declarations are recorded when they are not made on one item. */
export const STANDING_ITEM_TITLE = 'Declarations of interest';

/** "Declarations of interest", "Disclosure of interests and dispensations"… */
export const isStandingItemTitle = (title: string): boolean => /^\s*(declarations?|disclosures?) of interests?\b/i.test(title);

/** A recurring agenda with the standing item: after the first item (apologies, as a rule), unless it is there already. */
export function withStandingItem(template: readonly string[]): string[] {
  if (template.some(isStandingItemTitle)) return [...template];
  return template.length > 1 ? [template[0] as string, STANDING_ITEM_TITLE, ...template.slice(1)] : [...template, STANDING_ITEM_TITLE];
}
