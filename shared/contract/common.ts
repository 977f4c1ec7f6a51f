// Pieces every contract slice shares: the error and response shapes, common input schemas and limits, and how a method is declared.
import { z } from 'zod';
import { isRealIsoDate } from '../domain/dates';
import { isoDateProblem } from '../domain/calendarDate';
import type { ChangedEntity } from '../domain/enums';
import { DUE_TEXT_MAX } from '../domain/due';
import { MAX_INITIALS_LENGTH } from '../domain/initials';
import { OWNERS_MAX, OWNER_NAME_MAX } from '../domain/owners';

/** Every error a call can return. `field` names the input that was wrong, when one was. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'store_unavailable'
  | 'storage_error'
  | 'unauthorised'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  field?: string;
}

/** One record (or file) a call changed: what kind, and its id. */
export interface Changed {
  entity: ChangedEntity;
  id: string;
}

/**
 * The answer to every call. A call that changed something says what (`changes`, each record
 * once), so the renderer re-runs the queries that show it; a read has no `changes`.
 */
export type ApiResponse<T> = { ok: true; value: T; changes?: Changed[] } | { ok: false; error: ApiError; changes?: Changed[] };

// ---------------------------------------------------------------- input pieces

export const LIMITS = {
  boardName: 120,
  shortCode: 12,
  venue: 300,
  personName: 200,
  role: 300,
  organisation: 200,
  initials: MAX_INITIALS_LENGTH,
  groupName: 120,
  agendaTemplateItem: 200,
  agendaTemplateItems: 40,
  forItemsNote: 200,
} as const;

export const id = z.uuid({ message: 'This is not a valid record id.' });

// Worded as every date field and the due column word it (shared/domain/calendarDate.ts).
export const isoDate = z
  .string({ message: 'Enter a date.' })
  .check((ctx) => {
    const problem = isRealIsoDate(ctx.value) ? null : isoDateProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

export const clockTime = z
  .string({ message: 'Enter a time.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Times are written as HH:MM, for example 10:30.' });

export const boardName = z
  .string({ message: 'Enter a board name.' })
  .trim()
  .min(1, { message: 'Enter a board name.' })
  .max(LIMITS.boardName, { message: `A board name can be at most ${LIMITS.boardName} characters.` });

export const shortCode = z
  .string()
  .trim()
  .max(LIMITS.shortCode, { message: `A short code can be at most ${LIMITS.shortCode} characters.` })
  .regex(/^[A-Za-z0-9-]*$/, { message: 'A short code may use only letters, digits and hyphens.' });

export const venue = z
  .string()
  .trim()
  .max(LIMITS.venue, { message: `A venue can be at most ${LIMITS.venue} characters.` });

export const meetingFields = z.strictObject({
  boardId: id,
  date: isoDate,
  startTime: clockTime.nullable().optional(),
  endTime: clockTime.nullable().optional(),
  venue: venue.nullable().optional(),
});

export const personName = (what: string) =>
  z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .max(LIMITS.personName, { message: `A name can be at most ${LIMITS.personName} characters.` });

// ---------------------------------------------------------------- minutes: input pieces

export const MINUTES_LIMITS = {
  itemTitle: 300,
  presenter: 120,
  deferredTo: 200,
  decision: 5_000,
  actionDetails: 5_000,
  /** Characters of discussion per item: a long item runs to 20,000; this is ten times that. */
  discussionText: 200_000,
  discussionJson: 4_000_000,
  due: DUE_TEXT_MAX,
  ownerName: OWNER_NAME_MAX,
  owners: OWNERS_MAX,
} as const;

export const optionalText = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text.` })
    .trim()
    .max(max, { message: `${what} can be at most ${max} characters.` })
    .nullable()
    .optional();

/** Text of the minutes that may be empty while typing (not nullable: empty is ''). */
export const minutesText = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text.` })
    .trim()
    .max(max, { message: `${what} can be at most ${max.toLocaleString('en-GB')} characters.` });

// ---------------------------------------------------------------- the contract

/** A method: its input schema, and (as a type only) its result. */
export interface MethodDef<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set: carries the result type. */
  readonly result?: R;
}

export const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, R> => ({ input });

export const empty = z.strictObject({});

export const filePath = z
  .string({ message: 'Enter the path of a file.' })
  .trim()
  .min(1, { message: 'Enter the path of a file.' })
  .max(4096, { message: 'That path is too long.' })
  .refine((p) => !p.includes('\0'), { message: 'That path is not valid.' });
