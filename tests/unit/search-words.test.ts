// The index's word list (store/searchWords.ts): writes keep it FTS5's vocabulary (a deleted item's
// words leave it), a rebuild makes the same; an index file from before it (index version 3) gets
// it on open; words listed that no text holds change no result, even when they make a prefix
// stand for more than MAX_PREFIX_WORDS words; and a data file that still holds its own index (a
// format before 23) finds prefixes from FTS5's vocabulary, as before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { MAX_PREFIX_WORDS } from '../../electron/core/search/search';
import { rebuildSearchIndex, SEARCH_INDEX_VERSION } from '../../electron/core/store/searchIndex';
import { discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { coreBefore, fileBeforeMigration } from '../helpers/migrationAt';
import { ok, tempCore, tempDir } from '../helpers/temp';

const listed = (core: Core): string[] => core.store!.db.prepare('SELECT term FROM search.search_words ORDER BY term').pluck().all() as string[];

/** FTS5's vocabulary of the index, in the schema it is in. */
function vocabulary(core: Core, schema = 'search'): string[] {
  const db = core.store!.db;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocab_${schema} USING fts5vocab(${schema}, search_fts, row)`);
  return db.prepare(`SELECT term FROM temp.test_vocab_${schema} ORDER BY term`).pluck().all() as string[];
}

const titlesFound = (core: Core, query: string): string[] =>
  ok<SearchResult>(core, 'search', { query, limit: 200 })
    .meetings.flatMap((m) => m.hits.map((h) => h.itemTitle ?? ''))
    .sort();

const key = (kind: string, id: string): string => `${kind} ${id}`;

const entriesFound = (core: Core, query: string): string[] =>
  ok<SearchResult>(core, 'search', { query, limit: 200 })
    .meetings.flatMap((m) => m.hits.map((h) => key(h.target.kind, h.target.id)))
    .sort();

/** The entries FTS5 finds reading the prefix itself. */
const entriesByFts = (core: Core, prefix: string): string[] =>
  (
    core.store!.db
      .prepare('SELECT d.kind, d.source_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ?')
      .all(`{title body} : ("${prefix}"*)`) as Array<{ kind: string; source_id: string }>
  )
    .map((r) => key(r.kind, r.source_id))
    .sort();

async function meeting(core: Core): Promise<string> {
  const { id: boardId } = ok<{ id: string }>(core, 'createBoard', { name: 'Audit Committee' });
  return ok<{ id: string }>(core, 'createMeeting', { boardId, date: '2024-03-14' }).id;
}

function item(core: Core, meetingId: string, title: string, text = ''): string {
  const { item: made } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId, title });
  if (text) ok(core, 'saveDiscussion', { itemId: made.id, json: discussionRootJson([paragraphNode([textNode(text)])]) });
  return made.id;
}

describe('the index’s word list', () => {
  it('gains the words of what each write indexes, loses those no text holds any more (half-typed words, deleted items), and is FTS5’s vocabulary exactly', async () => {
    const core = await tempCore();
    const meetingId = await meeting(core);
    const wallaby = item(core, meetingId, 'Wallaby survey', 'Wallabies counted at Ĉapel Farm');
    expect(listed(core)).toEqual(expect.arrayContaining(['wallaby', 'wallabies', 'counted', 'capel', 'farm', 'survey']));
    // The temporary tables a write's words pass through are left empty.
    for (const table of ['search_words_added_vocab', 'search_words_removed_vocab']) expect(core.store!.db.prepare(`SELECT count(*) FROM temp.${table}`).pluck().get()).toBe(0);
    ok(core, 'updateAgendaItem', { itemId: wallaby, title: 'Kangaroo survey' });
    const potoroo = item(core, meetingId, 'Potoroo habitat', 'Safeguardin');
    ok(core, 'saveDiscussion', { itemId: potoroo, json: discussionRootJson([paragraphNode([textNode('Safeguarding the habitat counted twice')])]) });
    expect(listed(core)).toEqual(expect.arrayContaining(['kangaroo', 'wallabies', 'potoroo', 'safeguarding']));
    expect(listed(core)).not.toContain('wallaby');
    expect(listed(core)).not.toContain('safeguardin');
    expect(listed(core)).toEqual(vocabulary(core));
    // Deleted means gone: the deleted item's words leave the list, but not a word another item still holds.
    ok(core, 'deleteAgendaItem', { itemId: potoroo });
    expect(listed(core).filter((w) => ['potoroo', 'habitat', 'safeguarding', 'twice'].includes(w))).toEqual([]);
    expect(listed(core)).toContain('counted');
    expect(listed(core)).toEqual(vocabulary(core));
    expect(titlesFound(core, 'wall*')).toEqual(['Kangaroo survey']);
    expect(titlesFound(core, 'poto*')).toEqual([]);
    const kept = listed(core);
    rebuildSearchIndex(core.store!.db);
    expect(listed(core)).toEqual(kept);
  });

  it('is made for an index file from before it (index version 3) when the data file opens', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const first = await tempCore(file);
    item(first, await meeting(first), 'Numbat recovery plan', 'Numbats, numbering and numeracy');
    const db = first.store!.db;
    db.exec('DROP TABLE search.search_words');
    db.prepare('UPDATE search.search_state SET index_version = ?').run(3);
    first.close();
    const again = await tempCore(file);
    expect(again.store!.db.prepare('SELECT index_version FROM search_state').pluck().get()).toBe(SEARCH_INDEX_VERSION);
    expect(listed(again)).toEqual(vocabulary(again));
    expect(listed(again)).toEqual(expect.arrayContaining(['numbat', 'numbats', 'numbering', 'numeracy']));
    expect(titlesFound(again, 'numb*')).toEqual(['Numbat recovery plan']);
  });

  it('finds exactly what FTS5 finds when words no text holds are listed, making a prefix stand for more than MAX_PREFIX_WORDS words, or fewer', async () => {
    const core = await tempCore();
    const meetingId = await meeting(core);
    item(core, meetingId, 'Quolls', 'quollword7 only');
    item(core, meetingId, 'Quoll sightings', 'quollword65 seen');
    // Test set-up: words that outlived their text (the list is a superset should a word ever stay: it must not matter).
    const words = Array.from({ length: MAX_PREFIX_WORDS + 6 }, (_, n) => `quollword${n}`);
    const put = core.store!.db.prepare('INSERT OR IGNORE INTO search.search_words (term) VALUES (?)');
    for (const w of words) put.run(w);
    expect(listed(core).filter((w) => w.startsWith('quollw'))).toHaveLength(words.length);
    expect(vocabulary(core).filter((w) => w.startsWith('quollw'))).toEqual(['quollword65', 'quollword7']);
    // Over the limit (FTS5 reads the prefix itself), and under it with words no text holds (written out as words).
    for (const prefix of ['quollw', 'quollword', 'quollword6', 'quollword7', 'quollword1']) {
      expect(entriesFound(core, `${prefix}*`), prefix).toEqual(entriesByFts(core, prefix));
    }
    expect(titlesFound(core, 'quollword*')).toEqual(['Quoll sightings', 'Quolls']);
    expect(titlesFound(core, 'quollword6*')).toEqual(['Quoll sightings']);
    expect(titlesFound(core, 'quollword1*')).toEqual([]);
    expect(titlesFound(core, 'quolls -quollword6*')).toEqual(['Quolls']);
  });

  it('is not needed by a data file that still holds its own index: prefixes are found from FTS5’s vocabulary', async () => {
    const core = await coreBefore(await fileBeforeMigration('search_index_file'));
    try {
      const db = core.store!.db;
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_words'").pluck().get()).toBe(0);
      const words = vocabulary(core, 'main').filter((w) => /^[a-z]{6,}$/.test(w));
      expect(words.length).toBeGreaterThan(0);
      for (const prefix of new Set(words.map((w) => w.slice(0, 4)))) {
        const found = entriesFound(core, `${prefix}*`);
        expect(found, prefix).toEqual(entriesByFts(core, prefix));
        expect(found.length, prefix).toBeGreaterThan(0);
      }
    } finally {
      core.close();
    }
  });
});
