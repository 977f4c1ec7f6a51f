// The lifecycle of a meeting's minutes: circulated to members, agreed as accurate at a later
// meeting (recorded in that meeting's "minutes and actions arising", with any amendments, and
// sealed with a content hash), published, and corrected afterwards only by recorded corrections.
import type { MinutesCorrection, MinutesRecord, MinutesVerification, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import { agreementDateProblem, agreementDecisionText, isAgreed } from '../../../shared/domain/minutesLifecycle';
import { moveInOutline } from '../../../shared/domain/numbering';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type WriteHandle } from '../store/write';
import { CONTENT_VERSION, minutesHash, type AgreementRecord } from './contentHash';
import { fillMissingOwnerNames } from '../store/actionOwners';
import { readMeetingRecord } from '../store/meetingRecord';
import { readMeetingRow, type MeetingRow } from '../store/meetings';
import { importedMark } from '../store/imported';
import { loggedText } from '../store/loggedText';
import { conflict, DomainError, notFound } from '../errors';
import { meetingForEdit } from '../minutes/editable';
import { loadOutline, writeOutline } from '../minutes/minutes';
import { deferredToMeetingText } from '../../../shared/domain/format';

function meetingRow(store: Store, meetingId: string): MeetingRow {
  const row = readMeetingRow(store.db, meetingId);
  if (!row) throw notFound('meeting');
  return row;
}

const agreementOf = (m: MeetingRow): AgreementRecord | null =>
  m.agreed_at_meeting_id && m.agreed_on ? { atMeetingId: m.agreed_at_meeting_id, agreedOn: m.agreed_on, amendments: m.agreement_amendments } : null;

/** A later meeting of the same board, checked for being somewhere the minutes can be agreed or corrected. */
function laterMeeting(store: Store, minutes: MeetingRow, atMeetingId: string, field: string): MeetingRow {
  const at = readMeetingRow(store.db, atMeetingId) ?? null;
  if (!at || at.board_id !== minutes.board_id) {
    throw new DomainError('invalid_input', 'Choose a meeting of the same board.', field);
  }
  const problem = agreementDateProblem(minutes.meeting_date, at.id === minutes.id ? minutes.meeting_date : at.meeting_date);
  if (problem) {
    const message = field === 'agreedAtMeetingId' ? 'A correction is agreed at a later meeting of the board, held after the meeting the minutes record.' : problem;
    throw new DomainError('invalid_input', message, field);
  }
  return at;
}

function itemCount(store: Store, meetingId: string): number {
  return store.db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(meetingId) as number;
}

// ---------------------------------------------------------------- reading

function corrections(store: Store, meetingId: string): MinutesCorrection[] {
  return (
    store.db
      .prepare(
        `SELECT c.id, c.meeting_id, c.correction_date, c.what, c.why, c.agreed_at_meeting_id, m.meeting_date AS agreed_at_date, c.created_at
         FROM corrections c LEFT JOIN meetings m ON m.id = c.agreed_at_meeting_id
         WHERE c.meeting_id = ? ORDER BY c.correction_date, c.created_at`,
      )
      .all(meetingId) as Array<{
      id: string;
      meeting_id: string;
      correction_date: string;
      what: string;
      why: string;
      agreed_at_meeting_id: string | null;
      agreed_at_date: string | null;
      created_at: string;
    }>
  ).map((c) => ({
    id: c.id,
    meetingId: c.meeting_id,
    date: c.correction_date,
    what: c.what,
    why: c.why,
    agreedAtMeetingId: c.agreed_at_meeting_id,
    agreedAtMeetingDate: c.agreed_at_date,
    recordedAt: c.created_at,
  }));
}

export function correctionsOf(store: Store, meetingId: string): MinutesCorrection[] {
  return corrections(store, meetingId);
}

