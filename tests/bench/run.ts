// npm run bench: every measurement, printed as one table (name, runs, median, p95, budget,
// ratio to a baseline measured in the same run, pass/fail) and written to
// bench/results/latest.json. Budgets come from ARCHITECTURE.md. Tests never assert on time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startCore, type Core } from '../../electron/core/app';
import { defaultBackupDir, LATEST_VERSION } from '../../electron/core/db/open';
import { Report, timeRuns } from './harness';
import { buildLargeStoreFile, LARGE_STORE_FILE } from './buildData';
import { actionLogAfterChangesOnCopy, actionLogAtTheLimit, carryForwardOnCopy } from './actionLogBench';
import { carryTail } from './carryTail';
import { searchGrowth } from './searchGrowth';
import { betweenMeetingsOnCopy } from './betweenBench';
import { growthRows } from './growth';
import { backupAndCheck, compactedCopy, dataFilePerMeeting, giveBackFreeSpace, upgradeIfOlder } from './fileBench';
import { importFixtureText } from './importBench';
import { fullTextSearchRows } from './search';
import { minutesDocuments } from './documents';
import { profileScrolling, scriptWhileScrolling, scrollSteps, scrollWhileBackingUp } from './screenBench';
import { encryptionCost } from './encryptionCost';
import { syncConvergence } from './syncBench';
import { syncCatchUpOnCopy } from './syncCatchUp';
import { spawnHost } from './hostProcess';
import { keystrokeToPaint } from './typingBench';
import { warmPrintPhases } from './pdfPhases';
import { PRINT_READY } from '../../electron/core/publication/printOnly';
import { writeIntoPage } from '../../electron/pdf/print';
import { environmentKey, keyForTool, KEY_VARIABLE } from '../../electron/core/crypt/keySource';
import { openWithKey } from '../../electron/core/crypt/cipher';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = process.cwd();

function must<T>(response: ReturnType<Core['call']>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

async function coreCalls(report: Report, dir: string): Promise<void> {
  const core = await startCore(path.join(dir, 'small.sqlite'));
  const boards: string[] = [];
  for (let b = 0; b < 10; b++) boards.push(must<{ id: string }>(core.call('createBoard', { name: `Bench board ${b}` })).id);
  let i = 0;
  const samples = await timeRuns(300, () => {
    const board = boards[i % boards.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    must(core.call('createMeeting', { boardId: board, date: `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${day}` }));
    i++;
  });
  report.add('create a meeting (core call, one durable transaction)', samples);
  report.add('list boards (core call)', await timeRuns(300, () => must(core.call('listBoards', {}))));
  report.add("list a board's meetings (core call)", await timeRuns(300, () => must(core.call('listMeetings', { boardId: boards[0] }))));

  // A 40-item meeting as typed: items and sub-items, a discussion of ~3,000 characters each,
  // a decision and two actions per item with owners and a due.
  const meetingId = await fortyItemMeeting(core, boards[1]!);
  report.add('open a 40-item meeting (core call getMinutes)', await timeRuns(100, () => must(core.call('getMinutes', { meetingId }))), {
    budget: 10,
  });
  core.close();
}

export async function fortyItemMeeting(core: Core, boardId: string, count = 40): Promise<string> {
  const meetingId = must<{ id: string }>(core.call('createMeeting', { boardId, date: '2014-02-19', startTime: '11:00', endTime: '13:00' })).id;
  const paragraph = 'MOC welcomed the board. The draft minutes from the previous meeting were reviewed and agreed for accuracy. '.repeat(10);
  const discussion = JSON.stringify({
    root: { type: 'root', version: 1, children: [0, 1, 2].map(() => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: paragraph }] })) },
  });
  let parent: string | null = null;
  for (let i = 0; i < count; i++) {
    const sub: boolean = i % 4 !== 0 && parent !== null;
    const added: { item: { id: string } } = must(core.call('addAgendaItem', { meetingId, title: `Agenda item ${i + 1}`, parentId: sub ? parent : null }));
    if (!sub) parent = added.item.id;
    must(core.call('saveDiscussion', { itemId: added.item.id, json: discussion }));
    must(core.call('addDecision', { itemId: added.item.id, text: 'All recommendations were accepted' }));
    for (let a = 0; a < 2; a++) {
      must(core.call('addAction', { itemId: added.item.id, details: 'Review the terms of reference', owners: [{ name: 'AF' }, { name: 'tbc' }], due: 'next meeting' }));
    }
  }
  return meetingId;
}

