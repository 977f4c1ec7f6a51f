// The open data file of a running app: opening it (or recording why not), switching to
// another file, restoring a backup in its place, its automatic backups, and quitting. Hosts
// hold one session.
import { startSync, stopSync } from './sync/engine';
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, BackupInfo, BackupList } from '../../shared/contract';
import { backupDue, backupFolder, backupPath, dailyBackup, listBackups, newestBackupTime, putInPlace, setAside, takeBackup, tightenBackups, verifyBackup } from './backups';
import { damaged, LATEST_VERSION, openStore, StoreOpenError, type OpenOptions, type Store } from './db/open';
import { latestVersion } from './db/migrations';
import { totalChanges } from './db/totalChanges';
import { DomainError } from './errors';
import { reportFileChanged } from './store/changes';
import type { PdfPrinter } from './publication/publication';
import { APP_VERSION } from './version';
import type { StoreKey } from './crypt/cipher';
import type { EncryptStep } from './crypt/encryptFile';
import { environmentKey } from './crypt/keySource';

export type { PdfPrinter };

export interface SessionHooks {
  /** Asked to end the app (Electron quits; the browser host stops serving). */
  quit?: () => void;
  /** Prints an HTML document to PDF with the host's Chromium (the minutes' PDF). */
  printPdf?: PdfPrinter;
  /**
   * The desktop app asks where to save a PDF (a save dialog): the path chosen, or null when
   * cancelled. Without it (browser host), the PDF goes back to the window to download.
   */
  choosePdfPath?: (suggestedName: string) => Promise<string | null>;
  /**
   * A tool opens the store briefly (the benchmark, the import and export commands, tests): none
   * of the upkeep a long-open file gets in the background, neither the daily backup nor giving
   * back free space.
   */
  openedBriefly?: boolean;
  /** The clock automatic backups go by (tests move it). */
  now?: () => Date;
  /** Told of each step of encrypting a plain file as it starts (the crash tests stop the host there). */
  encryptStep?: (step: EncryptStep) => void;
  /** A file was opened with a key the host did not give (a recovery passphrase): the desktop app keeps it in the keystore. */
  keyAccepted?: (file: string, key: StoreKey) => void | Promise<void>;
  /** The host keeps the key itself (the desktop app's keystore): the user is asked to save the recovery passphrase. */
  keyKeptByHost?: boolean;
  /** The key for another data file the user switches to (the desktop app's keystore); without it, the session's key. */
  keyFor?: (file: string) => Promise<StoreKey | null>;
}

/** Automatic backups of the open store: what was last seen, and the one being taken. */
interface AutoBackups {
  /** SQLite's count of rows changed on this connection when last looked at. */
  changes: number;
  /** When the newest backup was taken, once known. */
  newest: number | undefined;
  running: Promise<BackupInfo | null> | null;
  /** A change came while a backup was being taken. */
  changedMeanwhile: boolean;
}

export interface Session {
  status: AppStatus;
  store: Store | null;
  dataFile: string;
  readonly options: OpenOptions;
  readonly hooks: SessionHooks;
  auto: AutoBackups;
  /** The key files are opened (and new ones encrypted) with: the host's, or a recovery passphrase given since. */
  key: StoreKey | null;
}

function problemOf(err: unknown, file: string): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  // Whatever else goes wrong opening a file is still explained, never a crash of the host.
  console.error('[session] opening the data file failed:', err);
  return new StoreOpenError({
    kind: 'other',
    title: 'The data file could not be opened',
    message: `${file}: ${(err as Error).message ?? String(err)}`,
    advice: 'Open another file, or restore a backup. Nothing has been changed.',
  });
}

/** Opens a file as the session's store: the file is fully checked before this returns. */
async function openChecked(session: Session, file: string, overrideLock = false, key: StoreKey | null = session.key): Promise<Store> {
  try {
    return await openStore(file, { ...session.options, key, ...(overrideLock ? { overrideLock } : {}) });
  } catch (err) {
    throw problemOf(err, file);
  }
}

function adopt(session: Session, store: Store): void {
  const dataFile = store.file;
  session.store = store;
  session.dataFile = dataFile;
  // A file's shared boards connect as it opens; everything works offline meanwhile.
  startSync(store);
  session.auto = { changes: totalChanges(store.db), newest: undefined, running: null, changedMeanwhile: false };
  session.status = {
    state: 'ready',
    dataFile,
    schemaVersion: session.options.migrations ? latestVersion(session.options.migrations) : LATEST_VERSION,
    appVersion: APP_VERSION,
    recoveredFromCrash: store.recoveredFromCrash,
    encrypted: store.key !== null,
  };
  try {
    tightenBackups(backupFolder(store, dataFile));
  } catch (err) {
    console.error('[backups] could not make the backups private:', err);
  }
  // A large file is checked in the background; damage found there closes it, as if found at open.
  // A sound file with much free space is given it back when closed (db/freeSpace.ts); tools that
  // open a file briefly do not start the copy that takes.
  void (store.integrity ?? Promise.resolve('ok')).then((verdict) => {
    if (verdict === 'ok' && session.store === store && !session.hooks.openedBriefly) store.freeSpace.begin();
    if (verdict === 'ok' || session.store !== store) return;
    closeSession(session);
    session.status = { state: 'problem', dataFile, appVersion: APP_VERSION, problem: damaged(dataFile, verdict.slice(0, 300)).problem };
  });
}

