import { defineConfig } from 'vitest/config';
import { TEST_KEY_TEXT } from './tests/helpers/testKey';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // Every store a test makes is encrypted, with the one test key.
    env: { MATTERS_ARISING_KEY: TEST_KEY_TEXT },
  },
});
