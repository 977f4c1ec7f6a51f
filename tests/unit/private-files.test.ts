// Private by default: the data file, its side files, backups and set-aside copies are owner-only
// (0600) and the app's own folders 0700; files and folders from before are tightened on open.
// POSIX only: on Windows the profile's own permissions apply.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BackupInfo, BackupList } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { openStore } from '../../electron/core/db/open';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { ok, okAsync, tempDir } from '../helpers/temp';

const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

describe.runIf(process.platform !== 'win32')('private files and folders', () => {
  it('creates the data file and every file beside it for its owner only', async () => {
    process.umask(0o022);
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      ok(core, 'createBoard', { name: 'Executive Board' });
      expect(mode(file)).toBe('600');
      for (const side of ['-wal', '-shm', '.lock']) {
        expect(fs.existsSync(file + side), side).toBe(true);
        expect(mode(file + side), side).toBe('600');
      }
      const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
      const { folder } = ok<BackupList>(core, 'listBackups', {});
      expect(mode(folder)).toBe('700');
      expect(mode(path.join(folder, backup.name))).toBe('600');
    } finally {
      core.close();
    }
  });

  it('writes the backup taken before an upgrade owner-only', async () => {
    process.umask(0o022);
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    (await openStore(file)).close();
    const v2 = { version: LATEST_VERSION + 1, name: 'test_add_column', sql: 'ALTER TABLE boards ADD COLUMN colour TEXT;' };
    (await openStore(file, { migrations: [...MIGRATIONS, v2] })).close();
    const folder = path.join(dir, 'Matters Arising backups');
    const [backup] = fs.readdirSync(folder);
    expect(backup).toMatch(/before-upgrade/);
    expect(mode(folder)).toBe('700');
    expect(mode(path.join(folder, backup!))).toBe('600');
  });

  it('keeps a damaged file set aside owner-only', async () => {
    process.umask(0o022);
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    const good = await startCore(file, {}, { openedBriefly: true });
    ok(good, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(good, 'backUpNow', {});
    good.close();
    fs.writeFileSync(file, 'not a database, the minutes as text'.repeat(200), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name })).toMatchObject({ state: 'ready' });
      const aside = fs.readdirSync(dir).filter((f) => f.includes('set aside'));
      expect(aside).toHaveLength(1);
      expect(mode(path.join(dir, aside[0]!))).toBe('600');
      expect(mode(file)).toBe('600');
    } finally {
      core.close();
    }
  });

  it('tightens the data file, its side files, the app’s own folders and old backups on open', async () => {
    process.umask(0o022);
    const appFolder = path.join(tempDir(), 'Matters Arising');
    fs.mkdirSync(appFolder, { mode: 0o755 });
    fs.chmodSync(appFolder, 0o755);
    const file = path.join(appFolder, 'matters-arising.sqlite');
    const first = await startCore(file, {}, { openedBriefly: true });
    ok(first, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(first, 'backUpNow', {});
    first.close();
    const backups = path.join(appFolder, 'Matters Arising backups');
    // As an earlier version left them: readable by everyone.
    for (const f of [file, path.join(backups, backup.name)]) fs.chmodSync(f, 0o644);
    for (const d of [appFolder, backups]) fs.chmodSync(d, 0o755);

    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(core.status.state).toBe('ready');
      expect(mode(file)).toBe('600');
      expect(mode(path.join(backups, backup.name))).toBe('600');
      expect(mode(appFolder)).toBe('700');
      expect(mode(backups)).toBe('700');
    } finally {
      core.close();
    }
  });

  it('leaves a folder the user chose for the data file as it is', async () => {
    process.umask(0o022);
    const chosen = path.join(tempDir(), 'Board papers');
    fs.mkdirSync(chosen);
    fs.chmodSync(chosen, 0o755);
    const core = await startCore(path.join(chosen, 'minutes.sqlite'), {}, { openedBriefly: true });
    try {
      expect(core.status.state).toBe('ready');
      expect(mode(chosen)).toBe('755');
      expect(mode(path.join(chosen, 'minutes.sqlite'))).toBe('600');
    } finally {
      core.close();
    }
  });
});
