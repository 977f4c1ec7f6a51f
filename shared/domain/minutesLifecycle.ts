// The lifecycle of minutes: draft -> circulated -> agreed as accurate (at a later meeting) ->
// published. What each state allows, and the rules for agreeing them.
import type { MeetingStatus } from './enums';

export type MinutesStep = 'circulate' | 'agree' | 'publish' | 'correct';

/** What can be done next with minutes in each state (exporting a PDF is always possible). */
export const NEXT_STEPS: Record<MeetingStatus, readonly MinutesStep[]> = {
  draft: ['circulate'],
  circulated: ['agree'],
  agreed: ['publish', 'correct'],
  published: ['correct'],
};

export const isAgreed = (status: MeetingStatus): boolean => status === 'agreed' || status === 'published';

/**
 * Why minutes of `minutesDate` cannot be agreed at a meeting on `atDate`, or null when they
 * can: the minutes of a meeting are agreed at a later meeting, never at itself or before it.
 */
export function agreementDateProblem(minutesDate: string, atDate: string): string | null {
  if (atDate <= minutesDate) return 'Minutes can only be agreed at a later meeting of the board, held after the meeting they record.';
  return null;
}

/** The decision recorded in the agreeing meeting's "minutes and actions arising". */
export function agreementDecisionText(minutesDateLabel: string, amendments: string | null): string {
  const base = `The minutes of the meeting held on ${minutesDateLabel} were reviewed and agreed as accurate`;
  return amendments ? `${base}, with the following amendments: ${amendments}` : `${base}.`;
}
