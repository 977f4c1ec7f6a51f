// What a shared board's status line says, from core's SyncStatus: plain words, local times.
import type { MeetingArrival, SyncStatus } from '../../../../shared/contract';
import { WRONG_TOKEN } from '../../../../shared/domain/syncFormat';

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
  if (status.preparing) return { text: `Preparing to share… ${status.preparing.done} of ${status.preparing.total} meetings`, tone: 'ok' };
  if (status.connected) {
    const last = status.lastSyncedAt ? `last synced ${syncTime(status.lastSyncedAt, now)}` : null;
    // Changes still on their way are not "synced" yet: say they are being sent.
    if (status.pending > 0) return { text: ['Connected', `sending ${status.pending === 1 ? '1 change' : `${status.pending} changes`}`, ...(last ? [last] : [])].join(' · '), tone: 'ok' };
    return { text: last ? `Synced · ${last}` : 'Connected · syncing', tone: 'ok' };
  }
  const parts = [status.offlineSince ? `Offline since ${syncTime(status.offlineSince, now)}` : 'Offline'];
  if (status.pending > 0) parts.push(waiting(status.pending));
  return { text: parts.join(' · '), tone: 'offline' };
}

/** What to do about the reason a board is not syncing, when there is something to do; `joinAgain`: offer "Use a new invitation…". */
export function syncErrorAdvice(lastError: string | null): { text: string; joinAgain: boolean } | null {
  if (!lastError) return null;
  if (lastError.includes(WRONG_TOKEN)) {
    return {
      text: 'A new invitation to this board was made on another laptop, so the old one no longer works here. Ask whoever shares the board for the new invitation, and paste it with “Use a new invitation…”. Changes made here meanwhile are kept, and sent once it is in.',
      joinAgain: true,
    };
  }
  if (lastError.startsWith('Changes from another laptop')) {
    return { text: 'Nothing is lost: they are kept here, and tried again as more changes arrive. If this message stays, take a backup (Backups) and ask for help.', joinAgain: false };
  }
  if (lastError.includes('try again in a moment')) return { text: 'This laptop tries again by itself; carry on working meanwhile.', joinAgain: false };
  // The reason names what to update; what it does not say is that nothing waits in vain.
  if (/speaks sync format ma\d+, and this laptop speaks ma\d+/.test(lastError)) {
    return { text: 'Nothing is lost: carry on working here. What you change is kept on this laptop, and sent once it and the sync server are of the same version.', joinAgain: false };
  }
  return null;
}

/** The line on a meeting's page while another laptop's changes to it are on their way, or null. */
export function meetingArrivalText(arrival: MeetingArrival): string | null {
  if (!arrival.arriving) return null;
  return arrival.connected
    ? 'Changes made to this meeting on another laptop are arriving: some of its items or words may not be shown yet.'
    : 'Changes made to this meeting on another laptop have not arrived yet: they will once this laptop is back online.';
}
