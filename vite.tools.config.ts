// Builds the Node command-line tools that are not part of the desktop app (the benchmark
// now, the PDF export later) into out/tools, with every package left external.
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
      input: { bench: resolve('tests/bench/run.ts'), 'bench-data': resolve('tests/bench/buildData.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
