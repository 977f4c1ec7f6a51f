// "Paste a list": a board's people in one go, from a table copied from Word or Excel or from
// lines as the minutes print them. A preview shows each person with suggested initials and any
// clash (core checks them against the roster and the rest of the paste); then all are added at once.
import { useEffect, useMemo, useState } from 'react';
import type { RosterMember, RosterPasteCheck } from '../../../../shared/contract';
import { parseRosterPaste, ROSTER_PASTE_MAX, ROSTER_PASTE_MAX_CHARS } from '../../../../shared/domain/rosterPaste';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { useSubmit } from '../../app/useSubmit';

interface Props {
  boardId: string;
  onCancel: () => void;
  onAdded: (added: RosterMember[], leftOut: number) => void;
}

export function RosterPasteDialog({ boardId, onCancel, onAdded }: Props) {
  const [text, setText] = useState('');
  /** Initials typed over the suggestion, by row. */
  const [typed, setTyped] = useState<ReadonlyMap<number, string>>(new Map());
  /** The last check, and the rows it was made for: a check of older rows is never added from. */
  const [check, setCheck] = useState<{ rows: unknown; result: RosterPasteCheck } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const submit = useSubmit();
  const parsed = useMemo(() => parseRosterPaste(text), [text]);
  const rows = useMemo(
    () => parsed.people.map((p, i) => ({ line: p.line, fullName: p.fullName, initials: typed.get(i) ?? p.initials, role: p.role, organisation: p.organisation })),
    [parsed, typed],
  );

  useEffect(() => {
    let current = true;
    // Nothing pasted: nothing to check (the preview shows only a check of the rows now pasted).
    if (rows.length === 0) return;
    call('checkRosterPaste', { boardId, people: rows }).then(
      (result) => {
        if (!current) return;
        setCheck({ rows, result });
        setCheckError(null);
      },
      (err: unknown) => {
        if (current) setCheckError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      current = false;
    };
  }, [boardId, rows]);

  const checked = rows.length > 0 && check?.rows === rows ? check.result.people : null;
  const ready = checked?.filter((p) => !p.problem) ?? [];
  const leftOut = (checked?.length ?? 0) - ready.length;
  const setInitials = (i: number, value: string): void => setTyped((prev) => new Map(prev).set(i, value));

  return (
    <Dialog
      title="Paste a list of people"
      wide
      submitLabel={ready.length === 1 ? 'Add 1 person' : `Add all ${ready.length} people`}
      busy={submit.busy || !checked}
      error={submit.error?.message ?? (rows.length > 0 ? checkError : null) ?? (checked && ready.length === 0 ? 'There is no one to add yet: each row listed has a problem to fix.' : null)}
      onCancel={onCancel}
      onSubmit={() => {
        if (!checked || ready.length === 0) return;
        void submit.run(async () => {
          const added = await call('addRosterMembers', {
            boardId,
            people: ready.map((p) => ({ fullName: p.fullName, initials: p.initials, role: p.role, organisation: p.organisation })),
          });
          onAdded(added, leftOut);
        });
      }}
    >
      <div className="field">
        <label htmlFor="roster-paste-text">People, one a line, or a table copied from Word or Excel</label>
        <span className="field-hint" id="roster-paste-hint">
          For example “Michael O’Connor, Independent Chair (MOC)”. Initials in brackets are kept; anyone without them gets initials no one else on the
          board has.
        </span>
        <textarea
          id="roster-paste-text"
          rows={6}
          value={text}
          maxLength={ROSTER_PASTE_MAX_CHARS}
          aria-describedby="roster-paste-hint"
          onChange={(e) => {
            setText(e.target.value);
            setTyped(new Map());
          }}
        />
      </div>
      {parsed.truncated > 0 ? (
        <p className="form-error" role="alert">
          Only the first {ROSTER_PASTE_MAX} people are shown and can be added now; {parsed.truncated} more {parsed.truncated === 1 ? 'line was' : 'lines were'} left
          in the paste. Add these, then paste the rest.
        </p>
      ) : null}
      {checked ? (
        <>
          <p className="dialog-text" role="status">
            {ready.length} of {checked.length} ready to add{leftOut ? `; ${leftOut} flagged below will be left out unless fixed` : ''}.
          </p>
          <div className="paste-preview">
            <table className="data-table paste-table">
              <caption className="visually-hidden">People to add</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Initials</th>
                  <th scope="col">Role and organisation</th>
                </tr>
              </thead>
              <tbody>
                {checked.map((p, i) => (
                  <tr key={`${rows[i]?.line ?? i}`} className={p.problem ? 'has-problem' : undefined}>
                    <th scope="row">{p.fullName}</th>
                    <td>
                      <input
                        className="paste-initials"
                        value={typed.get(i) ?? p.initials}
                        disabled={p.alreadyOnRoster}
                        aria-label={`Initials for ${p.fullName}`}
                        aria-invalid={p.problem && !p.alreadyOnRoster ? true : undefined}
                        aria-describedby={p.problem ? `paste-problem-${i}` : undefined}
                        onChange={(e) => setInitials(i, e.target.value)}
                      />
                      {p.suggested && !p.problem ? <span className="muted-line">suggested</span> : null}
                    </td>
                    <td>
                      {[p.role, p.organisation].filter(Boolean).join(', ')}
                      {p.problem ? (
                        <span className="field-error paste-problem" id={`paste-problem-${i}`}>
                          {p.problem}
                          {p.alternatives.map((a) => (
                            <button key={a} type="button" className="link-button" onClick={() => setInitials(i, a)}>
                              Use {a}
                            </button>
                          ))}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
