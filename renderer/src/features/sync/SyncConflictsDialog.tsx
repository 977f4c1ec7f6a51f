// "Things to check after syncing": a shared board's conflicts, newest first, each with where to
// look (an action, an agenda item, the minutes' record, a member on the roster, the board's
// settings), "Keep … instead" for two statuses recorded apart, "Keep …’s version" for an item two
// laptops brought back in different versions, "Make … the chair instead" for two chairs (or
// vice-chairs, or minute-takers) named apart, "Remove … from the attendance" for an attendance row
// a change brought back after its removal elsewhere, "Record … as apologies instead" for one field
// of an attendance row set to two values apart, "Use “…” instead" for one field of an item,
// decision or action, or of a roster member, group or the board's settings, set so (made through
// that field's own edit), and Dismiss (seen, on this laptop only).
// The list follows core's pushed changes: another laptop's edits, a dismissal in another window.
import { useEffect, useRef, useState } from 'react';
import type { ListedSyncConflict, UseFieldChoice } from '../../../../shared/contract';
import { call } from '../../api/client';
import { asApiError, type ApiCallError } from '../../api/errors';
import { hrefFor } from '../../app/router';
import { useModalDialog } from '../../app/useModalDialog';
import { foundText, keepAttendanceFieldLabel, keepChairLabel, keepLabel, keepVersionLabel, removeAttendanceLabel, otherValueLabel } from './conflictText';
import { openItem, openRecordPanel } from './openInMeeting';

interface Props {
  boardId: string;
  conflicts: readonly ListedSyncConflict[];
  onClose: () => void;
}

function WhereToLook({ conflict }: { conflict: ListedSyncConflict }) {
  const link = conflict.link;
  if (!link) return null;
  if (link.kind === 'action') return <a href={hrefFor({ name: 'action', actionId: link.actionId })}>Open action {link.reference}</a>;
  // Two people given the same initials apart: the roster, at the one shown under other initials, to choose theirs.
  if (link.kind === 'member') return <a href={hrefFor({ name: 'roster', boardId: link.boardId, memberId: link.memberId })}>Open {link.name} on the roster</a>;
  // A board shown here under a local form of its name or short code: its settings, where either is changed; a field of its settings or groups set apart: its settings.
  if (link.kind === 'boardSettings') {
    const what = conflict.kind === 'board_name_taken' ? ' (name and short code)' : '';
    return <a href={hrefFor({ name: 'boardSettings', boardId: link.boardId })}>Open the settings of {link.name}{what}</a>;
  }
  const meetingHref = hrefFor({ name: 'meeting', meetingId: link.meetingId });
  if (link.kind === 'record') {
    return (
      <a
        href={meetingHref}
        onClick={(event) => {
          event.preventDefault();
          openRecordPanel(link.meetingId);
        }}
      >
        Open the minutes’ record (proposed corrections)
      </a>
    );
  }
  const itemId = link.itemId;
  if (!itemId) return <a href={meetingHref}>Open the meeting</a>;
  return (
    <a
      href={meetingHref}
      onClick={(event) => {
        event.preventDefault();
        openItem(link.meetingId, itemId);
      }}
    >
      Open the agenda item
    </a>
  );
}

/** Makes the edit "Use … instead" names, through the field's own method. */
async function setOtherValue(choice: UseFieldChoice): Promise<void> {
  if (choice.method === 'updateAgendaItem') await call('updateAgendaItem', choice.input);
  else if (choice.method === 'updateDecision') await call('updateDecision', choice.input);
  else if (choice.method === 'updateAction') await call('updateAction', choice.input);
  else if (choice.method === 'updateRosterMember') await call('updateRosterMember', choice.input);
  else if (choice.method === 'saveGroup') await call('saveGroup', choice.input);
  else if (choice.method === 'renameBoard') await call('renameBoard', choice.input);
  else if (choice.method === 'setMinutesStyle') await call('setMinutesStyle', choice.input);
  else await call('setReminderSetting', choice.input);
}

type Phase = 'keep' | 'remove' | 'dismiss';

const BUSY: Record<Phase, string> = { keep: 'Keeping…', remove: 'Removing…', dismiss: 'Dismissing…' };

/** One choice of an entry: while any of its choices runs, all are disabled and this one says what it is doing. */
function Choice({ phase, doing, run, label, children }: { phase: Phase; doing: Phase | null; run: (what: Phase, work: () => Promise<unknown>) => void; label: string; children: () => Promise<unknown> }) {
  return (
    <button type="button" className="button" disabled={doing !== null} onClick={() => run(phase, children)}>
      {doing === phase ? BUSY[phase] : label}
    </button>
  );
}

