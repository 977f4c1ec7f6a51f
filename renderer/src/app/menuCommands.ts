// The desktop app's menu items that the window carries out (File > New Board…, Export PDF…,
// Help > Keyboard Shortcuts): a screen that can carry one out registers for it while it is
// shown, and the menu greys out the others. In a browser there is no menu: nothing happens.
import { useEffect, useEffectEvent } from 'react';
import { desktop, type MenuCommand } from '../api/desktop';

const handlers = new Map<MenuCommand, Array<() => void>>();

function publish(): void {
  const available = [...handlers].filter(([, list]) => list.length > 0).map(([command]) => command);
  desktop()?.setMenuCommandsAvailable(available);
}

/** Carries out `command` with `handler` until the returned function is called; the latest registered wins. */
export function registerMenuCommand(command: MenuCommand, handler: () => void): () => void {
  const list = handlers.get(command) ?? [];
  handlers.set(command, [...list, handler]);
  publish();
  return () => {
    handlers.set(
      command,
      (handlers.get(command) ?? []).filter((h) => h !== handler),
    );
    publish();
  };
}

/** Carries out a command from the menu; false when no screen shown can. */
export function runMenuCommand(command: MenuCommand): boolean {
  const handler = handlers.get(command)?.at(-1);
  handler?.();
  return handler !== undefined;
}

/** While the component is shown (and `enabled`), the menu's `command` calls `handler`. */
export function useMenuCommand(command: MenuCommand, handler: () => void, enabled = true): void {
  const run = useEffectEvent(handler);
  useEffect(() => (enabled ? registerMenuCommand(command, () => run()) : undefined), [command, enabled]);
}

desktop()?.onMenuCommand((command) => void runMenuCommand(command));
