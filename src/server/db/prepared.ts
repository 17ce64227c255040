/**
 * Queries of the hot path (every request's session, the autosave's form) built once per database
 * or transaction instead of on every call: for a short select, Drizzle's building of the SQL text
 * costs more CPU than the query itself, and on PostgreSQL a named statement is parsed and planned
 * once per connection instead of each time. Values go in through `sql.placeholder(name)`.
 */
import type { Executor } from './open.ts';

export function preparedPer<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  // Keyed by the executor: a prepared query is bound to the database (or transaction) it was built on.
  const built = new WeakMap<Executor, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
