// The board's way of writing minutes: agenda numbering (1a or 1.1) and the format of action
// references. Changing numbering renumbers draft minutes; references already issued never change.
import { useState } from 'react';
import type { ItemNumbering, MinutesStyle } from '../../../../shared/contract';
import { ITEM_NUMBERINGS } from '../../../../shared/domain/enums';
import { ITEM_NUMBERING_LABEL } from '../../../../shared/domain/numbering';
import { checkReferenceFormat, formatReference } from '../../../../shared/domain/references';
import { call } from '../../api/client';
import { Dialog } from '../../app/Dialog';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

interface MinutesStyleDialogProps {
  boardId: string;
  meetingDate: string;
  numbering: ItemNumbering;
  referenceFormat: string;
  onSaved: (style: MinutesStyle) => void;
  onCancel: () => void;
}

export function MinutesStyleDialog({ boardId, meetingDate, numbering, referenceFormat, onSaved, onCancel }: MinutesStyleDialogProps) {
  const [scheme, setScheme] = useState<ItemNumbering>(numbering);
  const [format, setFormat] = useState(referenceFormat);
  const submit = useSubmit();
  const check = checkReferenceFormat(format);
  const example = check.ok ? `${formatReference(format, meetingDate, 1)}, ${formatReference(format, meetingDate, 2)}…` : null;
  return (
    <Dialog
      title="Numbering and references"
      submitLabel="Save"
      busy={submit.busy}
      error={submit.formError(['referenceFormat', 'numbering'])}
      onCancel={onCancel}
      onSubmit={() => void submit.run(async () => onSaved(await call('setMinutesStyle', { boardId, numbering: scheme, referenceFormat: format })))}
    >
      <fieldset className="radio-group">
        <legend>Agenda item numbers</legend>
        {ITEM_NUMBERINGS.map((s) => (
          <label key={s}>
            <input type="radio" name="numbering" value={s} checked={scheme === s} onChange={() => setScheme(s)} /> {ITEM_NUMBERING_LABEL[s]}
          </label>
        ))}
        <span className="field-hint">Draft minutes are renumbered; circulated minutes keep their numbers.</span>
      </fieldset>
      <Field
        label="Action reference format"
        hint="Date parts of the meeting date (yyyy, MM, dd, MMM…) and {n} for the action’s number; put other letters in single quotes."
        value={format}
        onChange={(e) => setFormat(e.target.value)}
        error={submit.fieldError('referenceFormat') ?? (check.ok ? null : check.message)}
      />
      {example ? <p className="field-hint">For this meeting: {example} References already given to actions never change.</p> : null}
    </Dialog>
  );
}
