// An import killed half-way: the browser host is killed with SIGKILL as soon as the import's
// first file is in. Each file is one transaction, so every file is in the data file whole (both
// its meetings, every action, a content hash that verifies) or not at all; importing the same
// files again brings in the rest and refuses, with a message each, those already there.
import fs from 'node:fs';
import path from 'node:path';
import { openTestFile } from '../helpers/testKey';
import { overHttp } from '../helpers/fixture-minutes';
import { expect, test } from './fixtures';

const BOARD = 'Southwark Safeguarding Children Executive Board';
const TEXT = fs.readFileSync(path.resolve('tests/fixtures/sscb-2014-02-19-and-04-10.txt'), 'utf8');
/** The fixture minutes moved to other years: distinct meetings, each file two of them. */
const YEARS = Array.from({ length: 16 }, (_, i) => 1995 + i);
const files = YEARS.map((y) => ({ name: `sscb-${y}.txt`, encoding: 'text', content: TEXT.replaceAll(' 2014\n', ` ${y}\n`) }));

interface Result {
  files: Array<{ name: string; imported: boolean; problem: string | null }>;
}

test('an import killed half-way leaves each file whole or absent, and importing again brings in the rest', async ({ dataFile, hosts }) => {
  test.setTimeout(180_000);
  const host = await hosts.start();
  const api = overHttp(host.origin, host.token);
  // Nothing is written until the import's first file: the board is created inside it.
  // Kill the host as soon as the first file is committed: on each change to the data file's
  // journal, look (read-only) for its meetings.
  const firstFileCommitted = (): boolean => {
    if (!fs.existsSync(dataFile)) return false;
    const reader = openTestFile(dataFile, { readonly: true, fileMustExist: true });
    try {
      return (reader.prepare("SELECT count(*) FROM meetings WHERE status = 'agreed'").pluck().get() as number) >= 2;
    } catch {
      return false;
    } finally {
      reader.close();
    }
  };
  const firstWrite = new Promise<void>((resolve) => {
    const watcher = fs.watch(path.dirname(dataFile), (_event, name) => {
      if (name && String(name).endsWith('-wal') && firstFileCommitted()) {
        watcher.close();
        resolve();
      }
    });
  });
  const importing = api('importMinutes', { board: BOARD, files, digests: files.map(() => null) }).catch(() => null);
  await firstWrite;
  await host.stop('SIGKILL');
  await importing;

  const db = openTestFile(dataFile, { readonly: true });
  let whole: number[];
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const perYear = YEARS.map((y) => ({
      y,
      meetings: db.prepare("SELECT count(*) FROM meetings WHERE substr(meeting_date, 1, 4) = ? AND status = 'agreed'").pluck().get(String(y)) as number,
      actions: db.prepare('SELECT count(*) FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE substr(m.meeting_date, 1, 4) = ?').pluck().get(String(y)) as number,
    }));
    for (const p of perYear) expect([p.meetings, p.actions], `file of ${p.y}`).toEqual(p.meetings ? [2, 24] : [0, 0]);
    whole = perYear.filter((p) => p.meetings).map((p) => p.y);
    console.log(`killed with ${whole.length} of ${YEARS.length} files imported`);
    expect(whole.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM meetings WHERE status <> ?').pluck().get('agreed')).toBe(0);
  } finally {
    db.close();
  }

  const again = await hosts.start();
  const retry = (await overHttp(again.origin, again.token)('importMinutes', { board: BOARD, files, digests: files.map(() => null) })) as Result;
  for (const f of retry.files) {
    const year = Number(/\d{4}/.exec(f.name)?.[0]);
    if (whole.includes(year)) {
      expect(f.imported, f.name).toBe(false);
      expect(f.problem).toMatch(/already has a meeting on 19 February/);
    } else {
      expect(f.imported, f.name).toBe(true);
    }
  }
  const meetings = (await overHttp(again.origin, again.token)('listBoards', {})) as Array<{ name: string; meetingCount: number }>;
  expect(meetings.find((b) => b.name === BOARD)?.meetingCount).toBe(YEARS.length * 2);
});
