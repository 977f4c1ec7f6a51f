// Where the browser host and every command-line tool (export, import, encrypt, bench:data) get
// a data file's key: MATTERS_ARISING_KEY, else the passphrase typed on the terminal. Without a
// terminal (a pipe, a service) and without the variable, a new or encrypted file is refused with
// a message saying how. The one lookup every tool calls; the desktop app uses the keystore instead.
import fs from 'node:fs';
import { inspectDataFile } from '../db/file';
import { keyFromText, newRandomKey, recoveryPassphrase, type StoreKey } from './cipher';
import { HOW_TO_GIVE_A_KEY } from './problems';

export const KEY_VARIABLE = 'MATTERS_ARISING_KEY';

export class KeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyUnavailableError';
  }
}

/** The key in MATTERS_ARISING_KEY, if it is set. */
export function environmentKey(env: NodeJS.ProcessEnv = process.env): StoreKey | null {
  const text = env[KEY_VARIABLE];
  return text ? keyFromText(text) : null;
}

export interface Terminal {
  readonly isTTY: boolean;
  /** Asks a question; the answer is not shown as it is typed. */
  askHidden(question: string): Promise<string>;
  say(text: string): void;
}

export interface KeyRequest {
  /** The data file the key is for. */
  file: string;
  /** 'open' (the default): a plain file needs no key. 'encrypt': a key is needed for any file. */
  purpose?: 'open' | 'encrypt';
  env?: NodeJS.ProcessEnv;
  terminal?: Terminal;
}

/** What the key is for, from the file itself: nothing is written to it. */
function fileState(file: string): 'new' | 'plain' | 'encrypted' {
  if (!fs.existsSync(file)) return 'new';
  let kind;
  try {
    kind = inspectDataFile(file).kind;
  } catch {
    return 'encrypted';
  }
  return kind === 'sqlite' || kind === 'empty' || kind === 'not_sqlite' || kind === 'truncated' ? 'plain' : 'encrypted';
}

/**
 * The key for a tool to open (or encrypt) a file with, or null for a plain file that is only
 * opened. Throws KeyUnavailableError, with what to do, when there is none to be had.
 */
export async function keyForTool(request: KeyRequest): Promise<StoreKey | null> {
  const fromEnv = environmentKey(request.env ?? process.env);
  if (fromEnv) return fromEnv;
  const state = fileState(request.file);
  if (state === 'plain' && request.purpose !== 'encrypt') return null;
  const terminal = request.terminal ?? processTerminal();
  if (!terminal.isTTY) {
    const what =
      state === 'encrypted' ? `${request.file} is encrypted` : state === 'new' ? `${request.file} would be a new data file, and every new one is encrypted` : `${request.file} is to be encrypted`;
    throw new KeyUnavailableError(`${what}, and there is no key: ${KEY_VARIABLE} is not set and there is no terminal to type a passphrase in. ${HOW_TO_GIVE_A_KEY}`);
  }
  if (state === 'encrypted') {
    const typed = keyFromText(await terminal.askHidden(`Passphrase for ${request.file}: `));
    if (!typed) throw new KeyUnavailableError(`No passphrase was typed, so ${request.file} was not opened. ${HOW_TO_GIVE_A_KEY}`);
    return typed;
  }
  return chooseKey(request.file, terminal);
}

async function chooseKey(file: string, terminal: Terminal): Promise<StoreKey> {
  terminal.say(`${file} will be encrypted. Choose its passphrase, or press Enter to have a random one made for you.`);
  const first = await terminal.askHidden('Passphrase: ');
  const chosen = keyFromText(first);
  if (!chosen) {
    const made = newRandomKey();
    terminal.say(
      [
        '',
        'Your recovery passphrase (write it down or print it, and keep it somewhere safe):',
        '',
        `    ${recoveryPassphrase(made)}`,
        '',
        `Without it the file cannot be opened. Give it as ${KEY_VARIABLE} (or type it when asked) every time.`,
        '',
      ].join('\n'),
    );
    return made;
  }
  const again = keyFromText(await terminal.askHidden('The same passphrase again: '));
  if (again !== chosen) throw new KeyUnavailableError('The two passphrases were not the same; nothing was created or changed. Run the command again.');
  return chosen;
}

/** The process's own terminal: stdin in raw mode for a hidden answer, questions on stderr. */
export function processTerminal(): Terminal {
  const stdin = process.stdin;
  return {
    isTTY: Boolean(stdin.isTTY && process.stderr.isTTY),
    say: (text) => process.stderr.write(`${text}\n`),
    askHidden: (question) =>
      new Promise((resolve, reject) => {
        process.stderr.write(question);
        let answer = '';
        stdin.setRawMode(true);
        stdin.resume();
        stdin.setEncoding('utf8');
        const done = (): void => {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
        };
        const onData = (chunk: string): void => {
          for (const ch of chunk) {
            if (ch === '\r' || ch === '\n') {
              done();
              resolve(answer);
              return;
            }
            if (ch === '\u0003') {
              done();
              reject(new KeyUnavailableError('Cancelled: nothing was opened or changed.'));
              return;
            }
            if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
            else answer += ch;
          }
        };
        stdin.on('data', onData);
      }),
  };
}
