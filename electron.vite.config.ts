import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled (and tree-shaken) rather than loaded from node_modules: date-fns' package
      // index alone costs ~400 ms of start-up when required whole. playwright-core (a
      // development dependency, loaded only to print a PDF in the browser host) stays outside.
      externalizeDeps: { exclude: ['date-fns', '@date-fns/tz', 'zod'], include: ['playwright-core'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          serve: resolve('electron/serve.ts'),
        },
        // The browser host prints PDFs with the system Chromium through playwright-core, a
        // development tool loaded from node_modules when needed; never bundled, never in the app.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
