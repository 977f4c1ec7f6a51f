// The open data file of a running app: opening it (or recording why not), switching to
// another file, restoring a backup in its place, and quitting. Hosts hold one session.
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, BackupInfo, BackupList } from '../../shared/contract';
import { version } from '../../package.json';
import { backupFolder, backupPath, dailyBackup, listBackups, putInPlace, setAside, takeBackup, verifyBackup } from './backups';
import { damaged, LATEST_VERSION, openStore, StoreOpenError, type OpenOptions, type Store } from './db/open';
import { DomainError } from './errors';
import { reportFileChanged } from './store/changes';
import type { PdfPrinter } from './publication/publication';

export type { PdfPrinter };

export const APP_VERSION: string = version;

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
  /** Tools that open a store briefly (the benchmark, the export command) skip the daily backup. */
  noDailyBackup?: boolean;
}

export interface Session {
  status: AppStatus;
  store: Store | null;
  dataFile: string;
  readonly options: OpenOptions;
  readonly hooks: SessionHooks;
}

async function open(session: Session, file: string): Promise<void> {
  const dataFile = path.resolve(file);
  session.dataFile = dataFile;
  try {
    session.store = await openStore(dataFile, session.options);
    session.status = {
      state: 'ready',
      dataFile,
      schemaVersion: session.options.migrations?.length ?? LATEST_VERSION,
      appVersion: APP_VERSION,
      recoveredFromCrash: session.store.recoveredFromCrash,
    };
    const store = session.store;
    // A large file is checked in the background; damage found there closes it, as if found at open.
    void store.integrity?.then((verdict) => {
      if (verdict === 'ok' || session.store !== store) return;
      closeSession(session);
      session.status = { state: 'problem', dataFile, appVersion: APP_VERSION, problem: damaged(dataFile, verdict.slice(0, 300)).problem };
    });
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    session.store = null;
    session.status = { state: 'problem', dataFile, appVersion: APP_VERSION, problem: err.problem };
  }
}

export async function openSession(file: string, options: OpenOptions = {}, hooks: SessionHooks = {}): Promise<Session> {
  const session: Session = { status: { state: 'problem', dataFile: file, appVersion: APP_VERSION, problem: { kind: 'other', title: '', message: '', advice: '' } }, store: null, dataFile: file, options, hooks };
  await open(session, file);
  const store = session.store;
  if (store && !hooks.noDailyBackup) {
    // After the integrity check (a damaged file is never backed up over good backups), and
    // without holding up the start: a failed daily backup shows on the Backups screen.
    void (store.integrity ?? Promise.resolve('ok'))
      .then((verdict) => (verdict === 'ok' && session.store === store ? dailyBackup(store) : null))
      .catch((err: unknown) => console.error('[backups] daily backup failed:', err));
  }
  return session;
}

export function closeSession(session: Session): void {
  session.store?.close();
  session.store = null;
}

export function sessionBackups(session: Session): BackupList {
  return listBackups(session.store, session.dataFile);
}

export async function backUpNow(session: Session): Promise<BackupInfo> {
  if (!session.store) throw new DomainError('store_unavailable', 'There is no open data file to back up.');
  const backup = await takeBackup(session.store, 'manual');
  reportFileChanged('backup', backup.name);
  return backup;
}

/**
 * Restores a backup as the data file. The current file is kept first: as a backup when it
 * is open, or set aside under a new name when it could not be opened. Never deleted.
 */
export async function restoreBackup(session: Session, name: string): Promise<AppStatus> {
  if (session.status.state === 'problem' && session.status.problem.kind === 'locked') {
    throw new DomainError('conflict', 'The data file is open in another copy of Matters Arising. Close that copy before restoring a backup.');
  }
  const folder = backupFolder(session.store, session.dataFile);
  const source = backupPath(folder, name);
  verifyBackup(source);
  if (session.store) {
    reportFileChanged('backup', (await takeBackup(session.store, 'before-restore')).name);
    closeSession(session);
  } else {
    setAside(session.dataFile);
  }
  putInPlace(source, session.dataFile);
  // From here on everything the app shows may differ: every screen reads it again.
  reportFileChanged('data_file', session.dataFile);
  await open(session, session.dataFile);
  return session.status;
}

/** Switches to another data file (created if it does not exist yet). */
export async function switchDataFile(session: Session, file: string): Promise<AppStatus> {
  const target = path.resolve(file);
  if (target === session.dataFile && session.store) return session.status;
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new DomainError('invalid_input', 'That is a folder. Give the path of a data file, for example minutes.sqlite.', 'path');
  }
  closeSession(session);
  reportFileChanged('data_file', target);
  await open(session, target);
  return session.status;
}

export function quit(session: Session): { quitting: true } {
  closeSession(session);
  // Let the reply reach the window before the host goes.
  setTimeout(() => session.hooks.quit?.(), 50);
  return { quitting: true };
}
