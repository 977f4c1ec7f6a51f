// The window's side of the desktop app's extras: window.desktop having the same shape on both
// sides of the bridge.
import { describe, expectTypeOf, it } from 'vitest';
import type { DesktopBridge as PreloadBridge } from '../../electron/main/desktopBridge';
import type { DesktopBridge as WindowBridge } from '../../renderer/src/api/desktop';

describe('window.desktop', () => {
  it('has the same shape in preload and in the renderer', () => {
    expectTypeOf<WindowBridge>().toEqualTypeOf<PreloadBridge>();
  });
});
