// The board setting "remind owners N days before due": blank for no reminders at start.
import { useState } from 'react';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/useLiveQuery';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

export function ReminderSettingField({ boardId }: { boardId: string }) {
  const setting = useLiveQuery(() => call('getReminderSetting', { boardId }), [boardId], { watches: ['settings'] });
  // What is typed, over the stored value until it is saved.
  const [typed, setDays] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const stored = setting.data?.days;
  const days = typed ?? (stored === null || stored === undefined ? '' : String(stored));
  const save = (): Promise<void> =>
    submit.run(async () => {
      setSaved(false);
      await call('setReminderSetting', { boardId, days: days.trim() === '' ? null : Number(days) });
      setDays(null);
      setSaved(true);
    });
  return (
    <fieldset className="reminder-setting">
      <legend>Reminders to owners</legend>
      <Field
        label="Remind owners this many days before an action is due"
        hint="Leave blank for no reminders. The app offers the reminders due each time it starts."
        type="number"
        min={0}
        max={60}
        value={days}
        onChange={(e) => {
          setDays(e.target.value);
          setSaved(false);
        }}
        error={submit.error ? submit.error.message : null}
      />
      <button type="button" className="button" disabled={submit.busy} onClick={() => void save()}>
        Save reminder setting
      </button>
      {saved ? <span role="status"> Saved.</span> : null}
    </fieldset>
  );
}
