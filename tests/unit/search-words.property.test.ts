// Property test (fast-check) of the index's word list (store/searchWords.ts): after any sequence of
// items added, retitled, discussed and deleted, decisions added and changed, meetings deleted,
// writes rolled back and the index built again, the list is exactly FTS5's vocabulary (every word
// it holds, and no word of text since changed or deleted), and a prefix search finds exactly what
// FTS5's own prefix query ("word"* with no expansion) finds, prefixes of more than
// MAX_PREFIX_WORDS words too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { indexChanges, rebuildSearchIndex } from '../../electron/core/store/searchIndex';
import { discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { ok, tempCore } from '../helpers/temp';

/** Words sharing prefixes (a prefix of 'ab' letters stands for up to hundreds of them), with case and diacritics FTS5 folds. */
const word = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[ab]{1,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('Abba', 'ABBA', 'abçab', 'aßab', 'ábab', 'ab2b', 'b1', 'café', 'naïve') },
);
const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

type Op =
  | { kind: 'add'; meeting: number; title: string }
  | { kind: 'retitle'; item: number; title: string }
  | { kind: 'discuss'; item: number; text: string }
  | { kind: 'deleteItem'; item: number }
  | { kind: 'decide'; item: number; text: string }
  | { kind: 'redecide'; decision: number; text: string }
  | { kind: 'deleteMeeting'; meeting: number }
  | { kind: 'rolledBack'; item: number; title: string }
  | { kind: 'rebuild' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), meeting: fc.nat(2), title: text }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('retitle' as const), item: fc.nat(), title: text }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('discuss' as const), item: fc.nat(), text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteItem' as const), item: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide' as const), item: fc.nat(), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redecide' as const), decision: fc.nat(), text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMeeting' as const), meeting: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rolledBack' as const), item: fc.nat(), title: text }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'rebuild' as const }) },
);

interface World {
  boardId: string;
  meetings: string[];
}

const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const ids = (core: Core, sql: string): string[] => core.store!.db.prepare(sql).pluck().all() as string[];

function run(core: Core, w: World, o: Op): void {
  const db = core.store!.db;
  const items = ids(core, 'SELECT id FROM agenda_items ORDER BY id');
  switch (o.kind) {
    case 'add': {
      while (w.meetings.length <= o.meeting) w.meetings.push(ok<{ id: string }>(core, 'createMeeting', { boardId: w.boardId, date: `2024-0${w.meetings.length + 1}-15` }).id);
      ok(core, 'addAgendaItem', { meetingId: w.meetings[o.meeting], title: o.title });
      return;
    }
    case 'retitle': {
      const item = pick(items, o.item);
      if (item) ok(core, 'updateAgendaItem', { itemId: item, title: o.title });
      return;
    }
    case 'discuss': {
      const item = pick(items, o.item);
      if (item) ok(core, 'saveDiscussion', { itemId: item, json: discussionRootJson([paragraphNode([textNode(o.text)])]) });
      return;
    }
    case 'deleteItem': {
      const item = pick(items, o.item);
      if (item) ok(core, 'deleteAgendaItem', { itemId: item });
      return;
    }
    case 'decide': {
      const item = pick(items, o.item);
      if (item) ok(core, 'addDecision', { itemId: item, text: o.text });
      return;
    }
    case 'redecide': {
      const decision = pick(ids(core, 'SELECT id FROM decisions ORDER BY id'), o.decision);
      if (decision) ok(core, 'updateDecision', { decisionId: decision, text: o.text });
      return;
    }
    case 'deleteMeeting': {
      const meeting = w.meetings[o.meeting];
      if (meeting && core.call('deleteMeeting', { meetingId: meeting }).ok) w.meetings.splice(o.meeting, 1);
      return;
    }
    case 'rolledBack': {
      // Indexed (its words noted and kept), then failed: the list, and the next write, are as if it never was.
      const item = pick(items, o.item);
      if (!item) return;
      expect(() =>
        db.transaction(() => {
          db.prepare('UPDATE agenda_items SET title = ? WHERE id = ?').run(`${o.title} rolledbackword`, item);
          indexChanges(db, [{ entity: 'agenda_item', id: item }]);
          throw new Error('refused');
        })(),
      ).toThrow('refused');
      expect(db.prepare("SELECT count(*) FROM search.search_words WHERE term = 'rolledbackword'").pluck().get()).toBe(0);
      return;
    }
    case 'rebuild':
      rebuildSearchIndex(db);
      return;
  }
}

/** Every word FTS5's vocabulary holds. */
function vocabulary(core: Core): string[] {
  const db = core.store!.db;
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab USING fts5vocab(search, search_fts, row)');
  return db.prepare('SELECT term FROM temp.test_vocab ORDER BY term').pluck().all() as string[];
}

function expectListIsVocabulary(core: Core): void {
  const listed = core.store!.db.prepare('SELECT term FROM search.search_words ORDER BY term').pluck().all() as string[];
  expect(listed).toEqual(vocabulary(core));
}

/** The entries FTS5 finds for a prefix read by itself, and those search finds (every one: fewer than its limit). */
function expectPrefixFoundExactly(core: Core, prefix: string): void {
  const key = (kind: string, id: string): string => `${kind} ${id}`;
  const fts = (
    core.store!.db
      .prepare('SELECT d.kind, d.source_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ?')
      .all(`{title body} : ("${prefix}"*)`) as Array<{ kind: string; source_id: string }>
  ).map((r) => key(r.kind, r.source_id));
  const found = ok<SearchResult>(core, 'search', { query: `${prefix}*`, limit: 200 });
  const hits = found.meetings.flatMap((m) => m.hits.map((h) => key(h.target.kind, h.target.id)));
  expect(fts.length, prefix).toBeLessThan(200);
  expect(hits.sort(), prefix).toEqual(fts.sort());
}

/** Prefixes to look for: 'a', 'b', and the starts (4 characters and more, as search writes them out) of the words indexed. */
function prefixes(core: Core): string[] {
  const starts = vocabulary(core)
    .filter((t) => /^[a-z0-9]{4,}$/.test(t))
    .flatMap((t) => Array.from({ length: t.length - 3 }, (_, n) => t.slice(0, n + 4)));
  return [...new Set(['a', 'b', 'abab', 'zzzz', ...starts])].slice(0, 60);
}

describe('the index’s word list', () => {
  it('is FTS5’s vocabulary exactly, and a prefix finds what FTS5 reading the prefix itself finds, after any sequence of writes, deletes, rollbacks and rebuilds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const core = await tempCore();
        try {
          const w: World = { boardId: ok<{ id: string }>(core, 'createBoard', { name: 'Audit Committee' }).id, meetings: [] };
          for (const o of ops) {
            run(core, w, o);
            expectListIsVocabulary(core);
          }
          for (const prefix of prefixes(core)) expectPrefixFoundExactly(core, prefix);
        } finally {
          core.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
