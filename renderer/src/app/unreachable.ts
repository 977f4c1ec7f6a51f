// What the window says when it cannot reach the app at all: the host refused its requests, or
// is not answering. The browser host and the desktop app each need their own advice.

export interface Unreachable {
  title: string;
  advice: string;
}

export function unreachableProblem(code: string, inDesktop: boolean): Unreachable {
  if (code === 'unauthorised') {
    return inDesktop
      ? { title: 'Matters Arising did not recognise this window', advice: 'Close Matters Arising and open it again.' }
      : {
          title: 'Open Matters Arising from its own link',
          advice: 'Use the address printed in the terminal when the app started; it includes a one-time key that keeps other web pages out.',
        };
  }
  return {
    title: 'Matters Arising is not responding',
    advice: inDesktop
      ? 'Close Matters Arising and open it again. Everything already saved is in the data file.'
      : 'Check that the app is still running, then reload this page.',
  };
}
