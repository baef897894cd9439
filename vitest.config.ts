import { defineConfig } from 'vitest/config';

// Unit tests are fast and parallel; integration and e2e spawn real yt-dlp/ffmpeg/Chromium,
// so they run in their own pool with limited parallelism (2 cores in CI).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'extension/**/*.test.ts', 'extension/**/*.test.tsx', 'native-host/**/*.test.ts', 'shared/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
