// What every part of the minutes editor shares: the store, the meeting's save queue, the roster
// for owners and initials. Created once per open meeting, so reading it never re-renders.
import { createContext, useContext } from 'react';
import type { LexicalEditor } from 'lexical';
import type { OwnerDirectory } from '../../../../shared/domain/owners';
import type { MinutesStore } from './minutesStore';
import type { SaveQueue } from './saveQueue';
import type { MeetingReplica } from '../replica/meetingReplica';

export interface MinutesContextValue {
  meetingId: string;
  store: MinutesStore;
  queue: SaveQueue;
  directory: OwnerDirectory;
  knownInitials: readonly string[];
  registerEditor: (itemId: string, editor: LexicalEditor | null) => void;
  /** Shows a message about something that could not be done (a refused move, say). */
  notify: (message: string | null) => void;
  /** Given to every call the editor makes (liveMinutes.ts): its own changes are on screen already. */
  origin: string;
  /** A shared board's meeting: the replica its discussions are bound to (null: saved as JSON). */
  replica: MeetingReplica | null;
}

export const MinutesContext = createContext<MinutesContextValue | null>(null);

export function useMinutes(): MinutesContextValue {
  const value = useContext(MinutesContext);
  if (!value) throw new Error('useMinutes outside the minutes editor');
  return value;
}
