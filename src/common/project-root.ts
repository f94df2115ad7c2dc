import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The nearest folder above `from` with a package.json: the repository. The service always runs
 * from it (npm start, the tests, the benchmarks), so templates are read from `src/…/templates`
 * there instead of being copied into dist, and the build stays plain `tsc`.
 */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${from}`);
    dir = parent;
  }
  return dir;
}
