// The shortcut sheet: every keyboard shortcut of the minutes editor, opened with Ctrl+/ or ?.
import { useRef } from 'react';
import { useModalDialog } from '../../app/useModalDialog';
import { EDITING_SHORTCUTS, SHORTCUTS } from './shortcuts';

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 ? <span aria-hidden="true">+</span> : null}
          <kbd>{k}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref);
  return (
    <dialog
      ref={ref}
      className="dialog shortcut-sheet"
      aria-labelledby="shortcut-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-inner">
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <h3>Minutes</h3>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.id}>
              <dt>
                <Keys keys={s.keys} />
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <h3>Discussion</h3>
        <dl className="shortcut-list">
          {EDITING_SHORTCUTS.map((s) => (
            <div key={s.description}>
              <dt>
                <Keys keys={s.keys} />
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
