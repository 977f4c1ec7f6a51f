// Migration 4 is another issue's (this branch was given 6): a no-op standing in its place so the
// registry's 1, 2, 3... numbering holds here. Delete this file when the real 0004 is merged in
// (an SQL 0004 of another name makes the registry refuse to start, so it cannot be missed).
import type { Database } from '../driver';

export function migrate(_db: Database): void {}