export function getMinutesRecord(store: Store, input: ParsedInputOf<'getMinutesRecord'>): MinutesRecord {
  const m = meetingRow(store, input.meetingId);
  const agreedAt = m.agreed_at_meeting_id
    ? (store.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(m.agreed_at_meeting_id) as string | undefined)
    : undefined;
  const counts = store.db
    .prepare('SELECT count(*) AS items, coalesce(sum(confidential), 0) AS confidential FROM agenda_items WHERE meeting_id = ?')
    .get(m.id) as { items: number; confidential: number };
  const display = store.db.prepare('SELECT confidential_display FROM boards WHERE id = ?').pluck().get(m.board_id) as MinutesRecord['confidentialDisplay'];
  const later = store.db
    .prepare('SELECT id, meeting_date AS date, status FROM meetings WHERE board_id = ? AND meeting_date > ? ORDER BY meeting_date, created_at')
    .all(m.board_id, m.meeting_date) as MinutesRecord['laterMeetings'];
  return {
    meetingId: m.id,
    boardId: m.board_id,
    meetingDate: m.meeting_date,
    status: m.status,
    circulatedAt: m.circulated_at,
    agreement:
      m.agreed_at_meeting_id && m.agreed_on && m.content_hash
        ? {
            atMeetingId: m.agreed_at_meeting_id,
            atMeetingDate: agreedAt ?? m.agreed_on,
            agreedOn: m.agreed_on,
            amendments: m.agreement_amendments,
            contentHash: m.content_hash,
          }
        : null,
    publishedAt: m.published_at,
    corrections: corrections(store, m.id),
    laterMeetings: later,
    itemCount: counts.items,
    confidentialItemCount: counts.confidential,
    confidentialDisplay: display,
    imported: importedMark(store.db, m.id),
  };
}

// ---------------------------------------------------------------- circulating

export function circulateMinutes(store: Store, input: ParsedInputOf<'circulateMinutes'>): MinutesRecord {
  const at = nowInstant();
  write(store, (w) => {
    const m = meetingRow(store, input.meetingId);
    if (m.status !== 'draft') {
      throw conflict(
        m.status === 'circulated'
          ? 'These minutes have already been circulated.'
          : 'These minutes have been agreed as accurate, so they are past circulation.',
      );
    }
    if (itemCount(store, m.id) === 0) {
      throw conflict('These minutes have no agenda items yet. Add the items before circulating them, so members have something to read.');
    }
    store.db.prepare("UPDATE meetings SET status = 'circulated', circulated_at = ?, updated_at = ? WHERE id = ?").run(at, at, m.id);
    w.log({ entity: 'meeting', entityId: m.id, action: 'circulate', detail: { date: m.meeting_date } }, at);
  });
  return getMinutesRecord(store, input);
}

// ---------------------------------------------------------------- agreeing

const MATTERS_ARISING_TITLE = 'Minutes and actions arising';
const LOOKS_LIKE_MATTERS_ARISING = /^\s*(minutes\s+(and|&)\s+actions?\s+arising|matters\s+arising)\b/i;

/**
 * The agreeing meeting's "minutes and actions arising" item: the one marked so; else a main
 * item titled that way, which is marked; else a new first item (only while those minutes are
 * a draft: circulated minutes keep the items and numbers they went out with).
 */
function mattersArisingItem(store: Store, w: WriteHandle, meeting: MeetingRow, at: string): { id: string; number: string } {
  const marked = store.db
    .prepare("SELECT id, number FROM agenda_items WHERE meeting_id = ? AND kind = 'matters_arising' ORDER BY parent_id IS NOT NULL, position LIMIT 1")
    .get(meeting.id) as { id: string; number: string } | undefined;
  if (marked) return marked;
  const titled = (
    store.db.prepare('SELECT id, number, title FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').all(meeting.id) as Array<{
      id: string;
      number: string;
      title: string;
    }>
  ).find((i) => LOOKS_LIKE_MATTERS_ARISING.test(i.title));
  if (titled) {
    store.db.prepare("UPDATE agenda_items SET kind = 'matters_arising', updated_at = ? WHERE id = ?").run(at, titled.id);
    w.log({ entity: 'agenda_item', entityId: titled.id, action: 'update', detail: { kind: 'matters_arising' } }, at);
    return titled;
  }
  if (meeting.status !== 'draft') {
    throw conflict(
      `The minutes of ${formatUkDate(meeting.meeting_date)} have been circulated without a “${MATTERS_ARISING_TITLE}” item, and circulated minutes cannot have items added. Mark the item where the minutes were agreed as “${MATTERS_ARISING_TITLE}”, or choose another meeting.`,
      'atMeetingId',
    );
  }
  const id = newId();
  store.db
    .prepare(
      `INSERT INTO agenda_items (id, meeting_id, parent_id, position, number, title, kind, created_at, updated_at)
       VALUES (?, ?, NULL, 1000000, ?, ?, 'matters_arising', ?, ?)`,
    )
    .run(id, meeting.id, `~${id}`, MATTERS_ARISING_TITLE, at, at);
  const entries = writeOutline(w, meetingForEdit(store, meeting.id), moveInOutline(loadOutline(store, meeting.id), id, null, 0), at);
  const number = entries.find((e) => e.id === id)?.number ?? '1';
  w.log(
    { entity: 'agenda_item', entityId: id, action: 'create', detail: { meetingId: meeting.id, number, title: MATTERS_ARISING_TITLE, kind: 'matters_arising' } },
    at,
  );
  return { id, number };
}

