// The problems of an encrypted data file that cannot be opened: no key, or a key that does not
// open it. Both say the file was not changed (a failed attempt writes nothing) and what to do.
import { problem, type StoreOpenError } from '../db/problems';

/** What a person can do to give the browser host or a command-line tool a key. */
export const HOW_TO_GIVE_A_KEY =
  'Set MATTERS_ARISING_KEY to the file’s passphrase (or its recovery passphrase), or run the command in a terminal and type it when asked.';

export function needsKey(file: string): StoreOpenError {
  return problem(
    'needs_key',
    'This data file is encrypted',
    `${file} is encrypted, and Matters Arising has no key for it on this computer (a file moved from another computer, or a keystore that could not be read).`,
    'Enter the recovery passphrase that was saved when the file was created. The file has not been changed.',
  );
}

export function wrongKey(file: string): StoreOpenError {
  return problem(
    'needs_key',
    'The key does not open this data file',
    `${file} could not be read with the key given: it was encrypted with another key (or other settings), or it is not a Matters Arising file.`,
    'Enter the recovery passphrase saved when the file was created, or open another file. The file has not been changed.',
  );
}

export function newFileNeedsKey(file: string): StoreOpenError {
  return problem(
    'needs_key',
    'A new data file needs a key',
    `${file} does not exist yet, and every new data file is encrypted: there is no key to encrypt it with.`,
    `${HOW_TO_GIVE_A_KEY} Nothing has been created.`,
  );
}
