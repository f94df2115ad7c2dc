/** The unit project of jest.config.js on its own, for Stryker (`npm run test:mutation`): Stryker's
 * jest runner needs one flat configuration, not a list of projects. */
const { projects } = require('./jest.config.js');

const { displayName: _displayName, ...unit } = projects.find((p) => p.displayName === 'unit');
module.exports = {
  ...unit,
  rootDir: __dirname,
  // These load the Russian dictionary (about 10 s) or start worker threads, and Stryker re-runs a
  // file for every mutant of a module-level constant: act-citations.rules.spec.ts tests the
  // citation rule on its own instead.
  testPathIgnorePatterns: [
    '/node_modules/',
    '/src/compliance/style/style\\.rules\\.spec\\.ts$',
    '/src/compliance/style/style-worker\\.spec\\.ts$',
  ],
  // MUTATION_SPECS='**/src/calendar/working-calendar*.spec.ts' judges a file by its own spec files
  // only: working-calendar.ts runs at module load of every calendar spec, so each of its mutants
  // would otherwise re-run all of them (hours instead of minutes). See docs/testing.md.
  ...(process.env.MUTATION_SPECS ? { testMatch: [process.env.MUTATION_SPECS] } : {}),
};
