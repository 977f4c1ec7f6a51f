// Every enumerated column's CHECK constraint in the schema (read back from a fresh store built by
// the real migrations) lists exactly the values of its const tuple in shared/domain/enums.ts.
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  BETWEEN_UPDATE_STATUSES,
  CONFIDENTIAL_DISPLAYS,
  DECLARATION_PARTICIPATIONS,
  DUE_KINDS,
  GROUP_KINDS,
  INTEREST_CATEGORIES,
  ITEM_KINDS,
  ITEM_NUMBERINGS,
  MEETING_STATUSES,
  QUORUM_KINDS,
  SYNC_CONFLICT_KINDS,
  SYNC_STATES,
  SYNC_UPDATE_ORIGINS,
} from '../../shared/domain/enums';
import { tempCore } from '../helpers/temp';

/** table.column -> the tuple its CHECK (column IN (...)) must list. */
const ENUM_COLUMNS: Record<string, readonly string[]> = {
  'boards.item_numbering': ITEM_NUMBERINGS,
  'boards.quorum_kind': QUORUM_KINDS,
  'boards.confidential_display': CONFIDENTIAL_DISPLAYS,
  'board_groups.kind': GROUP_KINDS,
  'meetings.status': MEETING_STATUSES,
  'attendance.status': ATTENDANCE_STATUSES,
  'agenda_items.kind': ITEM_KINDS,
  'actions.due_kind': DUE_KINDS,
  'actions.status': ACTION_STATUSES,
  'action_updates.status': ACTION_STATUSES,
  'between_updates.status': BETWEEN_UPDATE_STATUSES,
  'interests.category': INTEREST_CATEGORIES,
  'declarations.participation': DECLARATION_PARTICIPATIONS,
  'sync_boards.state': SYNC_STATES,
  'sync_updates.origin': SYNC_UPDATE_ORIGINS,
  'sync_conflicts.kind': SYNC_CONFLICT_KINDS,
};

interface InListCheck {
  column: string;
  values: Array<string | number>;
}

/** The text inside the parentheses that open at `open`, nested ones and quoted strings included. */
function balanced(sql: string, open: number): string {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return sql.slice(open + 1, i);
  }
  throw new Error(`Unbalanced CHECK in: ${sql}`);
}

/** Every `column IN (literal, ...)` inside a CHECK constraint of a CREATE TABLE statement. */
function inListChecks(createTable: string): InListCheck[] {
  const found: InListCheck[] = [];
  for (const check of createTable.matchAll(/\bCHECK\s*\(/gi)) {
    const body = balanced(createTable, (check.index ?? 0) + check[0].length - 1);
    for (const m of body.matchAll(/(\w+)\s+IN\s*\(([^()]*)\)/gi)) {
      const values = (m[2] as string).split(',').map((v) => {
        const t = v.trim();
        return t.startsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : Number(t);
      });
      found.push({ column: m[1] as string, values });
    }
  }
  return found;
}

/** What is wrong with a schema's IN-list CHECKs: unmapped ones, ones that differ from their tuple, mapped ones missing. */
function problems(tables: Array<{ name: string; sql: string }>, mapping: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const check of inListChecks(table.sql)) {
      const key = `${table.name}.${check.column}`;
      // A yes/no column (INTEGER 0 or 1) is a flag, not an enumeration.
      if (check.values.length === 2 && check.values[0] === 0 && check.values[1] === 1) continue;
      const tuple = mapping[key];
      if (!tuple) {
        out.push(`${key} has CHECK IN (${check.values.join(', ')}) but no tuple in shared/domain/enums.ts is mapped to it`);
        continue;
      }
      seen.add(key);
      if ([...check.values].sort().join('|') !== [...tuple].sort().join('|')) {
        out.push(`${key} allows (${check.values.join(', ')}) but its tuple is (${tuple.join(', ')})`);
      }
    }
  }
  for (const key of Object.keys(mapping)) if (!seen.has(key)) out.push(`${key} is mapped to a tuple but the schema has no CHECK IN for it`);
  return out;
}

describe('the schema and the enums', () => {
  it('checks every enumerated column against its tuple in shared/domain/enums.ts', async () => {
    const core = await tempCore();
    const tables = core.store!.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThan(10);
    expect(problems(tables, ENUM_COLUMNS)).toEqual([]);
  });

  it('reports an IN-list CHECK with no tuple, a list that differs from its tuple, and a mapping with no CHECK', () => {
    const tables = [
      { name: 't', sql: "CREATE TABLE t (a TEXT CHECK (a IN ('x', 'y')), b TEXT CHECK (b IS NULL OR b IN ('p', 'q''s')), f INTEGER CHECK (f IN (0, 1)))" },
    ];
    expect(problems(tables, { 't.b': ['p'], 't.gone': ['z'] })).toEqual([
      't.a has CHECK IN (x, y) but no tuple in shared/domain/enums.ts is mapped to it',
      "t.b allows (p, q's) but its tuple is (p)",
      't.gone is mapped to a tuple but the schema has no CHECK IN for it',
    ]);
  });
});
