// On the problem screen of an encrypted file the app has no key for (moved from another
// computer, a keystore that could not be read, a wrong key): the recovery passphrase opens it.
// A wrong one is said so; the file is never changed by an attempt.
import { useState } from 'react';
import { call } from '../../api/client';
import { Field } from '../../app/Field';
import { useSubmit } from '../../app/useSubmit';

export function UnlockForm() {
  const [passphrase, setPassphrase] = useState('');
  const submit = useSubmit();
  return (
    <form
      className="unlock-form"
      aria-labelledby="unlock-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (submit.busy) return;
        // Opening replaces the problem screen: the shell hears the data file changed.
        void submit.run(async () => {
          await call('unlockDataFile', { passphrase });
        });
      }}
    >
      <h2 id="unlock-title">Open with the recovery passphrase</h2>
      <Field
        label="Recovery passphrase"
        hint="As written down when the file was created: 16 groups of 4 letters and digits (dashes and spaces do not matter), or the passphrase you chose."
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        error={submit.fieldError('passphrase')}
        autoFocus
      />
      {submit.formError(['passphrase']) ? (
        <p className="form-error" role="alert">
          {submit.formError(['passphrase'])}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={submit.busy}>
        {submit.busy ? 'Opening…' : 'Open'}
      </button>
    </form>
  );
}
