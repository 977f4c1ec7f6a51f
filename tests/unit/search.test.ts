// Full-text search over the record: what it finds (items, decisions, actions with references and
// owners, progress, attendance), ranking, snippets, phrases, prefixes, folding of case and
// diacritics, the filters, the confidential rule, and the index following every kind of write.
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { rebuildSearchIndex } from '../../electron/core/store/searchIndex';
import { RANK_WINDOW } from '../../electron/core/search/search';
import { ok, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';

const search = (core: Core, query: string, extra: Record<string, unknown> = {}): SearchResult => ok<SearchResult>(core, 'search', { query, ...extra });
const hitsOf = (r: SearchResult): SearchHit[] => r.meetings.flatMap((m) => m.hits);
const marked = (h: SearchHit): string[] => h.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase());
const snippetText = (h: SearchHit): string => h.snippet.map((p) => p.text).join('');

async function seeded(): Promise<{ core: Core; seed: SeededMinutes }> {
  const core = await tempCore();
  const seed = await seedFixtureMinutes(inProcess(core));
  return { core, seed };
}

const lexical = (text: string): string =>
  JSON.stringify({
    root: {
      type: 'root', direction: 'ltr', format: '', indent: 0, version: 1,
      children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', version: 1,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }] }],
    },
  });

const docsOf = (core: Core): unknown =>
  core.store!.db.prepare('SELECT kind, source_id, meeting_id, item_id, action_id, title, body, board_token FROM search_docs ORDER BY kind, source_id').all();

/** The index kept by the writes is exactly the one a rebuild makes, and FTS5 agrees with its content. */
function expectIndexMatchesRebuild(core: Core): void {
  const db = core.store!.db;
  const kept = docsOf(core);
  db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
  rebuildSearchIndex(db);
  expect(docsOf(core)).toEqual(kept);
}

/** Each hit's snippet comes from its own record (its title or text), never another's. */
function expectSnippetsFromOwnRecord(core: Core, r: SearchResult): void {
  const doc = core.store!.db.prepare('SELECT title, body FROM search_docs WHERE kind = ? AND source_id = ?');
  for (const h of hitsOf(r)) {
    const own = doc.get(h.target.kind, h.target.id) as { title: string; body: string };
    const squash = (t: string): string => t.replace(/\s+/gu, ' ');
    const text = `${squash(own.title)}\n${squash(own.body)}`;
    for (const piece of snippetText(h).split('…').map((p) => p.trim()).filter(Boolean)) expect(text, h.target.id).toContain(piece);
  }
}

