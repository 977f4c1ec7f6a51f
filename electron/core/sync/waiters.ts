// What waits on a file's sync engine: conditions checked whenever something happens (a document
// arrived, a write was projected, the connection changed), never by polling a clock.
export class Waiters {
  private readonly listeners = new Set<() => void>();

  /** Resolves once `ready()` holds. */
  until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        let now = false;
        try {
          now = ready();
        } catch {
          // A condition about a board or file that has gone away is not (yet) met.
        }
        if (!now) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  clear(): void {
    this.listeners.clear();
  }
}
