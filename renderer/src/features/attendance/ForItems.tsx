// Which items someone was in attendance for: the meeting's agenda items when it has any,
// and the note as the minutes print it ("Item 3").
import { useId, useState } from 'react';
import { LIMITS, type MeetingAttendance } from '../../../../shared/contract';

interface ForItemsProps {
  name: string;
  note: string | null;
  itemIds: readonly string[];
  agendaItems: MeetingAttendance['agendaItems'];
  locked: boolean;
  onChange: (patch: { forItemsNote?: string | null; forItemIds?: string[] }) => void;
}

export function ForItems({ name, note, itemIds, agendaItems, locked, onChange }: ForItemsProps) {
  const id = useId();
  // The text stays as typed (saving trims it), so a save landing mid-word never eats a space.
  const [text, setText] = useState(note ?? '');
  const toggle = (itemId: string, on: boolean): void =>
    onChange({ forItemIds: on ? [...itemIds, itemId] : itemIds.filter((x) => x !== itemId) });
  return (
    <div className="for-items">
      <label htmlFor={`${id}-note`}>For items</label>
      <input
        id={`${id}-note`}
        type="text"
        value={text}
        placeholder="e.g. Item 3"
        maxLength={LIMITS.forItemsNote}
        disabled={locked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          onChange({ forItemsNote: e.target.value });
        }}
      />
      <span className="visually-hidden" id={`${id}-hint`}>
        The items {name} attended for, as the minutes print them
      </span>
      {agendaItems.length > 0 ? (
        <fieldset className="item-picker">
          <legend className="visually-hidden">Agenda items {name} attended for</legend>
          {agendaItems.map((item) => (
            <label key={item.id} title={item.title}>
              <input type="checkbox" checked={itemIds.includes(item.id)} disabled={locked} onChange={(e) => toggle(item.id, e.target.checked)} />
              {item.number}
              <span className="visually-hidden"> {item.title}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