/** Browser host start to the first interactive screen: spawn to the boards list drawn in Chromium. */
async function hostStart(report: Report, dir: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    report.skip('browser host start to first interactive screen', `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const dataFile = path.join(dir, 'host.sqlite');
  const seed = await startCore(dataFile);
  for (let b = 0; b < 5; b++) must(seed.call('createBoard', { name: `Board ${b}` }));
  seed.close();
  try {
    const samples: number[] = [];
    for (let run = 0; run < 12; run++) {
      const page = await browser.newPage();
      const start = performance.now();
      const { child, url: address } = spawnHost(dataFile);
      const url = await address;
      await page.goto(url);
      await page.locator('.board-list a').first().waitFor();
      const elapsed = performance.now() - start;
      if (run > 1) samples.push(elapsed);
      await page.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    report.add('browser host start to first interactive screen', samples, { budget: 1500 });
  } finally {
    await browser.close();
  }
}

/** A 30-page minutes PDF through the app's export path, against Chromium printing the same static HTML. */
async function minutesPdf(report: Report, dir: string): Promise<void> {
  const name = '30-page minutes to PDF (public version: render, print, tag, check)';
  if (!fs.existsSync(CHROMIUM)) return report.skip(name, `no Chromium at ${CHROMIUM}`);
  const { buildMinutesPdf } = await import('../../electron/core/publication/publication');
  const { renderMeetingHtml, renderMinutesHtml } = await import('../../electron/core/publication/minutesHtml');
  const { loadPrintModel } = await import('../../electron/core/publication/printModel');
  const { printHtmlToPdf } = await import('../../electron/pdf/print');
  const core = await startCore(path.join(dir, 'pdf.sqlite'), {}, { openedBriefly: true });
  try {
    const board = must<{ id: string }>(core.call('createBoard', { name: 'Southwark Safeguarding Children Executive Board' }));
    const meetingId = await fortyItemMeeting(core, board.id);
    const store = core.store!;
    const html = renderMeetingHtml(store, meetingId, 'public').html;
    const { chromium } = await import('playwright-core');
    const { closePrinter } = await import('../../electron/pdf/print');
    const print: Parameters<typeof buildMinutesPdf>[2] = (h, o) => printHtmlToPdf(h, o);
    // Cold: Chromium started for the print, as the first print of a session.
    const coldBase = 'Chromium printing the same static HTML, cold (baseline)';
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      await page.setContent(html);
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await browser.close();
      baseline.push(performance.now() - start);
    }
    report.add(coldBase, baseline);
    const cold: number[] = [];
    let pages = 0;
    for (let i = 0; i < 5; i++) {
      await closePrinter();
      const start = performance.now();
      const pdf = await buildMinutesPdf(store, { meetingId, version: 'public' }, print);
      cold.push(performance.now() - start);
      pages = pdf.pages;
    }
    report.add(`${name}, cold`, cold, { budget: 3000, budgetOn: 'median', baseline: coldBase, note: `${pages} pages; both include starting Chromium` });
    // Warm: Chromium already running (the session's, kept by the printer), a new page for each print.
    const warmBase = 'Chromium printing the same static HTML, warm (baseline)';
    let phases = '';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      report.add(
        warmBase,
        await timeRuns(8, async () => {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.setContent(html);
          await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
          await context.close();
        }, 2),
      );
      // The same document printed the way the app now prints it (fonts read from their files, the
      // document written into the page that printed it before), by Chromium alone: what is left
      // of the app's time is its own.
      const asFiles = renderMinutesHtml(loadPrintModel(store, meetingId), 'public', { web: false, resources: 'files' }).html;
      const fileDir = fs.mkdtempSync(path.join(dir, 'print-'));
      fs.writeFileSync(path.join(fileDir, 'document.html'), asFiles);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(fileDir, 'document.html')).href);
      report.add(
        'Chromium printing the same document written into the page that printed it, fonts as files, warm',
        await timeRuns(8, async () => {
          await writeIntoPage(page, asFiles);
          await page.evaluate(PRINT_READY);
          await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        }, 2),
      );
      await context.close();
      phases = await warmPrintPhases(store, meetingId, browser);
    } finally {
      await browser.close();
    }
    await buildMinutesPdf(store, { meetingId, version: 'public' }, print);
    report.add(`${name}, warm`, await timeRuns(8, () => buildMinutesPdf(store, { meetingId, version: 'public' }, print), 2), {
      budget: 1000,
      budgetOn: 'median',
      maxRatio: 1.2,
      baseline: warmBase,
      note: `the app also renders, checks the text of the public version and writes the outline; median ms per step: ${phases}`,
    });
    await closePrinter();
    report.add('render the minutes as HTML (core, no printing)', await timeRuns(20, () => renderMeetingHtml(store, meetingId, 'public')));
  } finally {
    core.close();
  }
}

/** Measurements on the large store of ARCHITECTURE.md (built by npm run bench:data, or here when missing). */
async function largeStore(report: Report): Promise<void> {
  if (!fs.existsSync(LARGE_STORE_FILE)) {
    console.log('No large store yet: building it (npm run bench:data does this on its own)...');
    await buildLargeStoreFile();
  }
  const sizeMb = fs.statSync(LARGE_STORE_FILE).size / 2 ** 20;
  report.add('large store: data file size', [sizeMb], { unit: 'MB' });
  const probe = openWithKey(LARGE_STORE_FILE, environmentKey(), { readonly: true });
  const format = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  if (format < LATEST_VERSION) {
    // A store built by an older version: its upgrade (a backup, then the migrations and the
    // kept values filled in one transaction) is measured once, as a user upgrading would wait.
    const start = performance.now();
    const upgraded = await startCore(LARGE_STORE_FILE, {}, { openedBriefly: true });
    report.add(`large store: upgrade from format ${format} (backup, migrations, kept values)`, [performance.now() - start]);
    upgraded.close();
    fs.rmSync(path.join(path.dirname(LARGE_STORE_FILE), 'Matters Arising backups'), { recursive: true, force: true });
  }
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const core = await startCore(LARGE_STORE_FILE, {}, { openedBriefly: true });
    opens.push(performance.now() - start);
    await core.store?.integrity;
    core.close();
  }
  report.add('large store: open (core, integrity check in the background)', opens);
  const core = await startCore(LARGE_STORE_FILE, {}, { openedBriefly: true });
  try {
    await core.store?.integrity; // once per open, on another thread: measured above, not mixed into the calls' p95
    const db = core.store!.db;
    const boards = must<{ id: string }[]>(core.call('listBoards', {}));
    report.add('large store: list boards (core call)', await timeRuns(50, () => must(core.call('listBoards', {}))));
    report.add("large store: list a board's 250 meetings (core call)", await timeRuns(50, () => must(core.call('listMeetings', { boardId: boards[0]!.id }))));
    const meetingIds = db.prepare('SELECT id FROM meetings ORDER BY meeting_date DESC LIMIT 50').pluck().all() as string[];
    let i = 0;
    await actionLogAtTheLimit(report, core);
    report.add('large store: open a 30-item meeting (core call getMinutes)', await timeRuns(100, () => must(core.call('getMinutes', { meetingId: meetingIds[i++ % meetingIds.length] }))), {
      budget: 10,
    });
  } finally {
    core.close();
  }
  await carryForwardOnCopy(report, LARGE_STORE_FILE);
  await actionLogAfterChangesOnCopy(report, LARGE_STORE_FILE);
  await betweenMeetingsOnCopy(report, LARGE_STORE_FILE);
}

/** The renderer's JavaScript heap with the large store open: the home screen, then the action log across all boards. */
async function rendererMemory(report: Report): Promise<void> {
  const name = 'renderer memory with the large store open (JS heap, action log shown)';
  if (!fs.existsSync(CHROMIUM)) return report.skip(name, `no Chromium at ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const { child: host, url: address } = spawnHost(LARGE_STORE_FILE);
  try {
    const url = await address;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.locator('.board-list a').first().waitFor();
    await page.goto(`${new URL(url).origin}/#/actions`);
    await page.locator('table tbody tr').first().waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    report.add(name, [heap / 2 ** 20], { unit: 'MB' });
    const steps = await scrollSteps(page, 150);
    const profile = await profileScrolling(page, 40);
    report.add('scrolling the action log of the large store: scroll step to paint', steps, { budget: 16, note: `trace per step: ${profile}` });
    report.add('scrolling the action log of the large store: script per 100 steps (600 steps, core\'s window moving)', [await scriptWhileScrolling(page, 600)]);
    // Point 4: backing up never blocks the screen. The backup is written on a worker thread of the
    // host; the screen is the page, scrolled all the while. The backup is removed afterwards.
    const token = /#token=([\w-]+)/.exec(url)?.[1] ?? '';
    const during = await scrollWhileBackingUp(page, token);
    fs.rmSync(path.join(defaultBackupDir(LARGE_STORE_FILE), during.backup.name), { force: true });
    report.add('scrolling the action log while the app backs up the large store: scroll step to paint', during.steps, {
      budget: 16,
      note: `${during.steps.length} steps during the backup (asked for with backUpNow: ${(during.backupMs / 1000).toFixed(1)} s); longest step ${Math.max(...during.steps).toFixed(1)} ms`,
    });
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-'));
  const report = new Report();
  const started = performance.now();
  // Every store here is encrypted, the large one too: one key for the run (and the hosts it starts).
  const key = await keyForTool({ file: LARGE_STORE_FILE, purpose: 'encrypt' });
  if (key) process.env[KEY_VARIABLE] = key;
  try {
    // `--only <part>[,<part>]` measures just those parts (for working on one figure).
    const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : null;
    const part = (name: string): boolean => !only || only.includes(name);
    if (part('core')) await coreCalls(report, dir);
    if (part('host')) await hostStart(report, dir);
    if (part('typing')) {
      await keystrokeToPaint(report, dir, 40, fortyItemMeeting);
      await keystrokeToPaint(report, dir, 120, fortyItemMeeting);
    }
    if (part('pdf')) await minutesPdf(report, dir);
    if (part('documents')) await minutesDocuments(report, dir, fortyItemMeeting);
    if (part('large')) await largeStore(report);
    // Just the between-meetings rows of the large store (also measured with it).
    if (only?.includes('between') && !only.includes('large') && fs.existsSync(LARGE_STORE_FILE)) await betweenMeetingsOnCopy(report, LARGE_STORE_FILE);
    if (part('growth')) await growthRows(report);
    // Search at every size built, in turn in one process (diagnosis of the growth rows: tests/bench/searchGrowth.ts).
    if (only?.includes('search-growth')) await searchGrowth(report);
    if (only?.includes('carry')) await carryForwardOnCopy(report, LARGE_STORE_FILE); // alone, to profile it (part of "large")
    // The carry's suspects of its slow runs, each on and off alternately (diagnosis: tests/bench/carryTail.ts).
    if (only?.includes('carry-tail')) await carryTail(report, LARGE_STORE_FILE);
    if (part('screen')) await rendererMemory(report);
    if (part('import')) await importFixtureText(report, dir);
    if (part('file') && fs.existsSync(LARGE_STORE_FILE)) {
      await upgradeIfOlder(report, LARGE_STORE_FILE);
      await giveBackFreeSpace(report, LARGE_STORE_FILE);
      dataFilePerMeeting(report, LARGE_STORE_FILE);
      compactedCopy(report, LARGE_STORE_FILE);
      await backupAndCheck(report, LARGE_STORE_FILE);
    }
    if (part('search')) await fullTextSearchRows(report, LARGE_STORE_FILE);
    if (part('encryption')) await encryptionCost(report, LARGE_STORE_FILE, key);
    if (part('sync')) {
      await syncConvergence(report, dir, key);
      // A 250-meeting board of the large store: shared for the first time, then a month of its activity caught up.
      await syncCatchUpOnCopy(report, LARGE_STORE_FILE, key, 'large store');
    }
    // The first share alone (of the same board), to profile it.
    if (only?.includes('sync-share')) await syncCatchUpOnCopy(report, LARGE_STORE_FILE, key, 'large store', false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  report.print();
  const out = path.join(ROOT, 'bench/results/latest.json');
  report.write(out);
  console.log(`\nWritten to ${path.relative(ROOT, out)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
