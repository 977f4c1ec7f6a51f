// The one limit on an item title, said before it bites: how much room is left near it, and by how
// much a title is over it. Nothing is cut off: the text stays in the field until it is shortened.
import { MINUTES_LIMITS } from '../../../../shared/contract';

/** Within this many characters of the limit, the room left is shown. */
const WARN_WITHIN = 20;

export function titleLimitNote(length: number, limit: number = MINUTES_LIMITS.itemTitle): { over: boolean; text: string } | null {
  if (length > limit) {
    return { over: true, text: `This title has ${length} characters; a title holds at most ${limit}. Shorten it by ${length - limit} to save it: what you typed stays here until then.` };
  }
  if (length >= limit - WARN_WITHIN) {
    const left = limit - length;
    return { over: false, text: `${left} ${left === 1 ? 'character' : 'characters'} left (a title holds ${limit}).` };
  }
  return null;
}