describe('search: what it finds', () => {
  it('finds discussion, decisions, actions by details, reference and owner, and attendance, each with its meeting and item', async () => {
    const { core, seed } = await seeded();
    const fostering = search(core, 'fostering');
    expectSnippetsFromOwnRecord(core, fostering);
    expectSnippetsFromOwnRecord(core, search(core, 'the'));
    const kinds = new Set(hitsOf(fostering).map((h) => h.kind));
    expect(kinds).toEqual(new Set(['item', 'decision', 'action']));
    const item6b = hitsOf(fostering).find((h) => h.kind === 'item' && h.itemNumber === '6b');
    expect(item6b?.itemTitle).toBe('Private Fostering');
    expect(item6b?.target).toMatchObject({ meetingId: seed.meetingId, kind: 'item', id: seed.items['6b'], itemId: seed.items['6b'] });
    expect(fostering.meetings[0]).toMatchObject({ meetingId: seed.meetingId, date: '2014-02-19', status: 'draft' });

    const decision = hitsOf(search(core, 'multi agency project board')).find((h) => h.kind === 'decision');
    expect(decision?.itemNumber).toBe('2');

    const reference = seed.references[0] as string;
    const byRef = hitsOf(search(core, `"${reference}"`)).filter((h) => h.kind === 'action');
    expect(byRef.map((h) => h.reference)).toContain(reference);

    // Owners by initials and by full name.
    const rp = hitsOf(search(core, 'RP', { kinds: ['action'] }));
    expect(rp.length).toBeGreaterThan(0);
    const sampleRoster = ok<Array<{ initials: string; fullName: string }>>(core, 'listRoster', { boardId: seed.boardId });
    const rpName = sampleRoster.find((m) => m.initials === 'RP')?.fullName as string;
    const surname = rpName.split(' ').at(-1) as string;
    expect(hitsOf(search(core, surname, { kinds: ['action'] })).length).toBe(rp.length);

    const attendance = hitsOf(search(core, 'Hawkins'));
    expect(attendance.some((h) => h.kind === 'attendance' && h.target.meetingId === seed.meetingId)).toBe(true);
  });

  it('marks the words found in the snippet, and folds case and diacritics; prefixes and phrases work', async () => {
    const { core, seed } = await seeded();
    ok(core, 'saveDiscussion', { itemId: seed.items['5'], json: lexical('The Café Rouge report was discussed by the Naïve Committee on Safeguarding.') });
    const cafe = hitsOf(search(core, 'cafe'));
    expect(cafe).toHaveLength(1);
    expect(marked(cafe[0] as SearchHit)).toEqual(['café']);
    expect(snippetText(cafe[0] as SearchHit)).toContain('The Café Rouge report');
    expect(hitsOf(search(core, 'NAIVE')).map((h) => h.itemNumber)).toEqual(['5']);

    const prefix = hitsOf(search(core, 'fost*'));
    expect(prefix.length).toBeGreaterThanOrEqual(hitsOf(search(core, 'fostering')).length);
    expect(prefix.flatMap(marked).every((w) => w.startsWith('fost'))).toBe(true);
    expect(search(core, 'fost*').highlight).toEqual(['fost*']);

    // A phrase needs the words together and in order.
    expect(hitsOf(search(core, '"rouge café"'))).toHaveLength(0);
    expect(hitsOf(search(core, '"café rouge"'))).toHaveLength(1);
    expect(hitsOf(search(core, 'rouge café'))).toHaveLength(1);
    // Left out with -, either with OR.
    expect(hitsOf(search(core, 'cafe -rouge'))).toHaveLength(0);
    expect(hitsOf(search(core, 'rouge OR zzzunknown'))).toHaveLength(1);
  });

  it('ranks a word in a title or reference above the same word in passing, and the more it is said the higher', async () => {
    const { core, seed } = await seeded();
    const m = seed.meetingId;
    const { item: a } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m, title: 'Budget' });
    const { item: b } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m, title: 'Any other business' });
    const { item: c } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m, title: 'Finance update' });
    ok(core, 'saveDiscussion', { itemId: b.id, json: lexical('The treasurer noted the zebrafund in passing, among many other matters raised about the year ahead and the premises.') });
    ok(core, 'saveDiscussion', { itemId: c.id, json: lexical('Zebrafund. The zebrafund grew. The zebrafund will be audited.') });
    ok(core, 'updateAgendaItem', { itemId: a.id, title: 'Zebrafund' });
    const order = hitsOf(search(core, 'zebrafund')).map((h) => h.itemId);
    expect(order).toEqual([a.id, c.id, b.id]);
  });

  it('filters by board, dates and kinds, and groups hits by meeting in the order of their best hit', async () => {
    const { core, seed } = await seeded();
    const other = ok<{ id: string }>(core, 'createBoard', { name: 'Other board' });
    const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId: other.id, date: '2015-03-01' });
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Private fostering audit' });
    const all = search(core, 'fostering');
    expect(new Set(all.meetings.map((g) => g.boardId))).toEqual(new Set([seed.boardId, other.id]));
    expect(search(core, 'fostering', { boardId: other.id }).meetings.map((g) => g.meetingId)).toEqual([meeting.id]);
    expect(hitsOf(search(core, 'fostering', { boardId: other.id })).map((h) => h.itemId)).toEqual([item.id]);
    expect(search(core, 'fostering', { from: '2015-01-01' }).meetings.map((g) => g.meetingId)).toEqual([meeting.id]);
    expect(search(core, 'fostering', { to: '2014-12-31' }).meetings.map((g) => g.boardId)).toEqual([seed.boardId]);
    expect(new Set(hitsOf(search(core, 'fostering', { kinds: ['action'] })).map((h) => h.kind))).toEqual(new Set(['action']));
    // Each meeting once, its hits together.
    const ids = all.meetings.map((g) => g.meetingId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.count).toBe(hitsOf(all).length);
    const limited = search(core, 'the', { limit: 3 });
    expect(limited.count).toBe(3);
    expect(limited.more).toBe(true);
  });
});

