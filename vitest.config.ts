import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    // PGlite instances are heavy (hundreds of MB); two workers fit the 2-core machines.
    maxWorkers: 2,
    // Files share each worker's modules instead of loading the whole server again for every file: that
    // loading was a third of the suite's time. So a test file must leave no module state behind (no
    // mocked modules, no environment changes, patches undone in afterAll); the suite passes in shuffled
    // file order (`--sequence.shuffle.files`).
    isolate: false,
    // Statements kept by shape check their parameters loudly under test (see statements-by-shape.ts).
    setupFiles: ['src/store/testing/strict-statements.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
