import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export type ViewName = 'list' | 'organization' | 'not-found';

/**
 * The service always runs from the repository (npm start, the tests, the benchmark), so the
 * templates are read once at start from `src/public-registry/templates` under the project root
 * (the nearest folder with package.json), not copied into dist: the build stays plain `tsc`.
 */
export function templatesDirectory(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${from}`);
    dir = parent;
  }
  return path.join(dir, 'src', 'public-registry', 'templates');
}

/** Handlebars views of the public registry; `{{ }}` escapes every value, nothing uses `{{{ }}}` on data. */
export class RegistryViews {
  private readonly views = new Map<ViewName, Handlebars.TemplateDelegate>();
  /** Changes with the templates, so cached pages of an older release are not answered with 304. */
  readonly fingerprint: string;

  constructor(directory = templatesDirectory()) {
    const handlebars = Handlebars.create();
    const hash = createHash('sha256');
    for (const file of readdirSync(directory)
      .filter((f) => f.endsWith('.hbs'))
      .sort()) {
      const source = readFileSync(path.join(directory, file), 'utf8');
      hash.update(file).update(source);
      const name = file.replace(/\.hbs$/, '');
      if (name.startsWith('_')) handlebars.registerPartial(name.slice(1), source);
      else this.views.set(name as ViewName, handlebars.compile(source, { strict: false }));
    }
    for (const name of ['list', 'organization', 'not-found'] as const) {
      if (!this.views.has(name)) throw new Error(`template ${name}.hbs is missing in ${directory}`);
    }
    this.fingerprint = hash.digest('hex').slice(0, 12);
  }

  render(name: ViewName, model: object): string {
    return this.views.get(name)!(model);
  }
}
