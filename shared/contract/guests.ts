// Guests in attendance as owners of actions: their initials (how the minutes name them) and an
// email address (where reminders of their actions go).
import { z } from 'zod';
import { EMAIL_MAX, EMAIL_PROBLEM, isEmailAddress } from '../domain/email';
import { initialsProblem } from '../domain/initials';
import { id, method } from './common';

export interface GuestDetails {
  /** The guest's attendance row. */
  attendanceId: string;
  meetingId: string;
  displayName: string;
  initials: string | null;
  email: string | null;
  /** Actions the guest owns (agreed at this meeting). */
  actionsOwned: number;
}

/** Initials for a guest: as a member's, or '' / null for none. */
export const guestInitials = z
  .string({ message: 'Write the guest’s initials, or leave them blank.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = value === '' ? null : initialsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .nullable();

/** An email address, or '' / null for none: one address, checked before it is saved. */
export const guestEmail = z
  .string({ message: EMAIL_PROBLEM })
  .trim()
  .max(EMAIL_MAX, { message: EMAIL_PROBLEM })
  .refine((v) => v === '' || isEmailAddress(v), { message: EMAIL_PROBLEM })
  .nullable();

export const guestsMethods = {
  /** The meeting's guests with their initials, address and how many actions they own. */
  listGuests: method<GuestDetails[]>()(z.strictObject({ meetingId: id })),
  /**
   * Sets a guest's initials (while the attendance can change) and email address (at any time: it
   * is not part of the minutes). A field left out is left as it is.
   */
  updateGuest: method<GuestDetails>()(z.strictObject({ attendanceId: id, initials: guestInitials.optional(), email: guestEmail.optional() })),
} as const;
