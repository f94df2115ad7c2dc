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
  testPathIgnorePatterns: ['/node_modules/', '/src/compliance/style/style\\.rules\\.spec\\.ts$', '/src/compliance/style/style-worker\\.spec\\.ts$'],
};
