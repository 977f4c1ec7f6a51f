// The actions agreed under an item, as the minutes print them: Reference, Details, Action
// (the owners) and Due. In its own meeting an action shows its number; its full reference
// (unique in the board) is in its label and tooltip.
import { memo, useCallback } from 'react';
import type { OwnerMatch } from '../../../../shared/contract';
import { toOwnerRef } from '../../../../shared/domain/owners';
import { call } from '../../api/client';
import { useMinutes } from './context';
import { DueField } from './DueField';
import type { ActionState } from './minutesStore';
import { OwnerPicker } from './OwnerPicker';
import { useFieldFailure } from './saveQueue';
import { deleteRow } from './deleteRow';

interface ActionsTableProps {
  itemId: string;
  itemNumber: string;
  actions: ActionState[];
  meetingDate: string;
  readOnly: boolean;
}

export const ActionsTable = memo(function ActionsTable({ itemId, itemNumber, actions, meetingDate, readOnly }: ActionsTableProps) {
  if (actions.length === 0) return null;
  return (
    <table className="actions-table" aria-label={`Actions, item ${itemNumber}`}>
      <thead>
        <tr>
          <th scope="col" className="col-ref">
            Reference
          </th>
          <th scope="col">Details</th>
          <th scope="col" className="col-owner">
            Action
          </th>
          <th scope="col" className="col-due">
            Due
          </th>
          {readOnly ? null : (
            <th scope="col" className="col-tools">
              <span className="visually-hidden">Delete</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <ActionRow key={a.id} itemId={itemId} action={a} meetingDate={meetingDate} readOnly={readOnly} />
        ))}
      </tbody>
    </table>
  );
});

const ActionRow = memo(function ActionRow({ itemId, action, meetingDate, readOnly }: { itemId: string; action: ActionState; meetingDate: string; readOnly: boolean }) {
  const { store, queue, directory, notify, origin } = useMinutes();
  const keys = { details: `action:${action.id}:details`, owners: `action:${action.id}:owners`, due: `action:${action.id}:due` };
  const detailsFailure = useFieldFailure(queue, keys.details);
  const ownersFailure = useFieldFailure(queue, keys.owners);
  const dueFailure = useFieldFailure(queue, keys.due);
  const current = useCallback(() => store.getItem(itemId)?.actions.find((a) => a.id === action.id), [store, itemId, action.id]);
  const flush = useCallback(() => void queue.flush(), [queue]);

  const setOwners = useCallback(
    (owners: OwnerMatch[]) => {
      store.updateAction(itemId, action.id, { owners });
      queue.schedule(
        `action:${action.id}:owners`,
        () => call('updateAction', { actionId: action.id, owners: (current()?.owners ?? []).map(toOwnerRef) }, { origin }),
        0,
      );
    },
    [store, queue, itemId, action.id, current, origin],
  );
  const setDue = useCallback(
    (dueText: string) => {
      store.updateAction(itemId, action.id, { dueText });
      queue.schedule(`action:${action.id}:due`, () => call('updateAction', { actionId: action.id, due: current()?.dueText ?? '' }, { origin }));
    },
    [store, queue, itemId, action.id, current, origin],
  );

  const remove = (): void =>
    deleteRow({ store, queue, notify, itemId, rowId: action.id, keys: Object.values(keys), what: 'Action', remove: () => call('deleteAction', { actionId: action.id }, { origin }) });

  return (
    <tr data-action-id={action.id} data-reference={action.reference}>
      <th scope="row" className="col-ref">
        <span className="action-seq" title={`Reference ${action.reference}`}>
          {action.seq}
        </span>
        <span className="visually-hidden"> (reference {action.reference})</span>
      </th>
      <td>
        <textarea
          className="action-details"
          aria-label={`Details, action ${action.seq}`}
          value={action.details}
          readOnly={readOnly}
          rows={1}
          dir="auto"
          placeholder="What is to be done"
          onChange={(e) => {
            store.updateAction(itemId, action.id, { details: e.target.value });
            queue.schedule(keys.details, () => call('updateAction', { actionId: action.id, details: current()?.details ?? '' }, { origin }));
          }}
          onBlur={flush}
        />
        {detailsFailure ? (
          <span className="field-error" role="alert">
            Not saved: {detailsFailure.message}
          </span>
        ) : null}
      </td>
      <td className="col-owner">
        <OwnerPicker
          label={`Owners, action ${action.seq}`}
          owners={action.owners}
          directory={directory}
          readOnly={readOnly}
          onChange={setOwners}
          onLeave={flush}
        />
        {ownersFailure ? (
          <span className="field-error" role="alert">
            Not saved: {ownersFailure.message}
          </span>
        ) : null}
      </td>
      <td className="col-due">
        <DueField
          label={`Due, action ${action.seq}`}
          text={action.dueText}
          meetingDate={meetingDate}
          readOnly={readOnly}
          serverMessage={dueFailure && dueFailure.field !== 'due' ? dueFailure.message : null}
          onChange={setDue}
          onLeave={flush}
        />
      </td>
      {readOnly ? null : (
        <td className="col-tools">
          <button
            type="button"
            className="row-delete"
            aria-label={`Delete action ${action.seq}`}
            title={`Delete action ${action.seq} (its reference ${action.reference} is not reused; Undo brings it back)`}
            onClick={remove}
          >
            ×
          </button>
        </td>
      )}
    </tr>
  );
});
