// What a shared board's status line says, from core's SyncStatus: plain words, local times.
import type { SyncStatus } from '../../../../shared/contract';

/** The day (null for today; the year too when not this one) and the time of an instant, on the laptop's own clock and zone. */
export function dayAndTime(iso: string, now: Date = new Date()): { day: string | null; time: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return { day: null, time };
  const sameYear = at.getFullYear() === now.getFullYear();
  const day = at.toLocaleDateString('en-GB', sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
  return { day, time };
}

/** 14:02 today; 25 Nov 14:02 on another day (the laptop's own clock and zone). */
export function syncTime(iso: string, now: Date = new Date()): string {
  const when = dayAndTime(iso, now);
  if (!when) return iso;
  return when.day ? `${when.day} ${when.time}` : when.time;
}

function waiting(pending: number): string {
  return pending === 1 ? '1 change waiting' : `${pending} changes waiting`;
}

export type SyncTone = 'ok' | 'offline' | 'error';

/** The status line of a shared board, or null when the board is not shared. */
export function syncStatusLine(status: SyncStatus, now: Date = new Date()): { text: string; tone: SyncTone } | null {
  if (!status.shared) return null;
  if (status.lastError) return { text: `Not syncing: ${status.lastError}`, tone: 'error' };
  if (status.connected) {
    const parts = [status.lastSyncedAt ? `Synced · last synced ${syncTime(status.lastSyncedAt, now)}` : 'Connected · syncing'];
    if (status.pending > 0) parts.push(waiting(status.pending));
    return { text: parts.join(' · '), tone: 'ok' };
  }
  const parts = [status.offlineSince ? `Offline since ${syncTime(status.offlineSince, now)}` : 'Offline'];
  if (status.pending > 0) parts.push(waiting(status.pending));
  return { text: parts.join(' · '), tone: 'offline' };
}
