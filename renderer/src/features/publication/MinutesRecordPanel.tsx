// Where a meeting's minutes are in their life, and the next step: circulate the draft, record
// it as agreed at a later meeting, mark it published, record a correction; export the public
// or the full PDF at any time; check that agreed minutes still match what was agreed.
import { useState } from 'react';
import type { MeetingDetail, MeetingStatus, MinutesRecord, MinutesVerification, PdfVersion } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { MEETING_STATUSES } from '../../../../shared/domain/enums';
import { NEXT_STEPS } from '../../../../shared/domain/minutesLifecycle';
import { MEETING_STATUS_LABEL } from '../../../../shared/domain/status';
import { ApiCallError, call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { base64Bytes, download } from '../../app/download';
import { useMenuCommand } from '../../app/menuCommands';
import { useLiveQuery } from '../../api/useLiveQuery';
import { useSubmit } from '../../app/useSubmit';
import { afterSavesOf, saveQueueFor } from '../minutes/saveQueue';
import { AgreeDialog, CorrectionDialog } from './RecordDialogs';
import { DocumentExportButtons } from '../documents/DocumentExportButtons';

const STAGES: readonly MeetingStatus[] = MEETING_STATUSES;

const onDay = (instant: string | null): string => (instant ? formatUkDate(instant.slice(0, 10)) : '');

/** Everything typed in the minutes is saved before their state changes or they are printed. */
async function savedFirst(meetingId: string): Promise<void> {
  const queue = saveQueueFor(meetingId);
  await queue.flush();
  if (queue.hasUnsaved()) {
    throw new ApiCallError({
      code: 'conflict',
      message: 'Some changes to the minutes are not saved yet (see the messages in the minutes). Save or undo them first.',
    });
  }
}

function summary(r: MinutesRecord): string {
  switch (r.status) {
    case 'draft':
      return 'These minutes are a draft. Circulate them to members when they are ready: item numbers and action references are then fixed, and the text can still be amended until the minutes are agreed.';
    case 'circulated':
      return `Circulated to members on ${onDay(r.circulatedAt)}. They become the record once agreed as accurate at a later meeting of the board.`;
    case 'agreed':
    case 'published':
      return 'These minutes are the record: they can no longer be changed. A correction is recorded beside them.';
  }
}

type Open = 'circulate' | 'agree' | 'publish' | 'correct' | 'export' | null;

export function MinutesRecordPanel({ meeting }: { meeting: MeetingDetail }) {
  const meetingId = meeting.id;
  // The state of the minutes, where they were agreed, corrections, the later meetings to agree
  // them at, and how many items are confidential (the board says how those print).
  const query = useLiveQuery(() => call('getMinutesRecord', { meetingId }), [meetingId], {
    watches: ['meeting', 'agenda_item', 'decision', 'correction', 'board'],
    after: afterSavesOf(meetingId),
  });
  const [open, setOpen] = useState<Open>(null);
  const [exporting, setExporting] = useState<PdfVersion | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [verification, setVerification] = useState<MinutesVerification | null>(null);
  const record = query.data;
  // File > Export PDF… in the desktop app: which version, then the same export as the buttons.
  useMenuCommand('export-pdf', () => setOpen('export'), record !== undefined && exporting === null);

  if (query.error && !record) {
    return (
      <p className="form-error" role="alert">
        The state of these minutes could not be read: {query.error.message}
      </p>
    );
  }
  if (!record) return <section className="record-panel" aria-busy="true" aria-label="Agreement and publication" />;

  const steps = NEXT_STEPS[record.status];
  const done = (): void => {
    setOpen(null);
    setVerification(null);
  };

  const exportPdf = async (version: PdfVersion): Promise<void> => {
    setExporting(version);
    setNotice(null);
    try {
      await savedFirst(meetingId);
      const result = await call('exportMinutesPdf', { meetingId, version });
      if (result.cancelled) return;
      const pages = `${result.pages} page${result.pages === 1 ? '' : 's'}`;
      if (result.pdfBase64) {
        download(result.fileName, base64Bytes(result.pdfBase64), 'application/pdf');
        setNotice({ kind: 'ok', text: `The ${version} version (${pages}) was downloaded as “${result.fileName}”.` });
      } else if (result.savedTo) {
        setNotice({ kind: 'ok', text: `The ${version} version (${pages}) was saved to ${result.savedTo}.` });
      }
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setExporting(null);
    }
  };

  const verify = async (): Promise<void> => {
    setNotice(null);
    try {
      setVerification(await call('verifyMinutes', { meetingId }));
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const agreement = record.agreement;
  return (
    <section className="record-panel" aria-labelledby="record-title">
      <div className="record-head">
        <h2 id="record-title" className="section-title">
          Agreement and publication
        </h2>
        <span className={`status-badge status-${record.status}`} data-testid="minutes-status">
          {MEETING_STATUS_LABEL[record.status]}
        </span>
      </div>
      <ol className="record-stages" aria-label="Stages of the minutes">
        {STAGES.map((stage) => (
          <li
            key={stage}
            className={STAGES.indexOf(stage) < STAGES.indexOf(record.status) ? 'done' : stage === record.status ? 'current' : ''}
            aria-current={stage === record.status ? 'step' : undefined}
          >
            {MEETING_STATUS_LABEL[stage]}
          </li>
        ))}
      </ol>
      <p className="record-summary">{summary(record)}</p>
      {record.imported ? (
        <p className="record-imported" data-testid="minutes-imported">
          Imported from “{record.imported.file}” on {onDay(record.imported.importedAt)}: the record as it was printed.
        </p>
      ) : null}
      {agreement ? (
        <dl className="facts record-facts">
          <div>
            <dt>Agreed as accurate</dt>
            <dd>
              {formatUkDate(agreement.agreedOn)}, at the meeting of {formatUkDate(agreement.atMeetingDate)}
            </dd>
          </div>
          {agreement.amendments ? (
            <div>
              <dt>Amendments made at agreement</dt>
              <dd>{agreement.amendments}</dd>
            </div>
          ) : null}
          {record.publishedAt ? (
            <div>
              <dt>Published</dt>
              <dd>{onDay(record.publishedAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Content hash (SHA-256)</dt>
            <dd className="record-hash">{agreement.contentHash}</dd>
          </div>
        </dl>
      ) : null}

      <div className="record-actions">
        {steps.includes('circulate') ? (
          <button type="button" className="button primary" onClick={() => setOpen('circulate')}>
            Circulate to members…
          </button>
        ) : null}
        {steps.includes('agree') ? (
          <button type="button" className="button primary" onClick={() => setOpen('agree')}>
            Record as agreed…
          </button>
        ) : null}
        {steps.includes('publish') ? (
          <button type="button" className="button primary" onClick={() => setOpen('publish')}>
            Mark as published…
          </button>
        ) : null}
        {steps.includes('correct') ? (
          <button type="button" className="button" onClick={() => setOpen('correct')}>
            Record a correction…
          </button>
        ) : null}
        {agreement ? (
          <button type="button" className="button" onClick={() => void verify()}>
            Verify
          </button>
        ) : null}
        <span className="record-export" role="group" aria-label="Export as PDF">
          <span className="record-export-label">PDF:</span>
          <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportPdf('public')}>
            {exporting === 'public' ? 'Preparing…' : 'Public version'}
          </button>
          <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportPdf('full')}>
            {exporting === 'full' ? 'Preparing…' : 'Full version (confidential)'}
          </button>
        </span>
        <DocumentExportButtons meetingId={meetingId} before={() => savedFirst(meetingId)} onNotice={setNotice} />
      </div>
      {record.confidentialItemCount > 0 ? (
        <p className="field-hint">
          {record.confidentialItemCount === 1 ? 'One item is' : `${record.confidentialItemCount} items are`} confidential: the public version{' '}
          {record.confidentialDisplay === 'omit'
            ? `leaves ${record.confidentialItemCount === 1 ? 'it' : 'them'} out completely`
            : `shows “confidential – not for publication” in ${record.confidentialItemCount === 1 ? 'its' : 'their'} place`}
          .
        </p>
      ) : null}

      <div aria-live="polite">
        {notice ? (
          <p className={notice.kind === 'ok' ? 'record-notice' : 'form-error'} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        ) : null}
        {verification ? (
          verification.matches ? (
            <p className="record-notice verified" role="status">
              Verified: the minutes in the data file still match what was agreed (checked {new Date(verification.checkedAt).toLocaleTimeString('en-GB')}).
            </p>
          ) : (
            <p className="form-error" role="alert">
              These minutes no longer match what was agreed: their content has changed since {formatUkDate(agreement?.agreedOn ?? record.meetingDate)}{' '}
              (content hash now {verification.currentHash.slice(0, 12)}…, agreed {verification.storedHash.slice(0, 12)}…). Restore a backup taken
              before the change.
            </p>
          )
        ) : null}
      </div>

      {record.corrections.length > 0 ? (
        <table className="data-table record-corrections">
          <caption>Corrections since these minutes were agreed</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What was corrected</th>
              <th scope="col">Why</th>
              <th scope="col">Agreed at</th>
            </tr>
          </thead>
          <tbody>
            {record.corrections.map((c) => (
              <tr key={c.id}>
                <td>{formatUkDate(c.date)}</td>
                <td>{c.what}</td>
                <td>{c.why}</td>
                <td>{c.agreedAtMeetingDate ? `Meeting of ${formatUkDate(c.agreedAtMeetingDate)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {open === 'circulate' ? (
        <ConfirmStep
          title={`Circulate the minutes of ${formatUkDate(record.meetingDate)}?`}
          submitLabel="Circulate"
          onCancel={() => setOpen(null)}
          onConfirm={async () => {
            await savedFirst(meetingId);
            await call('circulateMinutes', { meetingId });
            done();
          }}
        >
          <p>Members receive the draft to read before the next meeting.</p>
          <p>
            From now on the agenda items keep their numbers and the actions keep their references ({record.itemCount} item
            {record.itemCount === 1 ? '' : 's'}). The wording can still be amended until the minutes are agreed as accurate.
          </p>
        </ConfirmStep>
      ) : null}
      {open === 'agree' ? <AgreeDialog record={record} onCancel={() => setOpen(null)} onAgreed={done} beforeSaving={() => savedFirst(meetingId)} /> : null}
      {open === 'publish' ? (
        <ConfirmStep
          title="Mark the minutes as published?"
          submitLabel="Mark as published"
          onCancel={() => setOpen(null)}
          onConfirm={async () => {
            await call('publishMinutes', { meetingId });
            done();
          }}
        >
          <p>Record that the public version of these minutes is now on the board’s website.</p>
          <p className="field-hint">The content is checked against what was agreed first; minutes that no longer match are not marked.</p>
        </ConfirmStep>
      ) : null}
      {open === 'correct' ? <CorrectionDialog record={record} onCancel={() => setOpen(null)} onRecorded={done} /> : null}
      {open === 'export' ? (
        <ExportPdfDialog
          onCancel={() => setOpen(null)}
          onChoose={(version) => {
            setOpen(null);
            void exportPdf(version);
          }}
        />
      ) : null}
    </section>
  );
}

function ExportPdfDialog({ onCancel, onChoose }: { onCancel: () => void; onChoose: (version: PdfVersion) => void }) {
  const [version, setVersion] = useState<PdfVersion>('public');
  return (
    <Dialog title="Export the minutes as PDF" submitLabel="Export PDF" busy={false} error={null} onCancel={onCancel} onSubmit={() => onChoose(version)}>
      <div className="choice-field" role="radiogroup" aria-labelledby="pdf-version-label">
        <span id="pdf-version-label" className="choice-label">
          Version
        </span>
        <label>
          <input type="radio" name="pdf-version" checked={version === 'public'} onChange={() => setVersion('public')} /> Public version (confidential items left
          out)
        </label>
        <label>
          <input type="radio" name="pdf-version" checked={version === 'full'} onChange={() => setVersion('full')} /> Full version, marked confidential
        </label>
      </div>
    </Dialog>
  );
}

function ConfirmStep({
  title,
  submitLabel,
  onCancel,
  onConfirm,
  children,
}: {
  title: string;
  submitLabel: string;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
  children: React.ReactNode;
}) {
  const submit = useSubmit();
  return (
    <Dialog title={title} submitLabel={submitLabel} busy={submit.busy} error={submit.formError([])} onCancel={onCancel} onSubmit={() => void submit.run(onConfirm)}>
      {children}
    </Dialog>
  );
}
