// Guests in attendance: their initials and email address, so they can own actions and be reminded.
import type { guestsMethods } from '../../../shared/contract/guests';
import { onStore, type FeatureHandlers } from '../handler';
import { listGuests, updateGuest } from './guests';

export const guestsHandlers: FeatureHandlers<typeof guestsMethods> = {
  listGuests: onStore(listGuests),
  updateGuest: onStore(updateGuest),
};
