// "My actions": one person's outstanding actions on every board, overdue first, for an owner (or
// the chair on their behalf) to see everything they owe in one list.
import { useState } from 'react';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { ActionRows } from './ActionRows';

export function MyActionsPage() {
  const people = useLiveQuery(() => call('listPeople', {}), [], { watches: ['roster_member', 'board'] });
  const [personId, setPersonId] = useState('');
  const mine = useLiveQuery(() => (personId ? call('myActions', { personId }) : Promise.resolve(null)), [personId], {
    watches: ['action', 'meeting', 'roster_member', 'board'],
  });
  const m = mine.data;
  return (
    <section className="page" aria-labelledby="my-actions-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">All boards</p>
          <h1 id="my-actions-title">My actions</h1>
        </div>
      </header>
      <div className="field">
        <label htmlFor="my-actions-person">Whose actions</label>
        <select id="my-actions-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
          <option value="">Choose a person</option>
          {(people.data ?? []).map((p) => (
            <option key={p.personId} value={p.personId}>
              {p.fullName} – {p.boards.join(', ')}
            </option>
          ))}
        </select>
      </div>
      {mine.error ? <p role="alert">{mine.error.message}</p> : null}
      {m ? (
        m.actions.length ? (
          <ActionRows
            actions={m.actions}
            showBoard
            caption={`${m.person.fullName}: ${m.actions.length} outstanding ${m.actions.length === 1 ? 'action' : 'actions'}, ${m.actions.filter((a) => a.overdue).length} overdue`}
          />
        ) : (
          <p role="status">{m.person.fullName} owes no outstanding action.</p>
        )
      ) : null}
    </section>
  );
}
