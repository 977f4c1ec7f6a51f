// Native dialogs the desktop app shows besides saving a PDF (pdf.ts): what to say when the app
// could not start at all.

/** The error box when start-up fails: the app then exits, so a later launch is not locked out. */
export function startupFailure(err: unknown): { title: string; content: string } {
  const reason = err instanceof Error ? err.message : String(err);
  return {
    title: 'Matters Arising could not start',
    content: `${reason}\n\nMatters Arising will close now. Start it again; if this happens again, tell whoever supports it what this message says.`,
  };
}
