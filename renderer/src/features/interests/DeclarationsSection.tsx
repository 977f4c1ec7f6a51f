// The declarations of interest made at a meeting: who declared what, on which item, and whether
// they left the room or took no part; recorded by those present or in attendance, read-only once
// the minutes are agreed. The register's interests of the chosen person are offered as wording.
import { useState, type FormEvent } from 'react';
import { INTEREST_TEXT_MAX, type DeclarationParticipation, type MeetingDeclarations } from '../../../../shared/contract';
import { DECLARATION_PARTICIPATIONS } from '../../../../shared/domain/enums';
import { PARTICIPATION_LABEL } from '../../../../shared/domain/interests';
import { ApiCallError, call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';
import { useUndoableDelete } from '../../app/useUndoableDelete';

const STANDING = '';

function itemLabel(data: MeetingDeclarations, itemId: string | null): string {
  if (!itemId) return data.standingItemId ? 'Declarations of interest (standing item)' : 'At the start of the meeting';
  const item = data.items.find((i) => i.id === itemId);
  return item ? `${item.number} ${item.title}` : '';
}

export function DeclarationsSection({ meetingId }: { meetingId: string }) {
  const query = useLiveQuery(() => call('getDeclarations', { meetingId }), [meetingId], { watches: ['meeting', 'agenda_item', 'roster_member'] });
  const [attendanceId, setAttendanceId] = useState('');
  const [itemId, setItemId] = useState(STANDING);
  const [interest, setInterest] = useState('');
  const [participation, setParticipation] = useState<DeclarationParticipation>('took_part');
  const submit = useSubmit();
  const deletes = useUndoableDelete();
  const data = query.data;
  if (!data) return <section className="declarations-panel" aria-busy="true" aria-label="Declarations of interest" />;

  const declarations = data.declarations.filter((d) => !deletes.hidden.has(d.id));
  const member = data.attendees.find((a) => a.attendanceId === attendanceId)?.memberId ?? null;
  const registered = data.registered.filter((r) => r.memberId === member);
  const record = (event: FormEvent): void => {
    event.preventDefault();
    void submit.run(async () => {
      if (!attendanceId) throw new ApiCallError({ code: 'invalid_input', message: 'Choose who declared the interest.', field: 'attendanceId' });
      await call('recordDeclaration', { meetingId, attendanceId, agendaItemId: itemId || null, interest, participation });
      setInterest('');
      setParticipation('took_part');
    });
  };

  return (
    <section className="declarations-panel" aria-labelledby="declarations-title">
      <h2 id="declarations-title" className="section-title" tabIndex={-1}>
        Declarations of interest
      </h2>
      {declarations.length === 0 ? (
        <p className="field-hint">No declarations of interest recorded.</p>
      ) : (
        <table className="data-table declarations-table">
          <caption className="visually-hidden">Declarations of interest made at this meeting</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Item</th>
              <th scope="col">Interest declared</th>
              <th scope="col">For the item</th>
              {data.editable ? <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th> : null}
            </tr>
          </thead>
          <tbody>
            {declarations.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.name}
                  {d.initials ? ` (${d.initials})` : ''}
                </td>
                <td>{itemLabel(data, d.agendaItemId)}</td>
                <td>{d.interest}</td>
                <td>{PARTICIPATION_LABEL[d.participation]}</td>
                {data.editable ? (
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button compact danger"
                      aria-label={`Remove ${d.name}’s declaration`}
                      onClick={() =>
                        deletes.remove({
                          id: d.id,
                          message: `${d.name}’s declaration removed`,
                          commit: () => call('removeDeclaration', { declarationId: d.id }),
                          focusAfter: () => document.getElementById('declarations-title'),
                        })
                      }
                    >
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deletes.refused ? (
        <p className="form-error" role="alert">
          {deletes.refused}
        </p>
      ) : null}
      {data.editable ? (
        <form className="declaration-form" onSubmit={record} noValidate aria-label="Record a declaration of interest">
          <div className={submit.fieldError('attendanceId') ? 'field has-error' : 'field'}>
            <label htmlFor="declaration-who">Who</label>
            <select id="declaration-who" value={attendanceId} onChange={(e) => setAttendanceId(e.target.value)}>
              <option value="">Choose someone at the meeting</option>
              {data.attendees.map((a) => (
                <option key={a.attendanceId} value={a.attendanceId}>
                  {a.name}
                  {a.initials ? ` (${a.initials})` : ''}
                </option>
              ))}
            </select>
            {submit.fieldError('attendanceId') ? <span className="field-error">{submit.fieldError('attendanceId')}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="declaration-item">Item</label>
            <select id="declaration-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
              <option value={STANDING}>{itemLabel(data, null)}</option>
              {data.items
                .filter((i) => i.id !== data.standingItemId)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number} {i.title}
                  </option>
                ))}
            </select>
          </div>
          <Field
            label="Interest declared"
            value={interest}
            list="declaration-registered"
            onChange={(e) => setInterest(e.target.value)}
            maxLength={INTEREST_TEXT_MAX + 20}
            error={submit.fieldError('interest')}
            hint={registered.length ? 'Their registered interests are offered as you type.' : undefined}
          />
          <datalist id="declaration-registered">
            {registered.map((r) => (
              <option key={r.interest} value={r.interest} />
            ))}
          </datalist>
          <div className="field">
            <label htmlFor="declaration-participation">For the item</label>
            <select id="declaration-participation" value={participation} onChange={(e) => setParticipation(e.target.value as DeclarationParticipation)}>
              {DECLARATION_PARTICIPATIONS.map((p) => (
                <option key={p} value={p}>
                  {PARTICIPATION_LABEL[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="guest-form-actions">
            <button type="submit" className="button" disabled={submit.busy}>
              {submit.busy ? 'Recording…' : 'Record declaration'}
            </button>
          </div>
          {submit.formError(['attendanceId', 'interest']) ? (
            <p className="form-error" role="alert">
              {submit.formError(['attendanceId', 'interest'])}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="field-hint">These minutes are agreed: their declarations are part of the record.</p>
      )}
    </section>
  );
}
