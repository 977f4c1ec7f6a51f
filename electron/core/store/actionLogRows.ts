// The action log's rows as the API returns them (OutstandingAction), built by SQLite from the kept
// rows (store/actionSummary.ts) as one JSON text a row: the one place a kept row becomes an API row.
// Why JSON: read column by column, every one of a row's 24 values became a string or number of its
// own, then a row object, then the API object and its parsed owners (~4 KB of garbage a row,
// a young-generation collection every few calls); one text a row, parsed once, makes only the
// objects returned.
import type { OutstandingAction } from '../../../shared/contract';
import type { Database } from '../db/driver';
import { summariesWithCounts } from './timesCarried';

/**
 * One kept row `s` as the JSON of an OutstandingAction; `@today` decides "overdue" (due before
 * today). An unfinished action's latest update cannot be "superseded": that would have finished it.
 */
const q = (column: string): string => `json_quote(${column})`;
const rowJsonSql = (timesCarried: string): string => `'{"id":' || ${q('s.action_id')} || ',"boardId":' || ${q('s.board_id')}
  || ',"boardName":' || ${q('s.board_name')} || ',"boardShortCode":' || ${q('s.short_code')} || ',"reference":' || ${q('s.reference')}
  || ',"seq":' || ${q('s.seq')} || ',"details":' || ${q('s.details')} || ',"owners":' || s.owners_json
  || ',"due":{"kind":' || ${q('s.due_kind')} || ',"date":' || ${q('s.due_date')} || ',"meetingId":' || ${q('s.due_meeting_id')} || ',"text":' || ${q('s.due_text')} || '}'
  || ',"dueDate":' || ${q('s.effective_due')} || ',"overdue":' || CASE WHEN s.effective_due < @today THEN 'true' ELSE 'false' END
  || ',"status":' || ${q('s.status')}
  || ',"origin":{"meetingId":' || ${q('s.origin_id')} || ',"meetingDate":' || ${q('s.origin_date')} || ',"itemId":' || ${q('s.item_id')}
  || ',"itemNumber":' || ${q('s.item_number')} || ',"itemTitle":' || ${q('s.item_title')} || '}'
  || ',"timesCarried":' || ${q(timesCarried)}
  || ',"latestUpdate":' || CASE WHEN s.latest_meeting_id IS NOT NULL AND s.latest_status IS NOT NULL AND s.latest_date IS NOT NULL
    THEN '{"meetingId":' || ${q('s.latest_meeting_id')} || ',"meetingDate":' || ${q('s.latest_date')} || ',"text":' || ${q("coalesce(s.latest_text, '')")}
      || ',"status":' || ${q('s.latest_status')} || ',"supersededBy":null}'
    ELSE 'null' END || '}'`;

/**
 * A SELECT of the log's rows as JSON (one column, `row`) over the kept rows as `s`, to be followed
 * by a WHERE and ORDER BY over `s`; its parameters are named, `@today` among them. `lead` is a
 * source read first, each of its rows then finding its kept row by key (a window's list of ids).
 */
export function logRowsSelect(db: Database, lead?: string): string {
  const { from, timesCarried } = summariesWithCounts(db);
  return `SELECT ${rowJsonSql(timesCarried)} AS row FROM ${lead ? `${lead} CROSS JOIN ` : ''}${from}`;
}

/** The rows of a statement made from logRowsSelect, as the API returns them. */
export function parseLogRows(json: readonly string[]): OutstandingAction[] {
  const out = new Array<OutstandingAction>(json.length);
  for (let i = 0; i < json.length; i++) out[i] = JSON.parse(json[i]!) as OutstandingAction;
  return out;
}
