// One date rule and message everywhere: a date field, the API and the due column read a day that
// cannot exist the same way and say so in the same words.
import { describe, expect, it } from 'vitest';
import { readCalendarDate, typedDate } from '../../shared/domain/calendarDate';
import { readDue } from '../../shared/domain/due';
import { startCore } from '../../electron/core/app';
import type { BoardSummary } from '../../shared/contract';
import { ok, tempDir } from '../helpers/temp';
import path from 'node:path';

describe('a typed date', () => {
  it('reads UK dates day first, in figures or words, and ISO dates', () => {
    for (const typed of ['19/02/2014', '19.2.14', '19-02-2014', '19 February 2014', '19th Feb 2014', 'Wednesday 19 February 2014', 'February 19 2014', '2014-02-19', ' 19/02/2014 ']) {
      expect(readCalendarDate(typed), typed).toEqual({ kind: 'date', date: '2014-02-19' });
    }
    expect(readCalendarDate('')).toEqual({ kind: 'none' });
    expect(typedDate('2014-02-19')).toBe('19/02/2014');
  });

  it('refuses 31 February with the due column’s own message, wherever it is typed', () => {
    const due = readDue('31/02/2014', '2014-02-19');
    expect(due).toEqual({ kind: 'invalid', message: '31 February does not exist (February has 28 days).' });
    for (const typed of ['31/02/2014', '31 February 2014', '2014-02-31']) {
      expect(readCalendarDate(typed), typed).toEqual(due);
    }
    expect(readCalendarDate('29/02/2014')).toEqual({ kind: 'invalid', message: '29 February 2014 does not exist: 2014 is not a leap year.' });
    expect(readCalendarDate('19/13/2014')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('There is no month 13') });
    expect(readCalendarDate('19/02')).toEqual({ kind: 'invalid', message: 'Give the year too, for example 19/02/2014 or 19 February 2014.' });
    expect(readCalendarDate('next Tuesday')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('That is not a date') });
  });

  it('gets the same message from the API for a meeting on 31 February, and nothing is created', async () => {
    const core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true });
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    expect(core.call('createMeeting', { boardId: board.id, date: '2014-02-31' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'date', message: '31 February does not exist (February has 28 days).' },
    });
    expect(core.call('createMeeting', { boardId: board.id, date: '' })).toMatchObject({ ok: false, error: { field: 'date', message: 'Enter a date.' } });
    expect(core.call('createMeeting', { boardId: board.id, date: '19 Feb' })).toMatchObject({ ok: false, error: { field: 'date', message: expect.stringContaining('That is not a date') } });
    expect(ok<unknown[]>(core, 'listMeetings', { boardId: board.id })).toEqual([]);
  });
});
