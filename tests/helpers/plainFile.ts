// TEST SETUP ONLY: a data file as the app made it before encryption: plain SQLite, the app's
// mark, every migration applied. Core opens such a file as it is and offers to encrypt it.
import { Database } from '../../electron/core/db/driver';
import { APPLICATION_ID } from '../../electron/core/db/identify';
import { applyMigrations, MIGRATIONS } from '../../electron/core/db/migrations';

export function makePlainDataFile(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    applyMigrations(db, MIGRATIONS);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  } finally {
    db.close();
  }
}
