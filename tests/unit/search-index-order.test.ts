// The search index's layout for fast searches (store/searchIndex.ts, search/search.ts): a rebuild
// numbers entries oldest meeting first, so the newest matches are the highest rowids; a rebuild
// is one transaction (interrupted, the file keeps the index it had); a file indexed by an older
// version is rebuilt on open; prefixes the index has no list for are read as their words; a
// board's search never shows its board token in a snippet.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { rebuildSearchIndex, SEARCH_INDEX_VERSION } from '../../electron/core/store/searchIndex';
import { parseQuery } from '../../electron/core/search/query';
import { discussionRootJson, paragraphNode, textNode } from '../../shared/domain/discussionJson';
import { ok, tempCore, tempDir } from '../helpers/temp';

const search = (core: Core, query: string, extra: Record<string, unknown> = {}): SearchResult => ok<SearchResult>(core, 'search', { query, ...extra });
const hitsOf = (r: SearchResult): SearchHit[] => r.meetings.flatMap((m) => m.hits);
const docs = (core: Core): unknown => core.store!.db.prepare('SELECT * FROM search_docs ORDER BY id').all();

/** A board with meetings made in the order given, each with one item titled as asked. */
function boardWithMeetings(core: Core, name: string, dates: string[], title: (date: string) => string): { boardId: string; meetings: string[] } {
  const { id: boardId } = ok<{ id: string }>(core, 'createBoard', { name });
  const meetings = dates.map((date) => {
    const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId, date });
    ok(core, 'addAgendaItem', { meetingId: meeting.id, title: title(date) });
    return meeting.id;
  });
  return { boardId, meetings };
}

describe('search index: order and rebuilding', () => {
  it('numbers entries oldest meeting first on a rebuild, whatever order they were written in', async () => {
    const core = await tempCore();
    boardWithMeetings(core, 'Board A', ['2019-05-01', '2014-02-19', '2016-07-07'], (d) => `Quokka ${d}`);
    boardWithMeetings(core, 'Board B', ['2015-01-01', '2020-03-03'], (d) => `Quokka ${d}`);
    rebuildSearchIndex(core.store!.db);
    const dates = core.store!.db.prepare('SELECT m.meeting_date FROM search_docs d JOIN meetings m ON m.id = d.meeting_id ORDER BY d.id').pluck().all() as string[];
    expect(dates).toHaveLength(5);
    expect(dates).toEqual([...dates].sort());
    // Newest first among equals, across boards.
    const order = hitsOf(search(core, 'quokka')).map((h) => h.itemTitle);
    expect(order).toEqual(['2020-03-03', '2019-05-01', '2016-07-07', '2015-01-01', '2014-02-19'].map((d) => `Quokka ${d}`));
  });

  it('an interrupted rebuild leaves the index as it was, and search still works', async () => {
    const core = await tempCore();
    boardWithMeetings(core, 'Board A', ['2014-02-19', '2015-02-19'], (d) => `Wombat ${d}`);
    const db = core.store!.db;
    const before = docs(core);
    const state = db.prepare('SELECT * FROM search_state').get();
    // Test setup: a failure half-way through writing the new entries (as a crash or a full disk would).
    db.exec("CREATE TEMP TRIGGER interrupt BEFORE INSERT ON search.search_docs WHEN (SELECT count(*) FROM search.search_docs) >= 1 BEGIN SELECT RAISE(ABORT, 'interrupted'); END");
    expect(() => rebuildSearchIndex(db)).toThrow(/interrupted/);
    db.exec('DROP TRIGGER temp.interrupt');
    expect(docs(core)).toEqual(before);
    expect(db.prepare('SELECT * FROM search_state').get()).toEqual(state);
    db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(hitsOf(search(core, 'wombat'))).toHaveLength(2);
  });

  it('a file indexed by an older version of the indexer is rebuilt on open, to the same entries', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const first = await tempCore(file);
    boardWithMeetings(first, 'Board A', ['2016-01-01', '2014-01-01'], (d) => `Numbat ${d}`);
    rebuildSearchIndex(first.store!.db);
    const built = docs(first);
    first.store!.db.prepare('UPDATE search_state SET index_version = ?').run(SEARCH_INDEX_VERSION - 1);
    first.store!.db.prepare('DELETE FROM search_docs').run();
    first.store!.db.prepare("INSERT INTO search_fts (search_fts) VALUES ('rebuild')").run();
    first.close();
    const again = await tempCore(file);
    expect(again.store!.db.prepare('SELECT index_version FROM search_state').pluck().get()).toBe(SEARCH_INDEX_VERSION);
    expect(docs(again)).toEqual(built);
    expect(hitsOf(search(again, 'numbat'))).toHaveLength(2);
  });
});

describe('search: prefixes and boards', () => {
  it('reads a prefix the index keeps no list for as the words it stands for, and finds the same with many words', async () => {
    expect(parseQuery('safeg*', () => ['safeguard', 'safeguarding']).match).toBe('("safeguard" OR "safeguarding")');
    expect(parseQuery('safeg*', () => null).match).toBe('"safeg"*');
    // Indexed lengths (2 and 3 characters) and anything but plain letters and digits go to FTS5 as they are.
    expect(parseQuery('saf*', () => ['never']).match).toBe('"saf"*');
    expect(parseQuery('café*', () => ['never']).match).toBe('"café"*');

    const core = await tempCore();
    const few = ['kiwiberry', 'kiwifruit'];
    const many = Array.from({ length: 70 }, (_, n) => `emuword${n}`);
    boardWithMeetings(core, 'Board A', ['2014-01-01'], () => `Kiwi: ${few.join(' ')}`);
    const { meetings } = boardWithMeetings(core, 'Board B', ['2015-01-01'], () => 'Emus');
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meetings[0], title: 'Emu words' });
    ok(core, 'saveDiscussion', { itemId: item.id, json: discussionRootJson([paragraphNode([textNode(many.join(' '))])]) });
    const kiwi = hitsOf(search(core, 'kiwi*'));
    expect(kiwi).toHaveLength(1);
    expect(kiwi[0]?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(few));
    // More words than are written out: FTS5 reads the prefix itself, and finds the same.
    expect(hitsOf(search(core, 'emuword*')).map((h) => h.itemTitle)).toEqual(['Emu words']);
    expect(hitsOf(search(core, 'emuwor* -kiwi*'))).toHaveLength(1);
  });

  it("shows a board's hits with snippets of their own text, never the board's token", async () => {
    const core = await tempCore();
    const a = boardWithMeetings(core, 'Board A', ['2014-01-01', '2015-01-01'], (d) => `Dingo report ${d}`);
    boardWithMeetings(core, 'Board B', ['2014-06-01'], (d) => `Dingo audit ${d}`);
    const hits = hitsOf(search(core, 'dingo', { boardId: a.boardId }));
    expect(hits.map((h) => h.itemTitle)).toEqual(['Dingo report 2015-01-01', 'Dingo report 2014-01-01']);
    for (const h of hits) expect(h.snippet.map((p) => p.text).join('')).toBe(h.itemTitle);
  });
});
