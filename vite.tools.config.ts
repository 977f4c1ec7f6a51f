// Builds the Node command-line tools that are not part of the desktop app (the benchmark, the
// PDF export, the import of legacy minutes, encrypting a data file, the sync server) into out/tools, with every
// package left external.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/tools',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        bench: resolve('tests/bench/run.ts'),
        'bench-data': resolve('tests/bench/buildData.ts'),
        export: resolve('electron/export.ts'),
        import: resolve('electron/import.ts'),
        encrypt: resolve('electron/encrypt.ts'),
        'sync-server': resolve('electron/syncServer/cli.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
