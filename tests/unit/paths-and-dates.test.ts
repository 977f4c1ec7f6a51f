// Where the data file lives, and dates as the minutes print them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataFolder, resolveDataFile } from '../../electron/core/paths';
import { formatClockTime, formatTimeRange, formatUkDate, isRealIsoDate } from '../../shared/domain/dates';

describe('the data file', () => {
  it('defaults to the OS app-data folder', () => {
    expect(appDataFolder('linux', {}, '/home/tina')).toBe('/home/tina/.config/Matters Arising');
    expect(appDataFolder('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/tina')).toBe('/cfg/Matters Arising');
    expect(appDataFolder('darwin', {}, '/Users/tina')).toBe('/Users/tina/Library/Application Support/Matters Arising');
    expect(appDataFolder('win32', { APPDATA: 'C:\\Users\\tina\\AppData\\Roaming' }, 'C:\\Users\\tina')).toBe(
      'C:\\Users\\tina\\AppData\\Roaming\\Matters Arising',
    );
    expect(resolveDataFile([], {}, '/home/tina/.config/Matters Arising')).toBe('/home/tina/.config/Matters Arising/matters-arising.sqlite');
  });

  it('is overridden by --data, then by MATTERS_ARISING_DATA', () => {
    const env = { MATTERS_ARISING_DATA: '/secure/minutes.sqlite' };
    expect(resolveDataFile(['node', 'serve.js', '--data', '/mnt/enc/board.sqlite'], env, '/x')).toBe('/mnt/enc/board.sqlite');
    expect(resolveDataFile(['node', 'serve.js', '--data=/mnt/enc/other.sqlite'], env, '/x')).toBe('/mnt/enc/other.sqlite');
    expect(resolveDataFile(['node', 'serve.js'], env, '/x')).toBe('/secure/minutes.sqlite');
    expect(resolveDataFile(['node', 'serve.js', '--data', 'relative.sqlite'], {}, '/x')).toBe(path.resolve('relative.sqlite'));
  });
});

describe('UK dates and times', () => {
  it('prints dates and times as the minutes do', () => {
    expect(formatUkDate('2014-02-19')).toBe('19 February 2014');
    expect(formatClockTime('11:00')).toBe('11.00 am');
    expect(formatClockTime('13:00')).toBe('1.00 pm');
    expect(formatTimeRange('11:00', '13:00')).toBe('11.00 am – 1.00 pm');
    expect(formatTimeRange('10:30', null)).toBe('from 10.30 am');
    expect(formatTimeRange(null, null)).toBe('');
  });

  it('knows which ISO dates exist', () => {
    expect(isRealIsoDate('2014-02-19')).toBe(true);
    expect(isRealIsoDate('2016-02-29')).toBe(true);
    expect(isRealIsoDate('2014-02-29')).toBe(false);
    expect(isRealIsoDate('2014-02-31')).toBe(false);
    expect(isRealIsoDate('19/02/2014')).toBe(false);
  });
});
