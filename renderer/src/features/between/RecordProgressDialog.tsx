// Recording progress reported between meetings ("done, report attached", emailed in March), from
// the action log or an action's page: a date, what was reported, a status and who said so. It
// belongs to no meeting; the next meeting shows it "since the last meeting".
import { useId, useState } from 'react';
import { BETWEEN_LIMITS } from '../../../../shared/contract';
import { londonToday } from '../../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../../shared/domain/actionStatus';
import { BETWEEN_UPDATE_STATUSES, type ActionStatus, type BetweenUpdateStatus } from '../../../../shared/domain/enums';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

const FIELDS = ['date', 'text', 'status', 'reportedBy'] as const;

interface Props {
  actionId: string;
  reference: string;
  /** Its status now: an open action's report starts as "in progress". */
  status: ActionStatus;
  onClose: () => void;
}

export function RecordProgressDialog({ actionId, reference, status, onClose }: Props) {
  const id = useId();
  const submit = useSubmit();
  const [date, setDate] = useState(londonToday());
  const [text, setText] = useState('');
  const [reportedBy, setReportedBy] = useState('');
  const [chosen, setChosen] = useState<BetweenUpdateStatus>(status === 'deferred' ? 'deferred' : 'in_progress');
  const save = (): Promise<void> =>
    submit.run(async () => {
      await call('recordActionProgress', { actionId, date, text, status: chosen, reportedBy: reportedBy.trim() || null });
      onClose();
    });
  const textError = submit.fieldError('text');
  return (
    <Dialog
      title={`Record an update on ${reference}`}
      submitLabel="Record update"
      busy={submit.busy}
      error={submit.formError(FIELDS)}
      onSubmit={() => void save()}
      onCancel={onClose}
    >
      <p className="field-hint">Progress reported between meetings. It belongs to no meeting: the next meeting lists it under “since the last meeting”.</p>
      <Field label="Reported on" type="date" value={date} max={londonToday()} required onChange={(e) => setDate(e.target.value)} error={submit.fieldError('date')} />
      <div className={textError ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-text`}>Update</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          maxLength={BETWEEN_LIMITS.text + 100}
          aria-invalid={textError ? true : undefined}
          placeholder="What was reported, for example “Done, report attached”"
          onChange={(e) => setText(e.target.value)}
        />
        {textError ? <span className="field-error">{textError}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status reported</label>
        <select id={`${id}-status`} value={chosen} onChange={(e) => setChosen(e.target.value as BetweenUpdateStatus)}>
          {BETWEEN_UPDATE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <span className="field-hint">Superseding an action is agreed at a meeting, with the action that replaces it.</span>
      </div>
      <Field
        label="Reported by"
        hint="Optional: who said so, for example “KC by email”."
        value={reportedBy}
        maxLength={BETWEEN_LIMITS.reportedBy}
        onChange={(e) => setReportedBy(e.target.value)}
        error={submit.fieldError('reportedBy')}
      />
    </Dialog>
  );
}
