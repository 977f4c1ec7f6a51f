// The open meeting's replica for the minutes editor: opened once as the meeting opens, let go
// when it closes. Until core has answered, the editor waits (its discussions must know which way
// they are saved before they are made); if core cannot serve one, they are saved as JSON.
import { useEffect, useState } from 'react';
import { minutesOrigin } from '../minutes/liveMinutes';
import { saveQueueFor } from '../minutes/saveQueue';
import { type MeetingReplica, openMeetingReplica } from './meetingReplica';

export interface ReplicaState {
  ready: boolean;
  replica: MeetingReplica | null;
}

export function useMeetingReplica(meetingId: string): ReplicaState {
  const [state, setState] = useState<ReplicaState & { meetingId: string }>({ meetingId, ready: false, replica: null });
  useEffect(() => {
    let live = true;
    let opened: MeetingReplica | null = null;
    openMeetingReplica(meetingId, saveQueueFor(meetingId), minutesOrigin(meetingId)).then(
      (replica) => {
        opened = replica;
        if (live) setState({ meetingId, ready: true, replica });
        else replica?.dispose();
      },
      (err: unknown) => {
        // Not shared as far as this window can tell: the discussions are saved as JSON, which core also takes.
        console.error('[replica] the meeting’s shared copy could not be opened', err);
        if (live) setState({ meetingId, ready: true, replica: null });
      },
    );
    return () => {
      live = false;
      opened?.dispose();
    };
  }, [meetingId]);
  return state.meetingId === meetingId ? state : { ready: false, replica: null };
}
