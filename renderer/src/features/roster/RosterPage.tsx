// A board's roster: everyone who appears in its minutes, by initials, with their role and
// organisation and when they joined or left. Add, change, mark as left, or delete someone
// the minutes never mention (with Undo for a few seconds, app/undoDeletes.tsx).
import { useState } from 'react';
import type { RosterMember } from '../../../../shared/contract';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { DateField } from '../../app/DateField';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';
import { useUndoableDelete } from '../../app/useUndoableDelete';
import { BoardFrame, useBoardSettings } from './BoardFrame';
import { InterestRegisterSection } from '../interests/InterestRegisterSection';
import { RosterMemberDialog } from './RosterMemberDialog';
import { RosterPasteDialog } from '../rosterPaste/RosterPasteDialog';
import { useMemberInView } from './useMemberInView';

type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'paste' } | { kind: 'edit' | 'left'; member: RosterMember };

function rosterDates(m: RosterMember): string {
  if (m.joinedOn && m.leftOn) return `${formatUkDate(m.joinedOn)} to ${formatUkDate(m.leftOn)}`;
  if (m.leftOn) return `Left ${formatUkDate(m.leftOn)}`;
  if (m.joinedOn) return `Since ${formatUkDate(m.joinedOn)}`;
  return '—';
}

/** The board's roster, with how often the minutes, actions and groups mention each person. */
export function useRosterList(boardId: string) {
  return useLiveQuery(() => call('listRoster', { boardId }), [boardId], { watches: ['roster_member', 'group', 'meeting', 'action'] });
}

const referenced = (m: RosterMember): boolean => m.references.meetings + m.references.actions + m.references.groups > 0;

/** `memberId`: the member the roster opens at, marked and focused (a sync conflict about their initials links here). */
export function RosterPage({ boardId, memberId }: { boardId: string; memberId?: string }) {
  const board = useBoardSettings(boardId);
  const roster = useRosterList(boardId);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string): void => {
    setEditing({ kind: 'none' });
    setNotice(message);
  };
  const deletes = useUndoableDelete();
  const people = (roster.data ?? []).filter((m) => !deletes.hidden.has(m.id));
  useMemberInView(memberId, people.length > 0);
  const asked = memberId && roster.data ? roster.data.find((m) => m.id === memberId) : undefined;

  return (
    <BoardFrame
      board={board}
      tab="roster"
      title="Roster"
      actions={
        <>
          <button type="button" className="button" onClick={() => setEditing({ kind: 'paste' })}>
            Paste a list…
          </button>
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'add' })}>
            Add person
          </button>
        </>
      }
    >
      {() => (
        <>
          <p className="page-intro">
            Everyone the minutes name, by their initials. Initials are unique on the board, including for people who have left, so old minutes stay
            clear.
          </p>
          {notice ? (
            <p className="notice" role="status">
              {notice}
            </p>
          ) : null}
          {memberId && roster.data && !asked ? (
            <p className="notice" role="status">
              The person the link named is no longer on this board’s roster.
            </p>
          ) : null}
          {roster.error || deletes.refused ? (
            <p className="form-error" role="alert">
              {deletes.refused ?? roster.error?.message}
            </p>
          ) : null}
          {roster.data && people.length === 0 ? (
            <div className="empty-state">
              <h2>No one on the roster yet</h2>
              <p>
                Choose <strong>Add person</strong> to add the board’s members and officers. The minutes refer to them by their initials, and each
                meeting’s attendance is ticked off this list.
              </p>
            </div>
          ) : null}
          {people.length > 0 ? (
            <table className="data-table roster-table">
              <caption className="visually-hidden">The roster</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Initials</th>
                  <th scope="col">Role and organisation</th>
                  <th scope="col">Membership</th>
                  <th scope="col">On the roster</th>
                  <th scope="col">
                    <span className="visually-hidden">Changes</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((m) => (
                  <tr key={m.id} data-member-id={m.id} className={[m.current ? '' : 'is-former', m.id === memberId ? 'is-target' : ''].join(' ').trim() || undefined}>
                    <th scope="row">{m.fullName}</th>
                    <td>
                      <span className="initials-badge">{m.initials}</span>
                    </td>
                    <td>
                      {m.role ?? ''}
                      {m.organisation ? <span className="muted-line">{m.organisation}</span> : null}
                    </td>
                    <td>{m.isMember ? 'Member' : 'Officer or attendee'}</td>
                    <td>{rosterDates(m)}</td>
                    <td className="row-actions">
                      <button type="button" className="button compact" onClick={() => setEditing({ kind: 'edit', member: m })} aria-label={`Change ${m.fullName}`}>
                        Change
                      </button>
                      {!m.leftOn ? (
                        <button type="button" className="button compact" onClick={() => setEditing({ kind: 'left', member: m })} aria-label={`${m.fullName} has left`}>
                          Has left…
                        </button>
                      ) : null}
                      {!referenced(m) ? (
                        <button
                          type="button"
                          className="button compact danger"
                          aria-label={`Delete ${m.fullName}`}
                          onClick={() => {
                            setNotice(null);
                            deletes.remove({
                              id: m.id,
                              message: `${m.fullName} deleted from the roster`,
                              commit: () => call('deleteRosterMember', { memberId: m.id }),
                              focusAfter: () => document.querySelector<HTMLElement>('.page-actions .button.primary'),
                            });
                          }}
                        >
                          Delete
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {editing.kind === 'add' || editing.kind === 'edit' ? (
            <RosterMemberDialog
              boardId={boardId}
              roster={people}
              member={editing.kind === 'edit' ? editing.member : undefined}
              onCancel={() => setEditing({ kind: 'none' })}
              onSaved={(m) => done(editing.kind === 'add' ? `${m.fullName} (${m.initials}) was added to the roster.` : `${m.fullName}’s details were saved.`)}
            />
          ) : null}
          {editing.kind === 'paste' ? (
            <RosterPasteDialog
              boardId={boardId}
              onCancel={() => setEditing({ kind: 'none' })}
              onAdded={(added, leftOut) =>
                done(`${added.length === 1 ? '1 person was' : `${added.length} people were`} added to the roster${leftOut ? `; ${leftOut} flagged ${leftOut === 1 ? 'was' : 'were'} left out` : ''}.`)
              }
            />
          ) : null}
          {editing.kind === 'left' ? (
            <MarkLeftDialog member={editing.member} onCancel={() => setEditing({ kind: 'none' })} onDone={(m) => done(`${m.fullName} is marked as having left.`)} />
          ) : null}
          <InterestRegisterSection boardId={boardId} roster={people} />
        </>
      )}
    </BoardFrame>
  );
}

function MarkLeftDialog({ member, onDone, onCancel }: { member: RosterMember; onDone: (m: RosterMember) => void; onCancel: () => void }) {
  const [leftOn, setLeftOn] = useState(todayIso());
  const submit = useSubmit();
  return (
    <Dialog
      title={`${member.fullName} has left the board`}
      submitLabel="Mark as left"
      busy={submit.busy}
      error={submit.formError(['leftOn'])}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onDone(await call('markMemberLeft', { memberId: member.id, leftOn })))}
    >
      <p className="dialog-text">
        They stay on the roster and in the minutes they appear in, but are no longer expected at meetings after this date.
      </p>
      <DateField label="Left on" value={leftOn} onChange={setLeftOn} required autoFocus error={submit.fieldError('leftOn')} />
    </Dialog>
  );
}
