import { defineConfig } from 'vitest/config';

// Checks of the API document that need Node rather than workerd: Redocly's CLI and the client generator.
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.mjs'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
