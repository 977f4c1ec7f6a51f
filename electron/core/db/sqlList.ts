// SQL value lists built from the domain's const tuples (shared/domain/enums.ts), so a query that
// filters on a set of statuses names the same set the rest of the app does.

/**
 * `('open', 'in_progress')` from a tuple of the app's own words. Only for those constants: user
 * input goes in as parameters. Quotes are doubled all the same, so a list is always valid SQL.
 */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('An SQL list needs at least one value.');
  return `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}
