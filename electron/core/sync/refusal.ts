// What the status line says when changes from another laptop cannot be projected here: the
// projection's write is all-or-nothing (its transaction is rolled back, the tables and the stored
// updates stay as they were), and the reason is given in words, not as SQLite's.
const PREFIX = 'Changes from another laptop were refused here, and nothing was changed on this laptop';

/** The refusal in words, from the error the projection's write threw. */
export function refusalMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/FOREIGN KEY/i.test(message)) {
    return `${PREFIX}: they name a record this laptop does not have (an item, meeting or person that was never sent, or one of another board). Ask the laptop that made them to check its copy of the board.`;
  }
  if (/NOT NULL|CHECK constraint/i.test(message)) return `${PREFIX}: they hold a record with a missing or impossible value (${message}).`;
  if (/UNIQUE/i.test(message)) return `${PREFIX}: they hold two records where only one can be (${message}).`;
  if (/belongs to another board/i.test(message)) return `${PREFIX}: ${message}`;
  return `${PREFIX}: ${message}`;
}

/** Whether a board's error is a refusal of changes (cleared once a projection succeeds). */
export const isRefusal = (error: string | null): boolean => error !== null && (error.startsWith(PREFIX) || error.startsWith('Changes from another laptop'));
