import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { projectRoot } from '../common/project-root';
import type { NotificationKind } from './notifications.rules';

export type TemplateName = 'digest' | 'workflow' | 'plan-due' | 'obligation-due' | 'quota-at-risk';

export const TEMPLATE_OF: Record<NotificationKind, TemplateName> = {
  coordinator_digest: 'digest',
  organization_digest: 'digest',
  plan_due_reminder: 'plan-due',
  obligation_due_reminder: 'obligation-due',
  quota_at_risk: 'quota-at-risk',
  plan_submitted: 'workflow',
  plan_changes_requested: 'workflow',
  plan_approved: 'workflow',
};

/** The notification templates, `src/notifications/templates` in the repository. */
export function templatesDirectory(from = __dirname): string {
  return path.join(projectRoot(from), 'src', 'notifications', 'templates');
}

/**
 * The HTML part is rendered with escaping (`{{ }}` escapes every value; nothing uses `{{{ }}}`),
 * so an organization called `<script>…` reaches the reader as text; the plain-text part is not
 * HTML and is rendered without escaping.
 */
export class NotificationViews {
  private readonly html = new Map<string, Handlebars.TemplateDelegate>();
  private readonly text = new Map<string, Handlebars.TemplateDelegate>();

  constructor(directory = templatesDirectory()) {
    const html = Handlebars.create();
    const text = Handlebars.create();
    const files = readdirSync(directory).filter((f) => f.endsWith('.hbs'));
    for (const file of files) {
      const match = /^(_?)([a-z-]+)\.(html|text)\.hbs$/.exec(file);
      if (!match) throw new Error(`unexpected template file ${file} in ${directory}`);
      const [, partial, name, part] = match;
      const source = readFileSync(path.join(directory, file), 'utf8');
      const engine = part === 'html' ? html : text;
      if (partial) engine.registerPartial(name!, source);
      else
        (part === 'html' ? this.html : this.text).set(
          name!,
          engine.compile(source, { strict: false, noEscape: part === 'text' }),
        );
    }
    for (const name of new Set(Object.values(TEMPLATE_OF))) {
      if (!this.html.has(name) || !this.text.has(name)) throw new Error(`template ${name} is missing in ${directory}`);
    }
  }

  render(kind: NotificationKind, model: object): { html: string; text: string } {
    const name = TEMPLATE_OF[kind];
    return { html: this.html.get(name)!(model), text: this.text.get(name)!(model).replace(/\n{3,}/g, '\n\n') };
  }
}

/** The small confirmation pages of the unsubscribe link (no JavaScript; the form posts back). */
export function confirmationPage(title: string, text: string, form?: { action: string; button: string }): string {
  const e = Handlebars.Utils.escapeExpression;
  const button = form
    ? `<form method="post" action="${e(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${e(form.button)}</button></form>`
    : '';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title></head><body style="font-family:Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1 style="font-size:1.4rem">${e(title)}</h1><p>${e(text)}</p>${button}</body></html>`;
}
