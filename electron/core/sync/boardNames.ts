// A shared board's name and short code where this file already has them: both are unique across
// the whole file (boards_name among boards not archived, boards_short_code; either case), and a
// board renamed on another laptop, or joined here, may take what another board here already has.
// The projection then holds the board here under a local form ("Finance (shared)", "FIN2"), the
// same for the same boards, and lists a board_name_taken conflict on this laptop only, so the
// administrator can rename one; the shared document keeps the name every other laptop shows (the
// mirror writes the shared value back for the local form), and once either board is renamed the
// board shows the shared name again: renamed on another laptop, with that change's projection;
// the board holding it renamed here, in that very write (project.ts settleFreedBoardRow).
import type { Database } from '../db/driver';
import type { Row } from './registry';

const NAME_MAX = 120;
const CODE_MAX = 12;

/** The nth local form of a board's name: "Finance (shared)", "Finance (shared 2)" … within the length a name may have. */
export function nameForm(name: string, n: number): string {
  const suffix = n === 1 ? ' (shared)' : ` (shared ${n})`;
  return `${name.trim().slice(0, NAME_MAX - suffix.length)}${suffix}`;
}

/** The nth local form of a short code: FIN2, FIN3 … within the length a short code may have. */
export function codeForm(code: string, n: number): string {
  const suffix = String(n + 1);
  return `${code.slice(0, CODE_MAX - suffix.length)}${suffix}`;
}

const FORMS = 99;

/** What a board here is called in the shared document, given what this file holds and what the document holds. */
export function sharedValue(value: unknown, shared: unknown, form: (v: string, n: number) => string): unknown {
  if (typeof value !== 'string' || typeof shared !== 'string' || value === shared) return value;
  for (let n = 1; n <= FORMS; n += 1) if (form(shared, n) === value) return shared;
  return value;
}

/** What a board taking a name or short code this file already has is shown as here, and which board has it. */
export interface BoardNameTaken {
  field: 'name' | 'short_code';
  value: string;
  shownAs: string;
  takenBy: { boardId: string; name: string };
}

/** The document's board row as this file can hold it, and what it had to show differently. */
export function boardRowHere(db: Database, row: Row): { row: Row; taken: BoardNameTaken[] } {
  const id = String(row.id);
  const taken: BoardNameTaken[] = [];
  let out = row;
  const holder = (sql: string, value: string) => db.prepare(sql).get(value, id) as { id: string; name: string } | undefined;
  const nameHolder = (v: string) => holder('SELECT id, name FROM boards WHERE name = ? COLLATE NOCASE AND archived_at IS NULL AND id <> ?', v);
  const codeHolder = (v: string) => holder('SELECT id, name FROM boards WHERE short_code = ? COLLATE NOCASE AND id <> ?', v);
  const fields = [
    { field: 'name' as const, column: 'name', form: nameForm, holds: nameHolder, applies: row.archived_at === null || row.archived_at === undefined },
    { field: 'short_code' as const, column: 'short_code', form: codeForm, holds: codeHolder, applies: true },
  ];
  for (const f of fields) {
    const value = row[f.column];
    if (!f.applies || typeof value !== 'string') continue;
    const by = f.holds(value);
    if (!by) continue;
    let n = 1;
    while (n < FORMS && f.holds(f.form(value, n))) n += 1;
    const shownAs = f.form(value, n);
    out = { ...out, [f.column]: shownAs };
    taken.push({ field: f.field, value, shownAs, takenBy: { boardId: by.id, name: by.name } });
  }
  return { row: out, taken };
}

/** The rows the mirror writes to the board's document: a local form goes back to the value the document holds. */
export function sharedBoardRows(rows: Map<string, Row>, doc: Map<string, Row>): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const [key, row] of rows) {
    const there = doc.get(key);
    out.set(key, there ? { ...row, name: sharedValue(row.name, there.name, nameForm) as Row[string], short_code: sharedValue(row.short_code, there.short_code, codeForm) as Row[string] } : row);
  }
  return out;
}
