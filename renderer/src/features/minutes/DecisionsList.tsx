// The decisions agreed under an item, each saved as it is typed.
import { memo } from 'react';
import type { MinutesDecision } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useMinutes } from './context';
import { useFieldFailure } from './saveQueue';
import { deleteRow } from './deleteRow';

interface DecisionsListProps {
  itemId: string;
  itemNumber: string;
  decisions: MinutesDecision[];
  readOnly: boolean;
}

export const DecisionsList = memo(function DecisionsList({ itemId, itemNumber, decisions, readOnly }: DecisionsListProps) {
  if (decisions.length === 0) return null;
  return (
    <ol className="decisions" aria-label={`Decisions, item ${itemNumber}`}>
      {decisions.map((d, i) => (
        // The decision recording that earlier minutes were agreed is part of their record: core refuses any change to it.
        <DecisionRow key={d.id} itemId={itemId} decision={d} label={`Decision ${i + 1}, item ${itemNumber}`} readOnly={readOnly || d.agreesMinutesOf !== null} />
      ))}
    </ol>
  );
});

function DecisionRow({ itemId, decision, label, readOnly }: { itemId: string; decision: MinutesDecision; label: string; readOnly: boolean }) {
  const { store, queue, notify, origin } = useMinutes();
  const key = `decision:${decision.id}`;
  const failure = useFieldFailure(queue, key);
  return (
    <li className="decision" data-decision-id={decision.id}>
      <textarea
        aria-label={label}
        title={decision.agreesMinutesOf ? 'Records the agreement of earlier minutes: part of their record, so it cannot be changed.' : undefined}
        value={decision.text}
        readOnly={readOnly}
        rows={1}
        dir="auto"
        placeholder="What was decided"
        onChange={(e) => {
          store.updateDecision(itemId, decision.id, e.target.value);
          queue.schedule(key, () => {
            const text = store.getItem(itemId)?.decisions.find((d) => d.id === decision.id)?.text ?? '';
            return call('updateDecision', { decisionId: decision.id, text }, { origin });
          });
        }}
        onBlur={() => void queue.flush()}
      />
      {readOnly ? null : (
        <button
          type="button"
          className="row-delete"
          aria-label={`Delete ${label.toLowerCase()}`}
          title="Delete this decision"
          onClick={() => deleteRow({ store, queue, notify, itemId, rowId: decision.id, keys: [key], what: 'Decision', remove: () => call('deleteDecision', { decisionId: decision.id }, { origin }) })}
        >
          ×
        </button>
      )}
      {failure ? (
        <span className="field-error" role="alert">
          Not saved: {failure.message}
        </span>
      ) : null}
    </li>
  );
}
