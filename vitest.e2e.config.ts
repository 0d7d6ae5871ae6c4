// End-to-end tests: the built site (dist/) in Debian's Chromium through playwright-core.
// Run after `npm run build`; files run one at a time because the machine has two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
