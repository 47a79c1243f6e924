import { defineConfig } from 'vitest/config';

// Checks of the API document that need Node rather than workerd: Redocly's CLI and the client generator.
export default defineConfig({
  test: {
    include: ['test/node/**/*.test.mjs'],
    environment: 'node',
    // Importing the app and running the CLI take a while on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
