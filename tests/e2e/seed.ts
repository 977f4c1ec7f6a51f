// TEST SETUP ONLY: puts the fixture meeting's people on a board's roster by inserting rows
// (following the schema) straight into the data file, while the host is stopped. The roster
// screens are another feature; these tests only need the people to exist.
import Database from 'better-sqlite3';
import { FIXTURE_ROSTER, seedRoster, type SeedPerson } from '../helpers/seed-roster';

export function seedBoardRoster(dataFile: string, boardName: string, people: readonly SeedPerson[] = FIXTURE_ROSTER, groups: readonly string[] = []): void {
  const db = new Database(dataFile);
  try {
    db.pragma('foreign_keys = ON');
    const boardId = db.prepare('SELECT id FROM boards WHERE name = ?').pluck().get(boardName) as string | undefined;
    if (!boardId) throw new Error(`No board called ${boardName} to seed`);
    seedRoster(db, boardId, people, groups);
  } finally {
    db.close();
  }
}
