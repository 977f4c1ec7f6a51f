// A watched field in words (fieldsApart.ts finds it set apart): what a conflict calls it and how
// its value reads, the one way for the meeting's record (recordFields.ts) and the board's own
// document (boardFields.ts).
import type { ApartField } from './fieldsApart';
import type { Row, Value } from './registry';

/** A watched field: what the conflict calls it, and its value in words. */
export interface WordedField extends ApartField {
  word: string;
  say: (values: Row) => string;
}

/** A column's value as text: '' for none. */
export const text = (v: Value | undefined): string => (v === null || v === undefined || v === '' ? '' : String(v));

/** A text column's value in quotes, or `none`. */
const quoted = (column: string, none: string) => (values: Row): string => (text(values[column]) ? `“${text(values[column])}”` : none);

/** A field of one text column, named as the column. */
export const one = (name: string, word: string, none: string): WordedField => ({ name, columns: [name], word, say: quoted(name, none) });
