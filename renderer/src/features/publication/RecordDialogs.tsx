// The two forms of the record: minutes agreed as accurate at a later meeting (with any
// amendments), and a correction to minutes already agreed (what, why, agreed where).
import { useId, useState } from 'react';
import { PUBLICATION_LIMITS, type MinutesRecord } from '../../../../shared/contract';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

function meetingLabel(m: MinutesRecord['laterMeetings'][number]): string {
  return m.status === 'draft' ? formatUkDate(m.date) : `${formatUkDate(m.date)} (minutes ${MEETING_STATUS_LABEL[m.status].toLowerCase()})`;
}

interface ControlIds {
  id: string;
  describedBy: string | undefined;
  invalid: true | undefined;
}

/** A labelled control (select, text area) with its hint and its error, wired for screen readers. */
function LabelledControl(props: { label: string; hint?: string; error: string | null; control: (ids: ControlIds) => React.ReactNode }) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.control({ id, describedBy, invalid: props.error ? true : undefined })}
      {props.error ? (
        <span className="field-error" id={`${id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function SelectField(props: { label: string; error: string | null; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <LabelledControl
      label={props.label}
      error={props.error}
      control={(ids) => (
        <select id={ids.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={ids.invalid} aria-describedby={ids.describedBy}>
          {props.children}
        </select>
      )}
    />
  );
}

function TextAreaField(props: { label: string; hint?: string; error: string | null; value: string; max: number; onChange: (v: string) => void; required?: boolean }) {
  return (
    <LabelledControl
      label={props.label}
      {...(props.hint ? { hint: props.hint } : {})}
      error={props.error}
      control={(ids) => (
        <textarea
          id={ids.id}
          rows={3}
          value={props.value}
          maxLength={props.max + 100}
          required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
        />
      )}
    />
  );
}

export function AgreeDialog({
  record,
  onCancel,
  onAgreed,
  beforeSaving,
}: {
  record: MinutesRecord;
  onCancel: () => void;
  onAgreed: () => void;
  beforeSaving: () => Promise<void>;
}) {
  const candidates = record.laterMeetings;
  // The next meeting is where minutes are normally agreed.
  const [atMeetingId, setAtMeetingId] = useState(candidates.find((m) => m.status === 'draft')?.id ?? candidates[0]?.id ?? '');
  const [amendments, setAmendments] = useState('');
  const submit = useSubmit();
  const noLater = candidates.length === 0;
  return (
    <Dialog
      title={`Minutes of ${formatUkDate(record.meetingDate)} agreed as accurate`}
      submitLabel="Record as agreed"
      busy={submit.busy}
      error={noLater ? 'There is no later meeting of this board yet. Set up the meeting at which these minutes were agreed first.' : submit.formError(['atMeetingId', 'amendments'])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          if (noLater) return;
          await beforeSaving();
          await call('agreeMinutes', { meetingId: record.meetingId, atMeetingId, amendments: amendments.trim() || null });
          onAgreed();
        })
      }
    >
      <p className="dialog-text">
        The agreement is recorded in that meeting’s “Minutes and actions arising” (added as its first item if it has none). From then on these minutes are the
        record and cannot be changed.
      </p>
      <SelectField label="Agreed at the meeting of" error={submit.fieldError('atMeetingId')} value={atMeetingId} onChange={setAtMeetingId}>
        {noLater ? <option value="">No later meeting yet</option> : null}
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {meetingLabel(m)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Amendments made at agreement (optional)"
        hint="As the board agreed them, e.g. “Item 7.6 to note that…”"
        error={submit.fieldError('amendments')}
        value={amendments}
        max={PUBLICATION_LIMITS.amendments}
        onChange={setAmendments}
      />
    </Dialog>
  );
}

export function CorrectionDialog({ record, onCancel, onRecorded }: { record: MinutesRecord; onCancel: () => void; onRecorded: () => void }) {
  const [date, setDate] = useState(todayIso());
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const after = record.agreement?.agreedOn ?? record.meetingDate;
  const candidates = record.laterMeetings.filter((m) => m.date >= after);
  const [agreedAt, setAgreedAt] = useState('');
  const submit = useSubmit();
  const shown = ['date', 'what', 'why', 'agreedAtMeetingId'];
  return (
    <Dialog
      title="Record a correction"
      submitLabel="Record correction"
      busy={submit.busy}
      error={submit.formError(shown)}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => {
          await call('recordCorrection', { meetingId: record.meetingId, date, what, why, agreedAtMeetingId: agreedAt || null });
          onRecorded();
        })
      }
    >
      <p className="dialog-text">
        Agreed minutes are never edited. The correction is kept beside them, printed with them, and says what changed and why.
      </p>
      <Field label="Date of the correction" type="date" value={date} min={after} onChange={(e) => setDate(e.target.value)} error={submit.fieldError('date')} />
      <TextAreaField label="What was corrected" error={submit.fieldError('what')} value={what} max={PUBLICATION_LIMITS.correction} onChange={setWhat} required />
      <TextAreaField label="Why" error={submit.fieldError('why')} value={why} max={PUBLICATION_LIMITS.correction} onChange={setWhy} required />
      <SelectField label="Agreed at the meeting of (optional)" error={submit.fieldError('agreedAtMeetingId')} value={agreedAt} onChange={setAgreedAt}>
        <option value="">Not agreed at a meeting</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {meetingLabel(m)}
          </option>
        ))}
      </SelectField>
    </Dialog>
  );
}