function ConflictEntry({ boardId, conflict, onError }: { boardId: string; conflict: ListedSyncConflict; onError: (error: ApiCallError | null) => void }) {
  const [doing, setDoing] = useState<Phase | null>(null);
  const run = (what: Phase, work: () => Promise<unknown>): void => {
    setDoing(what);
    onError(null);
    work()
      .catch((err: unknown) => onError(asApiError(err)))
      .finally(() => setDoing(null));
  };
  const keep = conflict.keep;
  const actionId = conflict.link?.kind === 'action' ? conflict.link.actionId : conflict.entityId;
  const dismiss = (): Promise<unknown> => call('dismissSyncConflict', { boardId, id: conflict.id });
  const useField = conflict.useField;
  return (
    <li className="sync-conflict" aria-busy={doing !== null || undefined}>
      <p className="sync-conflict-description">{conflict.description}</p>
      <p className="sync-conflict-found">
        <time dateTime={conflict.foundAt}>{foundText(conflict.foundAt)}</time>
      </p>
      <div className="sync-conflict-actions">
        <WhereToLook conflict={conflict} />
        {keep ? (
          <Choice phase="keep" doing={doing} run={run} label={keepLabel(keep.status)}>
            {async () => {
              // Recorded as any status is, at the meeting where the other laptop recorded it: it becomes the latest and syncs.
              await call('recordActionUpdate', { meetingId: keep.meetingId, actionId, status: keep.status, supersededBy: keep.supersededBy });
              await dismiss();
            }}
          </Choice>
        ) : null}
        {(conflict.keepVersions ?? []).map((version) => (
          <Choice key={version.by} phase="keep" doing={doing} run={run} label={keepVersionLabel(version.by)}>
            {async () => {
              // An edit of the item like any other: it becomes what every laptop shows once it syncs.
              await call('updateAgendaItem', { itemId: version.itemId, ...version.changes });
              await dismiss();
            }}
          </Choice>
        ))}
        {conflict.keepChair ? (
          // Core records it as any attendance change (the mark moves off the chair kept) and dismisses the entry here.
          <Choice phase="keep" doing={doing} run={run} label={keepChairLabel(conflict.keepChair.name, conflict.keepChair.role)}>
            {() => call('keepSyncConflictChair', { boardId, id: conflict.id })}
          </Choice>
        ) : null}
        {conflict.keepAttendanceField ? (
          // Core records it as any attendance change (the rest of the row as it is) and dismisses the entry here.
          <Choice phase="keep" doing={doing} run={run} label={keepAttendanceFieldLabel(conflict.keepAttendanceField)}>
            {() => call('keepSyncConflictAttendanceField', { boardId, id: conflict.id })}
          </Choice>
        ) : null}
        {useField ? (
          <Choice phase="keep" doing={doing} run={run} label={otherValueLabel(useField)}>
            {async () => {
              // The field's ordinary edit, like any other: it becomes what every laptop shows once it syncs.
              await setOtherValue(useField);
              await dismiss();
            }}
          </Choice>
        ) : null}
        {conflict.removeAttendance ? (
          // Core removes it as any attendance change is (so the removal, having seen the change, stands everywhere) and dismisses the entry here.
          <Choice phase="remove" doing={doing} run={run} label={removeAttendanceLabel(conflict.removeAttendance.name)}>
            {() => call('removeSyncConflictAttendance', { boardId, id: conflict.id })}
          </Choice>
        ) : null}
        <Choice phase="dismiss" doing={doing} run={run} label="Dismiss">
          {dismiss}
        </Choice>
      </div>
    </li>
  );
}

export function SyncConflictsDialog({ boardId, conflicts, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);
  const [error, setError] = useState<ApiCallError | null>(null);
  // An entry kept or dismissed leaves the list with the button that had the focus: the keyboard
  // goes on from the next entry (or Close), never from the page behind the dialog.
  const ids = conflicts.map((c) => c.id).join(',');
  useEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement;
    if (!dialog || (active && active !== document.body && active.isConnected && dialog.contains(active))) return;
    dialog.querySelector<HTMLElement>('.sync-conflict a, .sync-conflict button, [data-autofocus]')?.focus();
  }, [ids]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide sync-conflicts-dialog"
      aria-labelledby="sync-conflicts-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-sheet">
        <h2 id="sync-conflicts-title">Things to check after syncing</h2>
        <div className="dialog-body">
          <p>
            These were changed on two laptops while they were apart. Nothing was lost: each laptop shows the same version, and the other one is
            described here, so you can decide which is right.
          </p>
          <p className="field-hint">Dismiss hides an entry on this laptop only; the other laptops list it until it is dismissed there.</p>
          {conflicts.length === 0 ? (
            <p role="status">Nothing left to check.</p>
          ) : (
            <ul className="sync-conflict-list" aria-label="Things to check">
              {conflicts.map((c) => (
                <ConflictEntry key={c.id} boardId={boardId} conflict={c} onError={setError} />
              ))}
            </ul>
          )}
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
