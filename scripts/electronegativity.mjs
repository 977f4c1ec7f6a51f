// Runs @doyensec/electronegativity over the built app (main, preload, renderer HTML) and
// fails on any HIGH or MEDIUM finding that has not been reviewed in
// scripts/electronegativity-reviewed.json. The check that downloads Electron's release
// list is skipped: it needs the network, and the version is pinned in package.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'scripts/electronegativity-reviewed.json'), 'utf8')).reviewed;
const electronVersion = pkg.devDependencies.electron.replace(/^[^\d]*/, '');

for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`electronegativity: ${built} is missing; run "npm run build" first.`);
    process.exit(2);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      if (row.some((x) => x)) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell.trim());
  if (row.some((x) => x)) rows.push(row);
  return rows;
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-electronegativity-'));
try {
  fs.cpSync(path.join(root, 'out/main'), path.join(stage, 'main'), { recursive: true });
  fs.cpSync(path.join(root, 'out/preload'), path.join(stage, 'preload'), { recursive: true });
  fs.copyFileSync(path.join(root, 'out/renderer/index.html'), path.join(stage, 'index.html'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  const bin = path.join(root, 'node_modules/.bin/electronegativity');
  // electronegativity writes its CSV in two writes it does not wait for (the header, truncating
  // the file, then the rows, appended), so now and then the header lands last and the rows are
  // lost: the report then says "0 findings" for a scan that found some. A whole report always
  // holds the Electron version read from the staged package.json; one without it is scanned again.
  let findings = null;
  for (let attempt = 1; attempt <= 3 && !findings; attempt++) {
    const csv = path.join(stage, `findings-${attempt}.csv`);
    const run = spawnSync(bin, ['-i', stage, '-e', electronVersion, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', csv], {
      encoding: 'utf8',
      timeout: 5 * 60 * 1000,
    });
    if (run.status !== 0 || !fs.existsSync(csv)) {
      console.error(run.stdout, run.stderr);
      console.error('electronegativity did not run to the end.');
      process.exit(1);
    }
    const rows = parseCsv(fs.readFileSync(csv, 'utf8'))
      .slice(1)
      .filter((row) => row.length >= 4)
      .map(([check, severity, confidence, file]) => ({ check, severity, confidence, file }));
    if (rows.some((f) => f.check === 'ELECTRON_VERSION_JSON_CHECK')) findings = rows;
    else console.error(`electronegativity: its report was written incompletely (attempt ${attempt} of 3); scanning again.`);
  }
  if (!findings) {
    console.error('electronegativity: three reports in a row were incomplete, so nothing was checked.');
    process.exit(1);
  }
  const unreadable = findings.filter((f) => !['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].includes(f.severity));
  if (unreadable.length > 0) {
    console.error('electronegativity: could not read the severity of some findings:', unreadable);
    process.exit(1);
  }
  const bySeverity = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const isReviewed = (f) => reviewed.some((r) => r.check === f.check && r.file === f.file);
  const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !isReviewed(f));
  console.log(`electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ${findings.length} findings`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(10)} ${f.check} in ${f.file}${isReviewed(f) ? ' (reviewed)' : ''}`);
  console.log(`  by severity: ${Object.entries(bySeverity).map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
  if (blocking.length > 0) {
    console.error(`electronegativity: ${blocking.length} HIGH/MEDIUM finding(s) not reviewed.`);
    process.exit(1);
  }
  console.log('electronegativity: no unreviewed HIGH or MEDIUM findings.');
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
