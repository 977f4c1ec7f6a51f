import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './electron/pdf/print';

// Debian's Chromium, never a downloaded browser; the flags keep it off the network. The same
// browser and flags print PDFs in the browser host (electron/pdf/print.ts).
export { CHROMIUM_ARGS, CHROMIUM_PATH };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'off',
    screenshot: 'off',
  },
});
