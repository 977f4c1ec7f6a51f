// Owners of an action: chips for each owner, and a box that suggests roster initials, names
// and the board's groups as you type. Text that matches nobody is kept as written ("tbc"),
// marked "not on the roster"; "AF & EA" typed in one go becomes two owners.
import { memo, useId, useMemo, useState } from 'react';
import { formatOwners, ownerLabel, readOwners, sameOwner, suggestOwners, type OwnerDirectory, type OwnerMatch } from '../../../../shared/domain/owners';

interface OwnerPickerProps {
  label: string;
  owners: OwnerMatch[];
  directory: OwnerDirectory;
  readOnly: boolean;
  onChange: (owners: OwnerMatch[]) => void;
  onLeave: () => void;
}

const optionLabel = (o: OwnerMatch): string =>
  o.kind === 'member'
    ? `${o.initials} — ${o.fullName}`
    : o.kind === 'guest'
      ? `${o.initials ? `${o.initials} — ` : ''}${o.fullName} (guest)`
      : o.kind === 'group'
        ? `${o.name} (group)`
        : o.name;
const chipKey = (o: OwnerMatch): string =>
  o.kind === 'member' ? o.memberId : o.kind === 'guest' ? `guest:${o.attendanceId}` : o.kind === 'group' ? o.groupId : `name:${o.name}`;
const chipTitle = (o: OwnerMatch): string =>
  o.kind === 'member' ? o.fullName : o.kind === 'guest' ? `${o.fullName}, a guest in attendance` : o.kind === 'group' ? 'A group of this board' : 'Not on the roster';

export const OwnerPicker = memo(function OwnerPicker({ label, owners, directory, readOnly, onChange, onLeave }: OwnerPickerProps) {
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const suggestions = useMemo(
    () => (draft.trim() ? suggestOwners(draft, directory).filter((s) => !owners.some((o) => sameOwner(o, s))) : []),
    [draft, directory, owners],
  );
  const showList = open && suggestions.length > 0;

  const add = (more: OwnerMatch[]): void => {
    const next = [...owners];
    for (const o of more) if (!next.some((p) => sameOwner(p, o))) next.push(o);
    if (next.length !== owners.length) onChange(next);
    setDraft('');
    setActive(0);
  };
  const commitDraft = (): void => {
    if (!draft.trim()) return;
    const { owners: read, remainder } = readOwners(draft, directory);
    // A task phrase after the owner ("AF to take forward…") is kept too, never dropped.
    add(remainder ? [...read, { kind: 'name', name: remainder }] : read);
  };
  const remove = (o: OwnerMatch): void => onChange(owners.filter((p) => !sameOwner(p, o)));

  return (
    <div className="owner-picker">
      <ul className="owner-chips" aria-label={`${label}: ${owners.length ? formatOwners(owners) : 'none yet'}`}>
        {owners.map((o) => (
          <li key={chipKey(o)} className={`owner-chip owner-${o.kind}`}>
            {/* As the minutes print it: the owner named as at the meeting (core names them so). */}
            <span className="owner-label" title={chipTitle(o)}>
              {ownerLabel(o)}
            </span>
            {o.kind === 'name' ? <span className="owner-unknown">not on the roster</span> : null}
            {readOnly ? null : (
              <button type="button" className="chip-remove" aria-label={`Remove owner ${ownerLabel(o)}`} onClick={() => remove(o)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div className="owner-combo">
          <input
            className="owner-input"
            role="combobox"
            aria-label={label}
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList ? `${listId}-${active}` : undefined}
            placeholder={owners.length ? 'Add…' : 'Initials, name or group'}
            value={draft}
            dir="auto"
            onChange={(e) => {
              setDraft(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && suggestions.length) {
                e.preventDefault();
                setOpen(true);
                setActive((a) => (a + 1) % suggestions.length);
              } else if (e.key === 'ArrowUp' && suggestions.length) {
                e.preventDefault();
                setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
              } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                // Text that names owners by itself ("AF", "AF & EA") is taken as typed; otherwise
                // the highlighted suggestion ("Ann" -> AF). Escape first keeps "Ann" as written.
                const typed = readOwners(draft, directory);
                const named = typed.owners.length > 1 || (typed.owners[0] !== undefined && typed.owners[0].kind !== 'name');
                const pick = suggestions[active];
                if (showList && pick && !named) add([pick]);
                else commitDraft();
                setOpen(false);
              } else if (e.key === 'Escape' && showList) {
                e.preventDefault();
                setOpen(false);
              } else if (e.key === 'Backspace' && draft === '' && owners.length > 0) {
                remove(owners[owners.length - 1] as OwnerMatch);
              }
            }}
            onBlur={() => {
              commitDraft();
              setOpen(false);
              onLeave();
            }}
          />
          {showList ? (
            <ul className="owner-options" role="listbox" id={listId} aria-label="Suggestions">
              {suggestions.map((s, i) => (
                <li
                  key={optionLabel(s)}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add([s]);
                    setOpen(false);
                  }}
                >
                  {optionLabel(s)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
});
