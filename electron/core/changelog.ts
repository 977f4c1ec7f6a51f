// The append-only change log: every write in core records who changed what, and when.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export interface Change {
  entity: string;
  entityId: string;
  action: string;
  detail?: Record<string, unknown>;
}

export function logChange(db: Database, actor: string, change: Change, at: string = nowInstant()): void {
  db.prepare('INSERT INTO change_log (at, actor, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    at,
    actor,
    change.entity,
    change.entityId,
    change.action,
    JSON.stringify(change.detail ?? {}),
  );
}

export const nowInstant = (): string => new Date().toISOString();
export const newId = (): string => randomUUID();
