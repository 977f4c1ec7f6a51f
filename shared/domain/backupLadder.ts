// Which backups to keep: several from today, one a day for two weeks, one a month for a
// year. The newest backup of each day or month is the one kept. Pure: dates in, names out.

export interface BackupStamp {
  name: string;
  /** ISO instant the backup was taken. */
  takenAt: string;
}

export const LADDER = { today: 8, days: 14, months: 12 } as const;

const dayKey = (iso: string): string => iso.slice(0, 10);
const monthKey = (iso: string): string => iso.slice(0, 7);

function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(`${dayKey(toIso)}T00:00:00Z`) - Date.parse(`${dayKey(fromIso)}T00:00:00Z`)) / 86_400_000);
}

function monthsBetween(fromIso: string, toIso: string): number {
  const [fy, fm] = monthKey(fromIso).split('-').map(Number);
  const [ty, tm] = monthKey(toIso).split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0));
}

/** The backups to keep at `now`; every other one may be deleted. Never keeps none if there are any. */
export function backupsToKeep(backups: readonly BackupStamp[], now: string): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  let todayCount = 0;
  for (const b of newestFirst) {
    const age = daysBetween(b.takenAt, now);
    if (age <= 0) {
      if (todayCount < LADDER.today) keep.add(b.name);
      todayCount++;
      days.add(dayKey(b.takenAt));
      months.add(monthKey(b.takenAt));
    } else if (age < LADDER.days) {
      if (!days.has(dayKey(b.takenAt))) keep.add(b.name);
      days.add(dayKey(b.takenAt));
      months.add(monthKey(b.takenAt));
    } else if (monthsBetween(b.takenAt, now) < LADDER.months) {
      if (!months.has(monthKey(b.takenAt))) keep.add(b.name);
      months.add(monthKey(b.takenAt));
    }
  }
  if (keep.size === 0 && newestFirst[0]) keep.add(newestFirst[0].name);
  return keep;
}
