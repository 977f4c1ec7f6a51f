// The board's register of members' interests, kept from the roster: each member's interests with
// their category and the dates they were held; added, changed and removed here, and exported as
// its own document (PDF, Word, HTML).
import { useState, type FormEvent } from 'react';
import { INTEREST_TEXT_MAX, type InterestCategory, type InterestEntry, type RosterMember } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { INTEREST_CATEGORIES } from '../../../../shared/domain/enums';
import { INTEREST_CATEGORY_LABEL } from '../../../../shared/domain/interests';
import { ApiCallError, call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';
import { useUndoableDelete } from '../../app/useUndoableDelete';
import { deliver } from '../documents/deliver';

const FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'Word'],
  ['html', 'HTML'],
] as const;

export function InterestRegisterSection({ boardId, roster }: { boardId: string; roster: readonly RosterMember[] }) {
  const query = useLiveQuery(() => call('listInterests', { boardId }), [boardId], { watches: ['roster_member', 'board'] });
  const [editing, setEditing] = useState<InterestEntry | null>(null);
  const [memberId, setMemberId] = useState('');
  const [interest, setInterest] = useState('');
  const [category, setCategory] = useState<InterestCategory>('disclosable_pecuniary');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = useSubmit();
  const acting = useSubmit();
  const deletes = useUndoableDelete();

  const reset = (entry: InterestEntry | null): void => {
    setEditing(entry);
    setMemberId(entry?.memberId ?? '');
    setInterest(entry?.interest ?? '');
    setCategory(entry?.category ?? 'disclosable_pecuniary');
    setFromDate(entry?.fromDate ?? '');
    setToDate(entry?.toDate ?? '');
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void submit.run(async () => {
      if (!memberId) throw new ApiCallError({ code: 'invalid_input', message: 'Choose the member whose interest this is.', field: 'memberId' });
      await call('saveInterest', { boardId, ...(editing ? { interestId: editing.id } : {}), memberId, interest, category, fromDate: fromDate || null, toDate: toDate || null });
      setNotice({ kind: 'ok', text: editing ? 'The interest was changed.' : 'The interest was added to the register.' });
      reset(null);
    });
  };
  const exportAs = (format: 'pdf' | 'docx' | 'html'): void => {
    void acting.run(async () => {
      const text = deliver(await call('exportInterestRegister', { boardId, format }), 'The register of interests');
      if (text) setNotice({ kind: 'ok', text });
    });
  };
  const entries = (query.data?.entries ?? []).filter((e) => !deletes.hidden.has(e.id));
  const shown = ['memberId', 'interest', 'category', 'fromDate', 'toDate'];

  return (
    <section className="interest-register" aria-labelledby="register-of-interests">
      <h2 id="register-of-interests" className="section-title" tabIndex={-1}>
        Register of interests
      </h2>
      <div className="record-actions" role="group" aria-label="Export the register of interests">
        {FORMATS.map(([format, label]) => (
          <button key={format} type="button" className="button" disabled={acting.busy} onClick={() => exportAs(format)}>
            Export register ({label})
          </button>
        ))}
      </div>
      {entries.length === 0 ? (
        <p className="field-hint">No interests registered yet.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Interests registered by members of the board</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Interest</th>
              <th scope="col">Category</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">
                <span className="visually-hidden">Change or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.memberName} ({e.initials})
                </td>
                <td>{e.interest}</td>
                <td>{INTEREST_CATEGORY_LABEL[e.category]}</td>
                <td>{e.fromDate ? formatUkDate(e.fromDate) : ''}</td>
                <td>{e.toDate ? formatUkDate(e.toDate) : ''}</td>
                <td className="row-actions">
                  <button type="button" className="button compact" aria-label={`Change ${e.memberName}’s interest: ${e.interest}`} onClick={() => reset(e)}>
                    Change
                  </button>
                  <button
                    type="button"
                    className="button compact danger"
                    aria-label={`Remove ${e.memberName}’s interest: ${e.interest}`}
                    onClick={() =>
                      deletes.remove({
                        id: e.id,
                        message: `${e.memberName}’s interest removed`,
                        commit: () => call('removeInterest', { interestId: e.id }),
                        focusAfter: () => document.getElementById('register-of-interests'),
                      })
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="declaration-form" onSubmit={save} noValidate aria-label={editing ? 'Change an interest' : 'Add an interest'}>
        <div className={submit.fieldError('memberId') ? 'field has-error' : 'field'}>
          <label htmlFor="interest-member">Member</label>
          <select id="interest-member" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            <option value="">Choose a member</option>
            {roster.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fullName} ({m.initials})
              </option>
            ))}
          </select>
          {submit.fieldError('memberId') ? <span className="field-error">{submit.fieldError('memberId')}</span> : null}
        </div>
        <Field label="Interest" value={interest} onChange={(e) => setInterest(e.target.value)} maxLength={INTEREST_TEXT_MAX + 20} error={submit.fieldError('interest')} />
        <div className="field">
          <label htmlFor="interest-category">Category</label>
          <select id="interest-category" value={category} onChange={(e) => setCategory(e.target.value as InterestCategory)}>
            {INTEREST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {INTEREST_CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </div>
        <Field label="From" type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} error={submit.fieldError('fromDate')} />
        <Field label="To" type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} error={submit.fieldError('toDate')} />
        <div className="guest-form-actions">
          <button type="submit" className="button" disabled={submit.busy}>
            {editing ? 'Save interest' : 'Add interest'}
          </button>
          {editing ? (
            <button type="button" className="button" onClick={() => reset(null)}>
              Cancel
            </button>
          ) : null}
        </div>
        {submit.formError(shown) ? (
          <p className="form-error" role="alert">
            {submit.formError(shown)}
          </p>
        ) : null}
      </form>
      <div aria-live="polite">
        {acting.error ? (
          <p className="form-error" role="alert">
            {acting.error.message}
          </p>
        ) : deletes.refused ? (
          <p className="form-error" role="alert">
            {deletes.refused}
          </p>
        ) : notice ? (
          <p className={notice.kind === 'ok' ? 'record-notice' : 'form-error'} role="status">
            {notice.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
