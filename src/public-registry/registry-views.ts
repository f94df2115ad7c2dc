import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { projectRoot } from '../common/project-root';

export type ViewName = 'list' | 'organization' | 'not-found';

/** The public registry's templates, `src/public-registry/templates` in the repository. */
export function templatesDirectory(from = __dirname): string {
  return path.join(projectRoot(from), 'src', 'public-registry', 'templates');
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
