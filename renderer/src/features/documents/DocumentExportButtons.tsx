// The minutes as Word or as accessible HTML, public or full version, beside the PDF buttons:
// the same record and the same check for confidential text as the PDF.
import { useState } from 'react';
import type { DocumentFormat, PdfVersion } from '../../../../shared/contract';
import { call } from '../../api/client';
import { deliver } from './deliver';

const FORMAT_LABEL: Record<DocumentFormat, string> = { docx: 'Word', html: 'HTML' };

interface Props {
  meetingId: string;
  /** Everything typed is saved first. */
  before: () => Promise<void>;
  onNotice: (notice: { kind: 'ok' | 'error'; text: string }) => void;
}

export function DocumentExportButtons({ meetingId, before, onNotice }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (format: DocumentFormat, version: PdfVersion): Promise<void> => {
    setBusy(`${format}-${version}`);
    try {
      await before();
      const result = await call('exportMinutesDocument', { meetingId, version, format });
      const text = deliver(result, `The ${version} version as ${FORMAT_LABEL[format]}`);
      if (text) onNotice({ kind: 'ok', text });
    } catch (err) {
      onNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {(['docx', 'html'] as const).map((format) => (
        <span key={format} className="record-export" role="group" aria-label={`Export as ${FORMAT_LABEL[format]}`}>
          <span className="record-export-label">{FORMAT_LABEL[format]}:</span>
          {(['public', 'full'] as const).map((version) => (
            <button
              key={version}
              type="button"
              className="button"
              disabled={busy !== null}
              aria-label={`${FORMAT_LABEL[format]}: ${version === 'public' ? 'public version' : 'full version (confidential)'}`}
              onClick={() => void run(format, version)}
            >
              {busy === `${format}-${version}` ? 'Preparing…' : version === 'public' ? 'Public' : 'Full'}
            </button>
          ))}
        </span>
      ))}
    </>
  );
}
