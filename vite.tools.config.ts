// Builds the Node command-line tools that are not part of the desktop app (the benchmark and
// the PDF export, encrypting a data file) into out/tools, with every package left external.
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
      input: { bench: resolve('tests/bench/run.ts'), 'bench-data': resolve('tests/bench/buildData.ts'), export: resolve('electron/export.ts'), encrypt: resolve('electron/encrypt.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
