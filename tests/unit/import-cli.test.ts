// `npm run import`: the command line reads the files, prints what it found per meeting, imports
// each file in one transaction and says which were not imported and why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileArguments, runImport } from '../../electron/import';
import { startCore } from '../../electron/core/app';
import { tempDir } from '../helpers/temp';
import { fixtureDocx } from '../helpers/fixture-docx';
import feb from '../fixtures/2014-02-19.json' with { type: 'json' };

const FIXTURE = path.resolve('tests/fixtures/sscb-2014-02-19-and-04-10.txt');
const BOARD = 'Southwark Safeguarding Children Executive Board';

async function meetingsIn(data: string): Promise<Array<{ meeting_date: string; status: string }>> {
  const core = await startCore(data, {}, { openedBriefly: true });
  try {
    return core.store!.db.prepare('SELECT meeting_date, status FROM meetings ORDER BY meeting_date').all() as Array<{ meeting_date: string; status: string }>;
  } finally {
    core.close();
  }
}

describe('npm run import', () => {
  it('prints what it found per meeting and imports the fixture text', async () => {
    const data = path.join(tempDir(), 'data.sqlite');
    const { output, ok } = await runImport(['--data', data, '--board', BOARD, FIXTURE]);
    expect(ok).toBe(true);
    expect(output).toMatch(/19 February 2014 \(Southwark Safeguarding Children Executive Board\): 10 items, 10 decisions, 13 actions; attendance 16 present, 3 for particular items, 7 apologies/);
    expect(output).toMatch(/10 April 2014 .*: 9 items, 8 decisions, 11 actions; .* 3 matters-arising updates/);
    expect(output).toMatch(/warning \(item 6a\): Action 10: the owner column “JC EA” gives 2 owners with no separator/);
    expect(output).toMatch(/Imported sscb-2014-02-19-and-04-10.txt: 19 February 2014, 10 April 2014/);
    expect(await meetingsIn(data)).toEqual([
      { meeting_date: '2014-02-19', status: 'agreed' },
      { meeting_date: '2014-04-10', status: 'agreed' },
    ]);
  });

  it('imports a Word file, refuses the others one by one, and a dry run writes nothing', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data.sqlite');
    const docx = path.join(dir, 'feb.docx');
    fs.writeFileSync(docx, await fixtureDocx(feb));
    const locked = path.join(dir, 'locked.docx');
    fs.writeFileSync(locked, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const dry = await runImport(['--data', data, '--board', BOARD, '--dry-run', docx]);
    expect(dry.output).toMatch(/Dry run: nothing was imported/);
    expect(await meetingsIn(data)).toEqual([]);
    const { output, ok } = await runImport(['--data', data, '--board', BOARD, docx, locked]);
    expect(ok).toBe(false);
    expect(output).toMatch(/feb.docx \(Word document\): 1 meeting/);
    expect(output).toMatch(/Imported feb.docx: 19 February 2014/);
    expect(output).toMatch(/locked.docx: cannot be imported. This Word file is password-protected/);
    expect(await meetingsIn(data)).toEqual([{ meeting_date: '2014-02-19', status: 'agreed' }]);
  });

  it('takes the files from the arguments that are not options', async () => {
    expect(fileArguments(['--data', 'd.sqlite', 'a.txt', '--board', 'B', 'b.docx', '--dry-run'])).toEqual(['a.txt', 'b.docx']);
    await expect(runImport(['--data', 'd.sqlite', '--board', 'B'])).rejects.toThrow(/Usage: npm run import/);
  });
});
