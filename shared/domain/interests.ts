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
