// "Everyone present except…": tick who was not there (apologies or absent); everyone else
// on the roster that day is marked present in one go.
import { useState } from 'react';
import type { AttendanceCandidate, AttendanceRow } from '../../../../shared/contract';
import { memberKey } from '../../../../shared/domain/attendance';
import { Dialog } from '../../app/Dialog';

type Missing = 'apologies' | 'absent';

interface EveryonePresentDialogProps {
  candidates: readonly AttendanceCandidate[];
  rows: readonly AttendanceRow[];
  onApply: (exceptions: Map<string, Missing>) => void;
  onCancel: () => void;
}

export function EveryonePresentDialog({ candidates, rows, onApply, onCancel }: EveryonePresentDialogProps) {
  const [missing, setMissing] = useState(() => {
    const already = new Map<string, Missing>();
    for (const c of candidates) {
      const status = rows.find((r) => r.key === memberKey(c.memberId))?.status;
      if (status === 'apologies' || status === 'absent') already.set(c.memberId, status);
    }
    return already;
  });
  const set = (memberId: string, value: Missing | null): void =>
    setMissing((m) => {
      const next = new Map(m);
      if (value) next.set(memberId, value);
      else next.delete(memberId);
      return next;
    });
  const present = candidates.length - missing.size;
  return (
    <Dialog
      title="Everyone present except…"
      submitLabel={`Mark ${present} present`}
      busy={false}
      error={null}
      onCancel={onCancel}
      onSubmit={() => onApply(missing)}
    >
      <p className="dialog-text">
        Tick anyone who was not there. Everyone else on the roster is marked present; anyone in attendance for particular items stays so.
      </p>
      <ul className="except-list">
        {candidates.map((c, index) => {
          const value = missing.get(c.memberId);
          return (
            <li key={c.memberId}>
              <label>
                <input
                  type="checkbox"
                  // The first name takes focus, so the first Space ticks it (not the scrolling list).
                  data-autofocus={index === 0 ? true : undefined}
                  checked={value !== undefined} onChange={(e) => set(c.memberId, e.target.checked ? 'apologies' : null)} /> {c.fullName}{' '}
                <span className="muted">({c.initials})</span>
              </label>
              {value ? (
                <select aria-label={`Why ${c.fullName} was not there`} value={value} onChange={(e) => set(c.memberId, e.target.value as Missing)}>
                  <option value="apologies">Sent apologies</option>
                  <option value="absent">Absent</option>
                </select>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
