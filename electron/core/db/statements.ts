// Prepared statements are compiled once per connection and reused: core builds its queries
// as literal SQL at each call, and re-preparing them cost more than running them on the
// large store. A reused statement is handed back in its plain row mode, so a caller's
// .pluck() or .raw() never leaks into the next caller.
import type { Database, Statement } from './driver';

const LIMIT = 500;

export function cacheStatements(db: Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    } else if (statement.reader) {
      statement.raw(false);
      statement.pluck(false);
      statement.expand(false);
    }
    return statement;
  };
  db.prepare = cached as Database['prepare'];
}
