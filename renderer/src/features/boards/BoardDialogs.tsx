// Creating and renaming boards.
import { useState } from 'react';
import { LIMITS, type BoardSummary } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

interface NewBoardDialogProps {
  onCreated: (board: BoardSummary) => void;
  onCancel: () => void;
}

export function NewBoardDialog({ onCreated, onCancel }: NewBoardDialogProps) {
  const [name, setName] = useState('');
  const [shortCode, setShortCode] = useState('');
  const submit = useSubmit();
  return (
    <Dialog
      title="New board"
      submitLabel="Create board"
      busy={submit.busy}
      error={submit.formError(['name', 'shortCode'])}
      onCancel={onCancel}
      onSubmit={() =>
        void submit.run(async () => onCreated(await call('createBoard', { name, shortCode: shortCode.trim() || null })))
      }
    >
      <Field
        label="Board name"
        hint="As it appears at the top of the minutes, e.g. Southwark Safeguarding Children Executive Board"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={LIMITS.boardName + 20}
        autoFocus
        required
        error={submit.fieldError('name')}
      />
      <Field
        label="Short code (optional)"
        hint="A few letters used in lists, e.g. SSCB"
        value={shortCode}
        onChange={(e) => setShortCode(e.target.value)}
        maxLength={LIMITS.shortCode + 4}
        error={submit.fieldError('shortCode')}
      />
    </Dialog>
  );
}

interface RenameBoardDialogProps {
  board: BoardSummary;
  onRenamed: (board: BoardSummary) => void;
  onCancel: () => void;
}

export function RenameBoardDialog({ board, onRenamed, onCancel }: RenameBoardDialogProps) {
  const [name, setName] = useState(board.name);
  const submit = useSubmit();
  return (
    <Dialog
      title="Rename board"
      submitLabel="Rename"
      busy={submit.busy}
      error={submit.formError(['name'])}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onRenamed(await call('renameBoard', { boardId: board.id, name })))}
    >
      <Field
        label="New name"
        hint="Minutes already circulated keep the name the meeting was held under."
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={LIMITS.boardName + 20}
        autoFocus
        required
        error={submit.fieldError('name')}
      />
    </Dialog>
  );
}