/** Deferred items that name a meeting keep, as their words, "the meeting of <its date>" as printed now. */
function fixDeferredToWords(db: Store['db'], meetingId: string): void {
  const items = db
    .prepare(
      `SELECT i.id, t.meeting_date FROM agenda_items i JOIN meetings t ON t.id = i.deferred_to_meeting_id
       WHERE i.meeting_id = ? AND i.deferred = 1`,
    )
    .all(meetingId) as Array<{ id: string; meeting_date: string }>;
  const fix = db.prepare('UPDATE agenda_items SET deferred_to_text = ? WHERE id = ?');
  for (const item of items) fix.run(deferredToMeetingText(formatUkDate(item.meeting_date)), item.id);
}

export function agreeMinutes(store: Store, input: ParsedInputOf<'agreeMinutes'>): MinutesRecord {
  const at = nowInstant();
  write(store, (w) => {
    const m = meetingRow(store, input.meetingId);
    if (m.status === 'draft') {
      throw conflict('These minutes are still a draft. Circulate them to members first: minutes are agreed as accurate once members have read them.');
    }
    if (isAgreed(m.status)) {
      throw conflict(`These minutes were already agreed as accurate on ${formatUkDate(m.agreed_on ?? m.meeting_date)}. A later change is recorded as a correction.`);
    }
    if (itemCount(store, m.id) === 0) throw conflict('These minutes have no agenda items, so there is nothing to agree.');
    const later = laterMeeting(store, m, input.atMeetingId, 'atMeetingId');
    if (isAgreed(later.status)) {
      throw new DomainError(
        'invalid_input',
        `The minutes of ${formatUkDate(later.meeting_date)} are themselves already agreed, so this agreement cannot be recorded in them. Choose the meeting at which these minutes were agreed.`,
        'atMeetingId',
      );
    }
    const amendments = input.amendments ? input.amendments : null;
    const item = mattersArisingItem(store, w, later, at);
    const position = store.db.prepare('SELECT count(*) FROM decisions WHERE agenda_item_id = ?').pluck().get(item.id) as number;
    const decisionId = newId();
    const text = agreementDecisionText(formatUkDate(m.meeting_date), amendments);
    // The decision knows which minutes it agrees: it is part of their record from now on.
    store.db
      .prepare('INSERT INTO decisions (id, agenda_item_id, position, text, agrees_minutes_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(decisionId, item.id, position, text, m.id, at, at);
    w.log({ entity: 'decision', entityId: decisionId, action: 'create', detail: { itemId: item.id, text: loggedText(text), agreesMinutesOf: m.id } }, at);

    // Owners are named as at the meeting already; any row written before owners kept their names takes them now, before it freezes.
    fillMissingOwnerNames(store.db, m.id);
    // So are the meetings deferred items went to: the words printed now are the record, whatever
    // later happens to that meeting's date.
    fixDeferredToWords(store.db, m.id);
    const agreement: AgreementRecord = { atMeetingId: later.id, agreedOn: later.meeting_date, amendments };
    const hash = minutesHash(readMeetingRecord(store.db, m.id), agreement, CONTENT_VERSION);
    store.db
      .prepare(
        `UPDATE meetings SET status = 'agreed', agreed_at_meeting_id = ?, agreed_on = ?, agreement_amendments = ?, content_hash = ?, content_version = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(later.id, later.meeting_date, amendments, hash, CONTENT_VERSION, at, m.id);
    w.log(
      { entity: 'meeting', entityId: m.id, action: 'agree', detail: { atMeetingId: later.id, agreedOn: later.meeting_date, amendments, contentHash: hash, recordedInItem: item.number } },
      at,
    );
  });
  return getMinutesRecord(store, { meetingId: input.meetingId });
}

// ---------------------------------------------------------------- verifying and publishing

export function verifyMinutes(store: Store, input: ParsedInputOf<'verifyMinutes'>): MinutesVerification {
  const m = meetingRow(store, input.meetingId);
  const agreement = agreementOf(m);
  if (!isAgreed(m.status) || !agreement || !m.content_hash) {
    throw conflict('These minutes have not been agreed as accurate yet, so there is no content hash to check them against.');
  }
  // Checked with the content version the hash was taken with (minutes agreed before 0002: version 1).
  const currentHash = minutesHash(readMeetingRecord(store.db, m.id), agreement, m.content_version ?? 1);
  return { meetingId: m.id, matches: currentHash === m.content_hash, storedHash: m.content_hash, currentHash, checkedAt: nowInstant() };
}

export function publishMinutes(store: Store, input: ParsedInputOf<'publishMinutes'>): MinutesRecord {
  const at = nowInstant();
  write(store, (w) => {
    const m = meetingRow(store, input.meetingId);
    if (m.status === 'published') throw conflict(`These minutes were already published on ${formatUkDate((m.published_at ?? at).slice(0, 10))}.`);
    if (m.status !== 'agreed') {
      throw conflict(
        `Only minutes agreed as accurate can be published. These minutes are ${m.status === 'draft' ? 'still a draft' : 'circulated but not yet agreed'}.`,
      );
    }
    const check = verifyMinutes(store, input);
    if (!check.matches) {
      throw conflict('These minutes no longer match what was agreed (their content hash differs), so they were not published. Restore a backup taken before the change.');
    }
    store.db.prepare("UPDATE meetings SET status = 'published', published_at = ?, updated_at = ? WHERE id = ?").run(at, at, m.id);
    w.log({ entity: 'meeting', entityId: m.id, action: 'publish', detail: { contentHash: m.content_hash } }, at);
  });
  return getMinutesRecord(store, input);
}

// ---------------------------------------------------------------- corrections

export function recordCorrection(store: Store, input: ParsedInputOf<'recordCorrection'>): MinutesRecord {
  const at = nowInstant();
  write(store, (w) => {
    const m = meetingRow(store, input.meetingId);
    if (!isAgreed(m.status) || !m.agreed_on) {
      throw conflict('These minutes have not been agreed yet: change them directly. Corrections are recorded only for minutes that are already the record.');
    }
    if (input.date < m.agreed_on) {
      throw new DomainError('invalid_input', `A correction comes after the minutes were agreed (on ${formatUkDate(m.agreed_on)}).`, 'date');
    }
    const agreedAt = input.agreedAtMeetingId ? laterMeeting(store, m, input.agreedAtMeetingId, 'agreedAtMeetingId') : null;
    if (agreedAt && agreedAt.meeting_date < m.agreed_on) {
      throw new DomainError('invalid_input', `A correction is agreed at a meeting on or after the day the minutes were agreed (${formatUkDate(m.agreed_on)}).`, 'agreedAtMeetingId');
    }
    const id = newId();
    store.db
      .prepare('INSERT INTO corrections (id, meeting_id, agreed_at_meeting_id, correction_date, what, why, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, m.id, agreedAt?.id ?? null, input.date, input.what, input.why, at);
    w.log(
      { entity: 'correction', entityId: id, action: 'create', detail: { meetingId: m.id, date: input.date, what: input.what, why: input.why, agreedAtMeetingId: agreedAt?.id ?? null } },
      at,
    );
  });
  return getMinutesRecord(store, { meetingId: input.meetingId });
}
