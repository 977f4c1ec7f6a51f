// A value worked out when first read (store/lazyProperty.ts): an item's unpacked discussion and its
// text, a meeting's earlier actions. To every reader it is a plain own property of the row.
import { describe, expect, it } from 'vitest';
import { lazyProperty } from '../../electron/core/store/lazyProperty';

describe('a lazily read property', () => {
  it('is read only when first asked for, and only once', () => {
    let reads = 0;
    const row = lazyProperty({ id: 'a' }, 'text', () => `read ${++reads}`);
    expect(reads).toBe(0);
    expect(row.text).toBe('read 1');
    expect(row.text).toBe('read 1');
    expect(reads).toBe(1);
  });

  it('is an own, enumerable property in its place: spread, entries and JSON see it like a column', () => {
    const row = { id: 'a', title: 'Safeguarding' } as Record<string, unknown>;
    lazyProperty(row, 'discussion_json', () => '{"root":{}}');
    lazyProperty(row, 'discussion_text', () => 'The MASH audit was noted.');
    row.confidential = 0;
    const expected = { id: 'a', title: 'Safeguarding', discussion_json: '{"root":{}}', discussion_text: 'The MASH audit was noted.', confidential: 0 };
    expect(Object.keys(row)).toEqual(Object.keys(expected));
    expect({ ...row }).toEqual(expected);
    expect(Object.fromEntries(Object.entries(row))).toEqual(expected);
    expect(JSON.parse(JSON.stringify(row))).toEqual(expected);
    // What it is read from is not one of the row's properties.
    expect(Object.getOwnPropertySymbols(row).filter((s) => Object.getOwnPropertyDescriptor(row, s)?.enumerable)).toEqual([]);
  });

  it('keeps each object’s own value, however many objects share the property', () => {
    const rows = ['a', 'b', 'c'].map((id) => lazyProperty({ id }, 'text', () => `text of ${id}`));
    expect(rows.map((r) => r.text)).toEqual(['text of a', 'text of b', 'text of c']);
    const other = lazyProperty(lazyProperty({ id: 'd' }, 'other', () => 'other of d'), 'text', () => 'text of d');
    expect([other.other, other.text]).toEqual(['other of d', 'text of d']);
  });

  it('passes on what its read throws, and reads again when next asked', () => {
    let fail = true;
    const row = lazyProperty({}, 'text', () => {
      if (fail) throw new Error('A discussion in this data file is damaged and cannot be read.');
      return 'read';
    });
    expect(() => row.text).toThrow(/damaged/);
    fail = false;
    expect(row.text).toBe('read');
  });
});