describe('search: many matches', () => {
  it('ranks the newest RANK_WINDOW matches of a word found everywhere, says there are more, and a board is only a filter', async () => {
    const { core, seed } = await seeded();
    const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId: seed.boardId, date: '2014-09-01' });
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Quoll' });
    const db = core.store!.db;
    // Test setup: more matches than the window, straight into the index's own tables as the indexer would write them.
    const doc = db.prepare('SELECT * FROM search_docs WHERE source_id = ?').get(item.id) as Record<string, unknown>;
    const insert = db.prepare('INSERT INTO search_docs (kind, source_id, meeting_id, item_id, action_id, title, body, board_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const fts = db.prepare('INSERT INTO search_fts (rowid, title, body, board_token) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let n = 0; n < RANK_WINDOW + 50; n++) {
        const body = n === RANK_WINDOW ? 'quoll quoll quoll quoll' : `a passing quoll number ${n} among many other words of the minutes`;
        const { lastInsertRowid } = insert.run('decision', `extra-${n}`, meeting.id, item.id, null, '', body, doc.board_token);
        fts.run(lastInsertRowid, '', body, doc.board_token);
      }
    })();
    const r = search(core, 'quoll', { limit: 5 });
    expect(r.more).toBe(true);
    expect(r.count).toBe(5);
    // The most-said body is the best of the newest window; the item titled "Quoll", written before
    // them all, is outside it (it would rank first: a title counts four times).
    expect(snippetText(hitsOf(r)[0] as SearchHit)).toBe('quoll quoll quoll quoll');
    expect(hitsOf(r).some((h) => h.kind === 'item')).toBe(false);
    // The board token is never a word anyone can find.
    const token = doc.board_token as string;
    expect(hitsOf(search(core, token))).toHaveLength(0);
    expect(hitsOf(search(core, 'Quoll', { boardId: seed.boardId, kinds: ['item'] })).map((h) => h.itemId)).toEqual([item.id]);
  });
});

describe('search: confidential items', () => {
  it('are found in the full version, flagged, and never in the public one, with their decisions, actions and progress', async () => {
    const { core, seed } = await seeded();
    const itemId = seed.items['6b'] as string;
    ok(core, 'updateAgendaItem', { itemId, confidential: true });
    const full = hitsOf(search(core, 'fostering', { version: 'full' }));
    const from6b = full.filter((h) => h.itemId === itemId);
    expect(from6b.map((h) => h.kind).sort()).toEqual(['action', 'item']);
    expect(from6b.every((h) => h.confidential)).toBe(true);
    expect(full.filter((h) => h.itemId !== itemId).every((h) => !h.confidential)).toBe(true);
    expect(search(core, 'fostering').version).toBe('full');

    // Progress recorded at the next meeting on the confidential item's action stays confidential.
    const action = hitsOf(search(core, 'fostering', { kinds: ['action'] })).find((h) => h.itemId === itemId) as SearchHit;
    ok(core, 'carryForward', { meetingId: seed.laterMeetingId });
    ok(core, 'recordActionUpdate', { meetingId: seed.laterMeetingId, actionId: action.target.actionId, text: 'Quokka plan under way' });
    const update = hitsOf(search(core, 'quokka'));
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ kind: 'update', confidential: true, target: { meetingId: seed.laterMeetingId, actionId: action.target.actionId } });

    const pub = hitsOf(search(core, 'fostering OR quokka', { version: 'public' }));
    expect(pub.some((h) => h.itemId === itemId || h.confidential)).toBe(false);
    expect(pub.length).toBeGreaterThan(0);

    ok(core, 'updateAgendaItem', { itemId, confidential: false });
    expect(hitsOf(search(core, 'quokka', { version: 'public' }))).toHaveLength(1);
  });
});

