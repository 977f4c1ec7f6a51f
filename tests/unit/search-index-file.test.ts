// The search index in its own file (store/searchIndexFile.ts): the data file holds the record
// only; the index file beside it is encrypted with the same key; and whatever happens to the index
// file (lost, left behind by a crash, from a later state of the data file, damaged) the data file
// opens with an index that says what the record says. Migration search_index_file takes an older
// file's index out of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { openWithKey } from '../../electron/core/crypt/cipher';
import { environmentKey } from '../../electron/core/crypt/keySource';
import { searchIndexFile } from '../../electron/core/store/searchIndexFile';
import { fileBeforeMigration, migrateFrom, openBefore } from '../helpers/migrationAt';
import { ok, tempCore, tempDir } from '../helpers/temp';

const count = (core: Core, query: string): number => ok<SearchResult>(core, 'search', { query }).count;

/** What the index holds, without its row numbers (a rebuild numbers rows afresh). */
const entries = (core: Core): string[] =>
  (core.store!.db.prepare('SELECT kind, source_id, meeting_id, item_id, action_id, title, body, board_token FROM search_docs').all() as unknown[]).map((r) => JSON.stringify(r)).sort();

const builtAt = (core: Core): string => core.store!.db.prepare('SELECT built_at FROM search_state').pluck().get() as string;

async function boardWithItem(file: string, title: string): Promise<{ core: Core; meetingId: string }> {
  const core = await tempCore(file);
  const { id: boardId } = ok<{ id: string }>(core, 'createBoard', { name: 'Finance Committee' });
  const { id: meetingId } = ok<{ id: string }>(core, 'createMeeting', { boardId, date: '2014-02-19' });
  ok(core, 'addAgendaItem', { meetingId, title });
  return { core, meetingId };
}

/** The index as a fresh build from the record makes it, on a copy of the data file without its index. */
async function rebuiltEntries(file: string): Promise<string[]> {
  const copy = path.join(tempDir(), 'copy.sqlite');
  fs.copyFileSync(file, copy);
  const core = await tempCore(copy);
  const made = entries(core);
  core.close();
  return made;
}

describe('the search index in its own file', () => {
  it('keeps the record alone in the data file, and the index encrypted beside it', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core } = await boardWithItem(file, 'Quarterly budget monitoring');
    expect(count(core, 'budget')).toBe(1);
    const inData = core.store!.db.prepare("SELECT name FROM main.sqlite_master WHERE name LIKE 'search%'").pluck().all();
    expect(inData).toEqual([]);
    core.close();
    const index = searchIndexFile(file);
    expect(fs.readFileSync(index).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(fs.statSync(index).mode & 0o777).toBe(0o600);
    const keyed = openWithKey(index, environmentKey(), { readonly: true, fileMustExist: true });
    expect(keyed.prepare("SELECT count(*) FROM search_docs WHERE title = 'Quarterly budget monitoring'").pluck().get()).toBe(1);
    keyed.close();
    const plain = openWithKey(index, null, { readonly: true, fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM search_docs').get()).toThrow();
    plain.close();
  });

  it('builds the index again when its file is lost', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core } = await boardWithItem(file, 'Risk register review');
    const before = entries(core);
    core.close();
    fs.rmSync(searchIndexFile(file));
    const again = await tempCore(file);
    expect(entries(again)).toEqual(before);
    expect(count(again, 'register')).toBe(1);
  });

  it('brings an index left behind its data file up to date from the change log, without building it again', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core, meetingId } = await boardWithItem(file, 'Estates strategy');
    const built = builtAt(core);
    core.close();
    const behind = path.join(tempDir(), 'index-behind');
    fs.copyFileSync(searchIndexFile(file), behind);
    // Saved to the data file while the index file kept its older state (as a crash between the two files' commits leaves them).
    const later = await tempCore(file);
    const { item } = ok<{ item: { id: string } }>(later, 'addAgendaItem', { meetingId, title: 'Bilby habitat survey' });
    ok(later, 'updateAgendaItem', { itemId: item.id, title: 'Bilby habitat survey, second phase' });
    later.close();
    fs.copyFileSync(behind, searchIndexFile(file));
    const again = await tempCore(file);
    expect(count(again, 'bilby')).toBe(1);
    expect(builtAt(again)).toBe(built);
    expect(entries(again)).toEqual(await rebuiltEntries(file));
  });

  it('builds the index again when it follows a later state of the data file (a backup put back by hand)', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core, meetingId } = await boardWithItem(file, 'Governance review');
    core.close();
    const backup = path.join(tempDir(), 'backup.sqlite');
    fs.copyFileSync(file, backup);
    const later = await tempCore(file);
    ok(later, 'addAgendaItem', { meetingId, title: 'Potoroo crossing' });
    expect(count(later, 'potoroo')).toBe(1);
    later.close();
    fs.copyFileSync(backup, file);
    const again = await tempCore(file);
    expect(count(again, 'potoroo')).toBe(0);
    expect(count(again, 'governance')).toBe(1);
    expect(entries(again)).toEqual(await rebuiltEntries(file));
  });

  it('makes a damaged index file again, from everything the data file holds', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core } = await boardWithItem(file, 'Treasury management');
    const before = entries(core);
    core.close();
    fs.writeFileSync(searchIndexFile(file), Buffer.alloc(8192, 0x5a));
    const again = await tempCore(file);
    expect(entries(again)).toEqual(before);
    expect(count(again, 'treasury')).toBe(1);
  });

  it('opens the minutes without search when the index cannot be made, and indexes what was saved meanwhile the next time', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const { core, meetingId } = await boardWithItem(file, 'Safeguarding audit');
    core.close();
    fs.rmSync(searchIndexFile(file));
    // Test set-up: the index file's name taken by a folder, so that no index file can be made there.
    fs.mkdirSync(searchIndexFile(file));
    const without = await tempCore(file);
    const refused = without.call('search', { query: 'audit' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Search is not available.*Your minutes are not affected/);
    ok(without, 'addAgendaItem', { meetingId, title: 'Quokka census' });
    expect(ok<{ items: unknown[] }>(without, 'getMinutes', { meetingId }).items).toHaveLength(2);
    without.close();
    fs.rmdirSync(searchIndexFile(file));
    const again = await tempCore(file);
    expect(count(again, 'quokka')).toBe(1);
    expect(count(again, 'audit')).toBe(1);
  });

  it('migration search_index_file takes the index out of an older file, and the file opens with it beside it', async () => {
    const at = await fileBeforeMigration('search_index_file');
    const old = await openBefore(at);
    const titles = old.db.prepare('SELECT title FROM agenda_items').pluck().all() as string[];
    const indexedBefore = old.db.prepare("SELECT count(*) FROM search_docs WHERE kind = 'item'").pluck().get() as number;
    expect(indexedBefore).toBe(titles.length);
    old.close();
    const store = await migrateFrom(at);
    expect(store.db.prepare("SELECT name FROM main.sqlite_master WHERE name LIKE 'search%'").pluck().all()).toEqual([]);
    expect(store.db.prepare("SELECT count(*) FROM search.search_docs WHERE kind = 'item'").pluck().get()).toBe(indexedBefore);
    store.close();
    expect(fs.existsSync(searchIndexFile(at.file))).toBe(true);
  });
});