export async function open(session: Session, file: string, overrideLock = false): Promise<void> {
  const dataFile = path.resolve(file);
  session.dataFile = dataFile;
  try {
    adopt(session, await openChecked(session, dataFile, overrideLock));
  } catch (err) {
    session.store = null;
    session.status = { state: 'problem', dataFile, appVersion: APP_VERSION, problem: problemOf(err, dataFile).problem };
  }
}

export async function openSession(file: string, options: OpenOptions = {}, hooks: SessionHooks = {}): Promise<Session> {
  const session: Session = {
    status: { state: 'problem', dataFile: file, appVersion: APP_VERSION, problem: { kind: 'other', title: '', message: '', advice: '' } },
    store: null,
    dataFile: file,
    options,
    hooks,
    auto: { changes: 0, newest: undefined, running: null, changedMeanwhile: false },
    key: options.key === undefined ? environmentKey() : options.key,
  };
  await open(session, file);
  // On start, a file with something in it gets the day's backup if it has none yet.
  if (session.store) autoBackup(session, session.store, 'start');
  return session;
}

// ---------------------------------------------------------------- automatic backups

/**
 * Called after every call a host passes to core: when the call changed the file and a backup
 * is due, one is taken in the background (SQLite's backup API copies a few pages at a time
 * between other work, so typing is never held up). Reads never start one.
 */
export function afterCall(session: Session): void {
  const store = session.store;
  if (!store) return;
  const changes = totalChanges(store.db);
  if (changes === session.auto.changes) return;
  session.auto.changes = changes;
  if (!session.hooks.openedBriefly) store.freeSpace.wrote();
  autoBackup(session, store, 'change');
}

function autoBackup(session: Session, store: Store, on: 'start' | 'change'): void {
  if (session.hooks.openedBriefly) return;
  if (session.auto.running) {
    // A change while a backup is being taken is looked at again once it is done.
    if (on === 'change') session.auto.changedMeanwhile = true;
    return;
  }
  const now = session.hooks.now?.() ?? new Date();
  // Known not due: nothing to look at on disk.
  if (session.auto.newest !== undefined && backupDue(session.auto.newest, now) === null) return;
  const task = (async (): Promise<BackupInfo | null> => {
    // After the integrity check: a damaged file is never backed up over good backups.
    if ((await (store.integrity ?? 'ok')) !== 'ok' || session.store !== store) return null;
    if (on === 'start') {
      const taken = await dailyBackup(store, now);
      session.auto.newest = taken ? Date.parse(taken.takenAt) : newestBackupTime(store);
      return taken;
    }
    const newest = newestBackupTime(store);
    session.auto.newest = newest;
    const due = backupDue(newest, now);
    if (due === null) return null;
    const taken = await takeBackup(store, due, now);
    session.auto.newest = Date.parse(taken.takenAt);
    return taken;
  })();
  const running: Promise<BackupInfo | null> = task
    .catch((err: unknown) => {
      // A backup cut short by closing the file is not a failure; any other shows as a missing backup.
      if (session.store === store) console.error('[backups] automatic backup failed:', err);
      return null;
    })
    .finally(() => {
      if (session.auto.running !== running) return;
      session.auto.running = null;
      if (session.auto.changedMeanwhile && session.store === store) {
        session.auto.changedMeanwhile = false;
        autoBackup(session, store, 'change');
      }
    });
  session.auto.running = running;
}

/** Resolves when no automatic backup is being taken (for tools and tests: nothing waits on it otherwise). */
export async function automaticBackupsSettled(session: Session): Promise<void> {
  while (session.auto.running) await session.auto.running;
}

export function closeSession(session: Session): void {
  if (session.store) stopSync(session.store);
  session.store?.close();
  session.store = null;
}

export function sessionBackups(session: Session): BackupList {
  return listBackups(session.store, session.dataFile, session.key);
}

export async function backUpNow(session: Session): Promise<BackupInfo> {
  if (!session.store) throw new DomainError('store_unavailable', 'There is no open data file to back up.');
  const taken = await takeBackup(session.store, 'manual', session.hooks.now?.() ?? new Date());
  session.auto.newest = Date.parse(taken.takenAt);
  reportFileChanged('backup', taken.name);
  return taken;
}

