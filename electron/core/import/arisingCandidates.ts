// The earlier unfinished actions an imported meeting's matters arising can report on: those in
// the store (as a meeting made in the app would list them) and those planned by earlier meetings
// of the same import, each with what the wording matcher needs to know of it.
import type { ArisingCandidate } from '../../../shared/domain/legacy/arising';
import { outstandingBefore } from '../arising/actionProgress';
import type { ReadHandle } from '../store/write';
import type { PlannedUpdate, PlanState } from './planTypes';

export /** Earlier unfinished actions a meeting on `date` can report on: in the store, or planned earlier in this import. */
function arisingCandidates(db: ReadHandle['db'], state: PlanState, date: string): { candidates: ArisingCandidate[]; ids: Map<string, PlannedUpdate['target']>; details: Map<string, { reference: string; details: string }> } {
  const earlier = [...state.meetingDates].filter((d) => d < date).sort();
  const previous = earlier[earlier.length - 1] ?? null;
  const candidates: ArisingCandidate[] = [];
  const ids = new Map<string, PlannedUpdate['target']>();
  const details = new Map<string, { reference: string; details: string }>();
  if (state.board.id) {
    const outstanding = [...outstandingBefore({ db }, state.board.id, date).keys()];
    const row = db.prepare(
      `SELECT a.id, a.seq, a.reference, a.details, m.meeting_date, coalesce(i.title, '') AS title,
         (SELECT group_concat(coalesce(att.initials, o.printed_as), ' ') FROM action_owners o LEFT JOIN attendance att ON att.meeting_id = a.meeting_id AND att.member_id = o.member_id WHERE o.action_id = a.id) AS owners
       FROM actions a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN agenda_items i ON i.id = a.agenda_item_id WHERE a.id = ?`,
    );
    for (const id of outstanding) {
      const r = row.get(id) as { id: string; seq: number; reference: string; details: string; meeting_date: string; title: string; owners: string | null };
      const printed = r.reference.split('/').pop() ?? String(r.seq);
      candidates.push({ key: r.id, printedRef: printed, fromPreviousMeeting: r.meeting_date === previous, details: r.details, itemTitle: r.title, ownerInitials: (r.owners ?? '').split(' ').filter(Boolean) });
      ids.set(r.id, { actionId: r.id });
      details.set(r.id, { reference: r.reference, details: r.details });
    }
  }
  for (const p of state.planned) {
    if (p.date >= date || p.finished) continue;
    const printed = p.action.key.split('#')[1] ?? '';
    candidates.push({
      key: p.action.key,
      printedRef: printed,
      fromPreviousMeeting: p.date === previous,
      details: p.action.details,
      itemTitle: p.itemTitle,
      ownerInitials: p.action.owners.flatMap((o) => (o.kind === 'member' ? [o.printedAs] : [])),
    });
    ids.set(p.action.key, { key: p.action.key });
    details.set(p.action.key, { reference: p.action.reference, details: p.action.details });
  }
  return { candidates, ids, details };
}

