// TEST SETUP ONLY: puts the fixture meeting's people on a board's roster by inserting rows
// (following the schema) straight into the data file, while the host is stopped. The roster
// screens are another feature; these tests only need the people to exist.
import { BROWSER_TOKEN_HEADER } from '../../shared/contract';
import { FIXTURE_ROSTER, seedRoster, type SeedPerson } from '../helpers/seed-roster';
import { openTestFile } from '../helpers/testKey';

export function seedBoardRoster(dataFile: string, boardName: string, people: readonly SeedPerson[] = FIXTURE_ROSTER, groups: readonly string[] = []): void {
  const db = openTestFile(dataFile);
  try {
    db.pragma('foreign_keys = ON');
    const boardId = db.prepare('SELECT id FROM boards WHERE name = ?').pluck().get(boardName) as string | undefined;
    if (!boardId) throw new Error(`No board called ${boardName} to seed`);
    seedRoster(db, boardId, people, groups);
  } finally {
    db.close();
  }
}

/** TEST SETUP ONLY: the running host's API over HTTP, as the page calls it (with the run's token). */
export function apiOf(host: { url: string; origin: string }): (method: string, payload: unknown) => Promise<unknown> {
  const token = /token=([\w-]+)/.exec(new URL(host.url).hash)?.[1] ?? '';
  return async (method, payload) => {
    const response = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [BROWSER_TOKEN_HEADER]: token },
      body: JSON.stringify(payload),
    });
    const body = (await response.json()) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
    if (!body.ok) throw new Error(`${method} failed: ${body.error.code}: ${body.error.message}`);
    return body.value;
  };
}
