// Bench: importing the fixture text (two meetings, 24 actions, page headers to remove) into a
// fresh board, through core as `npm run import` and the app do it: read, plan, write, agree.
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/core/app';
import { importFiles, previewFiles } from '../../electron/core/import/importMinutes';
import { timeRuns, type Report } from './harness';

const FIXTURE = path.resolve('tests/fixtures/sscb-2014-02-19-and-04-10.txt');

export async function importFixtureText(report: Report, dir: string, runs = 30): Promise<void> {
  const core = await startCore(path.join(dir, 'import.sqlite'), {}, { openedBriefly: true });
  const store = core.store;
  if (!store) throw new Error('The bench data file did not open.');
  const files = [{ name: 'sscb.txt', bytes: new Uint8Array(fs.readFileSync(FIXTURE)) }];
  let n = 0;
  report.add('preview importing the fixture text (2 meetings)', await timeRuns(runs, () => previewFiles(store, `Preview board ${n++}`, files)));
  let b = 0;
  report.add(
    'importing the fixture text (2 meetings, one transaction)',
    await timeRuns(runs, async () => {
      const result = await importFiles(store, `Import bench board ${b++}`, files.map((f) => ({ ...f, digest: null })));
      if (!result.files[0]?.imported) throw new Error(result.files[0]?.problem ?? 'The fixture text was not imported.');
    }),
  );
  core.close();
}
