// "Import minutes…": choose legacy minutes (text or Word .docx), see a preview of every meeting
// they hold before anything is written, accept or fix the warnings, then import: each file in
// one transaction, each refused with its own message if it cannot be imported.
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportResult } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/domain/dates';
import { call, ApiCallError } from '../../api/client';
import { hrefFor } from '../../app/router';
import { FilePreview } from './ImportPreviewView';

interface ImportDialogProps {
  /** The board to import into; when null, the user names it (an existing board or a new one). */
  boardName: string | null;
  onClose: () => void;
}

type Chosen = { name: string; encoding: 'base64'; content: string };

/** A file's bytes as base64, in chunks (a whole file at once overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const message = (err: unknown): string => (err instanceof ApiCallError || err instanceof Error ? err.message : String(err));

export function ImportDialog({ boardName, onClose }: ImportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [board, setBoard] = useState(boardName ?? '');
  const [files, setFiles] = useState<Chosen[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'previewing' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const choose = async (list: FileList | null): Promise<void> => {
    setPreview(null);
    setResult(null);
    setError(null);
    if (!list || list.length === 0) return setFiles([]);
    setBusy('reading');
    try {
      const chosen = await Promise.all(
        [...list].map(async (f) => ({ name: f.name, encoding: 'base64' as const, content: toBase64(new Uint8Array(await f.arrayBuffer())) })),
      );
      setFiles(chosen);
    } catch (err) {
      setError(`The files could not be read: ${message(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const runPreview = async (): Promise<void> => {
    setError(null);
    setResult(null);
    if (!board.trim()) return setError('Enter the board these minutes belong to.');
    if (files.length === 0) return setError('Choose the files to import.');
    setBusy('previewing');
    try {
      setPreview(await call('previewImport', { board: board.trim(), files }));
      setAccepted({});
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  };

  const importable = preview?.files.filter((f) => !f.problem) ?? [];
  const waiting = importable.filter((f) => f.meetings.some((m) => m.warnings.length) && !accepted[f.name]);

  const runImport = async (): Promise<void> => {
    if (!preview) return;
    setError(null);
    setBusy('importing');
    try {
      const chosen = importable.map((f) => ({ file: files.find((c) => c.name === f.name) as Chosen, digest: f.digest }));
      setResult(await call('importMinutes', { board: preview.board.name, files: chosen.map((c) => c.file), digests: chosen.map((c) => c.digest) }));
      setPreview(null);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide"
      aria-labelledby="import-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="dialog-inner">
        <h2 id="import-title">Import minutes</h2>
        <p className="dialog-text">
          Minutes from Word (.docx) or plain text laid out as published: “Minutes and Actions”, the board, the date and the time, then Present, Apologies,
          numbered items and their “Decisions and/or actions agreed” tables. Imported meetings become agreed minutes, the record as printed.
        </p>
        {boardName === null ? (
          <label className="field">
            <span>Board</span>
            <input
              value={board}
              onChange={(e) => {
                setBoard(e.target.value);
                setPreview(null);
              }}
              placeholder="An existing board, or a new one"
            />
          </label>
        ) : (
          <p className="dialog-text">
            Into <strong>{boardName}</strong>
          </p>
        )}
        <label className="field">
          <span>Files</span>
          <input
            type="file"
            multiple
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => void choose(e.target.files)}
            data-testid="import-files"
          />
        </label>
        {preview ? (
          <div className="import-preview" aria-live="polite">
            <p className="dialog-text">
              {preview.board.exists ? `Into the board ${preview.board.name}.` : `A new board, ${preview.board.name}, will be created.`} Nothing has been written yet.
            </p>
            {preview.files.length > importable.length ? (
              <p className="dialog-text">
                {preview.files.length - importable.length} of the {preview.files.length} files cannot be imported (see below) and will be left out.
              </p>
            ) : null}
            {preview.files.map((f) => (
              <FilePreview key={f.name} file={f} accepted={!!accepted[f.name]} onAccept={(yes) => setAccepted((a) => ({ ...a, [f.name]: yes }))} />
            ))}
          </div>
        ) : null}
        {result ? (
          <div className="import-result" role="status">
            {result.files.map((f) => (
              <p key={f.name} className={f.imported ? '' : 'form-error'}>
                {f.imported ? (
                  <>
                    Imported {f.name}:{' '}
                    {f.meetings.map((m, i) => (
                      <span key={m.id}>
                        {i ? ', ' : ''}
                        <a href={hrefFor({ name: 'meeting', meetingId: m.id })} onClick={onClose}>
                          {formatUkDate(m.date)}
                        </a>
                      </span>
                    ))}
                  </>
                ) : (
                  `Not imported ${f.name}: ${f.problem ?? ''} Nothing from it was written.`
                )}
              </p>
            ))}
          </div>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy === 'importing'}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {!result ? (
            <button type="button" className="button" onClick={() => void runPreview()} disabled={busy !== null || files.length === 0}>
              {busy === 'previewing' ? 'Reading…' : 'Preview'}
            </button>
          ) : null}
          {preview && !result ? (
            <button type="button" className="button primary" onClick={() => void runImport()} disabled={busy !== null || importable.length === 0 || waiting.length > 0}>
              {busy === 'importing' ? 'Importing…' : `Import ${importable.reduce((n, f) => n + f.meetings.length, 0)} meetings`}
            </button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