/**
 * Problems where the file at the data path is ours (or was) but unusable: a backup can be put in
 * its place. Another program's database is never moved aside for one: open another file instead.
 */
const RESTORABLE = new Set(['not_sqlite', 'empty', 'corrupt', 'newer_version', 'other']);

/**
 * Restores a backup as the data file. The current file is kept first: as a backup when it
 * is open, or set aside under a new name when it could not be opened. Never deleted.
 */
export async function restoreBackup(session: Session, name: string): Promise<AppStatus> {
  if (session.status.state === 'problem' && session.status.problem.kind === 'locked') {
    throw new DomainError('conflict', 'The data file is open in another copy of Matters Arising. Close that copy before restoring a backup.');
  }
  if (!session.store && session.status.state === 'problem' && !RESTORABLE.has(session.status.problem.kind)) {
    throw new DomainError('conflict', `A backup cannot be restored here: ${session.status.problem.message} Open another file instead.`);
  }
  const folder = backupFolder(session.store, session.dataFile);
  const source = backupPath(folder, name);
  verifyBackup(source, session.key);
  const wasOpen = session.store !== null;
  if (session.store) {
    // The copy kept first must not thin away the backup being restored (one two weeks old shares
    // its month with the copy, and the ladder keeps one backup a month past the last 14 days).
    reportFileChanged('backup', (await takeBackup(session.store, 'before-restore', new Date(), name)).name);
    closeSession(session);
  }
  const asideAs = wasOpen ? null : setAside(session.dataFile);
  try {
    putInPlace(source, session.dataFile);
  } catch (err) {
    // A full disk or a backup gone meanwhile: the data file was not touched (the copy goes to a
    // temporary name first), so the file that was open is opened again, as it was.
    try {
      fs.rmSync(`${session.dataFile}.restoring`, { force: true });
    } catch {
      // Not ours to remove (a folder of that name): the data file is what matters.
    }
    const reason = `The backup could not be put in place: ${(err as Error).message}.`;
    if (wasOpen) {
      await open(session, session.dataFile);
      throw new DomainError('storage_error', `${reason} Your data file is unchanged.`);
    }
    throw notPutInPlace(session, reason, asideAs);
  }
  // From here on everything the app shows may differ: every screen reads it again.
  reportFileChanged('data_file', session.dataFile);
  await open(session, session.dataFile);
  return session.status;
}

/**
 * A backup that could not be put in place over a file that could not be opened: that file has
 * already been moved aside (byte for byte), so the data path is empty. The problem screen says
 * where the file went and stays usable: restoring again (nothing left to move aside) or opening
 * another file both still work. Nothing is opened at the path, which would make a new empty file.
 */
function notPutInPlace(session: Session, reason: string, asideAs: string | null): DomainError {
  const advice = 'Free some space on the disk (or check the backup is still there) and restore a backup again, or open another file.';
  // Tried again after such a failure, there was nothing to move aside: the screen already says where it went.
  if (!asideAs) return new DomainError('storage_error', `${reason} Nothing was changed. ${advice}`);
  const kept = `The file that could not be opened has been set aside, unchanged, as ${asideAs}.`;
  session.status = {
    state: 'problem',
    dataFile: session.dataFile,
    appVersion: APP_VERSION,
    problem: { kind: 'other', title: 'The backup could not be put in place', message: `${reason} ${kept}`, advice },
  };
  // The problem screen reads the status again: it no longer describes a file at the data path.
  reportFileChanged('data_file', session.dataFile);
  return new DomainError('storage_error', `${reason} ${kept} ${advice}`);
}

/**
 * Switches to another data file (created if it does not exist, in a folder that does). The new
 * file is checked completely before the current one is let go: if it cannot be used, the
 * current file stays open and the reason comes back as an error.
 */
export async function switchDataFile(session: Session, file: string, overrideLock = false): Promise<AppStatus> {
  const target = path.resolve(file);
  if (session.store && (target === session.store.file || realPath(target) === session.store.file)) return session.status;
  let next: Store;
  const key = session.hooks.keyFor ? await session.hooks.keyFor(target) : session.key;
  try {
    next = await openChecked(session, target, overrideLock, key);
  } catch (err) {
    const { problem } = problemOf(err, target);
    throw new DomainError('invalid_input', `${problem.title}. ${problem.message} ${problem.advice}`, 'path');
  }
  closeSession(session);
  reportFileChanged('data_file', target);
  session.key = key;
  adopt(session, next);
  return session.status;
}

function realPath(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

export function quit(session: Session): { quitting: true } {
  closeSession(session);
  // Let the reply reach the window before the host goes.
  setTimeout(() => session.hooks.quit?.(), 50);
  return { quitting: true };
}
