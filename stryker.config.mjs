// Mutation testing of the pure rules against the unit tests (issue 26; docs/testing.md).
// Stryker 9: the last major that runs on Node 20 (Stryker 10 needs Node 22).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/compliance/quota.rules.ts',
    'src/compliance/week-evaluation.rules.ts',
    'src/compliance/finding.rules.ts',
    'src/calendar/working-calendar.ts',
    'src/calendar/working-time.ts',
    'src/registry/page-url.rules.ts',
    'src/content-plan/plan-workflow.rules.ts',
    'src/compliance/style/act-citations.rules.ts',
    'src/calendar/coverage.rules.ts',
    'src/auth/login-throttle.rules.ts',
    'src/compliance/demo-publications.rules.ts',
    'src/registry/official.rules.ts',
    'src/public-registry/public-registry.rules.ts',
    'src/compliance/publication.rules.ts',
    'src/registry/policy.rules.ts',
    'src/registry/page.rules.ts',
    'src/registry/organization-decision.rules.ts',
    'src/registry/organization.rules.ts',
    'src/registry/registry-import.rules.ts',
    'src/content-plan/plan-items.rules.ts',
    'src/notifications/notifications.rules.ts',
  ],
  // Two cores shared with other test runs.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  // Only the unit tests run; the integration suite and build output stay out of the sandbox.
  ignorePatterns: ['dist', '.data', 'coverage', 'test-artifacts', 'test', 'docs'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
