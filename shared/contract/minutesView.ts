// Agreed and published minutes on screen: the printed document itself (the one print model and
// its HTML), shown as a page to read rather than a form to fill in.
import { z } from 'zod';
import { id, method } from './common';

export interface MinutesDocumentView {
  meetingId: string;
  /**
   * The body of the minutes' HTML publication (full version: the administrator sees every item),
   * made by core from the one print model, escaped there; no scripts, no outside resources.
   */
  html: string;
}

export const minutesViewMethods = {
  getMinutesDocument: method<MinutesDocumentView>()(z.strictObject({ meetingId: id })),
} as const;