describe('search: the index follows every write', () => {
  it('new words are found and old ones gone after an edit; deleted records leave the index', async () => {
    const { core, seed } = await seeded();
    const itemId = seed.items['5'] as string;
    ok(core, 'saveDiscussion', { itemId, json: lexical('Wombat sightings') });
    expect(hitsOf(search(core, 'wombat')).map((h) => h.itemId)).toEqual([itemId]);
    ok(core, 'saveDiscussion', { itemId, json: lexical('Nothing to report') });
    expect(hitsOf(search(core, 'wombat'))).toHaveLength(0);

    const decision = ok<{ id: string }>(core, 'addDecision', { itemId, text: 'Platypus agreed' });
    expect(hitsOf(search(core, 'platypus'))).toHaveLength(1);
    ok(core, 'updateDecision', { decisionId: decision.id, text: 'Echidna agreed' });
    expect(hitsOf(search(core, 'platypus'))).toHaveLength(0);
    expect(hitsOf(search(core, 'echidna'))).toHaveLength(1);
    ok(core, 'deleteDecision', { decisionId: decision.id });
    expect(hitsOf(search(core, 'echidna'))).toHaveLength(0);

    const action = ok<{ id: string }>(core, 'addAction', { itemId, details: 'Numbat survey' });
    expect(hitsOf(search(core, 'numbat'))).toHaveLength(1);
    ok(core, 'deleteAction', { actionId: action.id });
    expect(hitsOf(search(core, 'numbat'))).toHaveLength(0);

    // Deleting an item takes its discussion, decisions and actions out with it.
    ok(core, 'addDecision', { itemId, text: 'Bilby decided' });
    ok(core, 'addAction', { itemId, details: 'Bilby action' });
    ok(core, 'saveDiscussion', { itemId, json: lexical('Bilby discussion') });
    expect(hitsOf(search(core, 'bilby'))).toHaveLength(3);
    ok(core, 'deleteAgendaItem', { itemId });
    expect(hitsOf(search(core, 'bilby'))).toHaveLength(0);
  });

  it('is always what a rebuild from the record would make: after roster changes, progress, agreement and a deleted meeting', async () => {
    const { core, seed } = await seeded();
    const roster = ok<Array<{ id: string; initials: string; fullName: string }>>(core, 'listRoster', { boardId: seed.boardId });
    const member = roster.find((m) => m.initials === 'RP') as { id: string; fullName: string };
    ok(core, 'updateRosterMember', { memberId: member.id, fullName: member.fullName, initials: 'RPX' });
    expectIndexMatchesRebuild(core);
    ok(core, 'carryForward', { meetingId: seed.laterMeetingId });
    ok(core, 'markAllInProgress', { meetingId: seed.laterMeetingId });
    expectIndexMatchesRebuild(core);
    ok(core, 'circulateMinutes', { meetingId: seed.meetingId });
    ok(core, 'agreeMinutes', { meetingId: seed.meetingId, atMeetingId: seed.laterMeetingId });
    expectIndexMatchesRebuild(core);

    const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId: seed.boardId, date: '2014-06-01' });
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Dugong review' });
    ok(core, 'addAction', { itemId: item.id, details: 'Dugong action' });
    expect(hitsOf(search(core, 'dugong'))).toHaveLength(2);
    ok(core, 'deleteMeeting', { meetingId: meeting.id });
    expect(hitsOf(search(core, 'dugong'))).toHaveLength(0);
    expectIndexMatchesRebuild(core);
  });

  it('a refused write leaves the index as it was, and agreed minutes stay found', async () => {
    const { core, seed } = await seeded();
    const db = core.store!.db;
    const docs = (): unknown => db.prepare('SELECT kind, source_id, title, body FROM search_docs ORDER BY kind, source_id').all();
    const before = docs();
    const refused = core.call('addDecision', { itemId: seed.items['5'], text: 'x'.repeat(5_001) });
    expect(refused.ok).toBe(false);
    expect(docs()).toEqual(before);
    ok(core, 'circulateMinutes', { meetingId: seed.meetingId });
    ok(core, 'agreeMinutes', { meetingId: seed.meetingId, atMeetingId: seed.laterMeetingId });
    expect(hitsOf(search(core, 'fostering')).some((h) => h.target.meetingId === seed.meetingId)).toBe(true);
    expectIndexMatchesRebuild(core);
  });
});
