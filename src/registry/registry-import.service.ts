import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { localDateOf } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type { ProblemField } from '../common/errors/domain-error';
import { Organization } from './organization.entity';
import { OfficialPage } from './page.entity';
import { PolicyService } from './policy.service';
import { networkAllowed } from './policy.rules';
import { RegistryEventsService } from './registry-events.service';
import { RegistryEventType } from './registry-event.entity';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { ImportRow, mapHeaders, normalizeTitle, parseImportLine } from './registry-import.rules';
import { isLegacyNetwork, NETWORK_TITLES } from './page-url.rules';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  organizations: { created: number; unchanged: number };
  pages: { created: number; unchanged: number };
  errors: ProblemField[];
}

// Import runs under a lock per jurisdiction so that two imports cannot interleave.
const IMPORT_LOCK_BASE = 7_302_000;

/**
 * Bulk import of an existing registry: every bad line is reported with its number and reason;
 * nothing is written unless the whole file is valid (all-or-nothing); re-importing the same file
 * changes nothing (organizations match by name, pages by normalized URL).
 */
@Injectable()
export class RegistryImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly events: RegistryEventsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async import(jurisdiction: string, format: ImportFormat, content: Buffer, dryRun: boolean, userId: string | null) {
    const table = format === 'csv' ? readCsv(content) : await readXlsx(content);
    return this.importTable(jurisdiction, table, dryRun, userId);
  }

  async importTable(
    jurisdiction: string,
    table: string[][],
    dryRun: boolean,
    userId: string | null,
  ): Promise<ImportReport> {
    const { rows, errors, lines } = parseTable(table, jurisdiction);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK_BASE, jurisdiction]);
      const plan = await this.plan(manager, jurisdiction, rows, errors);
      const report: ImportReport = {
        dryRun,
        rows: lines,
        organizations: { created: plan.newOrganizations.length, unchanged: plan.knownOrganizations },
        pages: { created: plan.newPages.length, unchanged: plan.knownPages },
        errors,
      };
      if (dryRun || errors.length) return report;
      await this.apply(manager, jurisdiction, plan, userId);
      return report;
    });
  }

  private async plan(manager: EntityManager, jurisdiction: string, rows: ImportRow[], errors: ProblemField[]) {
    const { policy } = await this.policies.get(jurisdiction, manager);
    const existing = await manager.find(Organization, { where: { jurisdictionCode: jurisdiction } });
    const byName = new Map(existing.map((o) => [normalizeTitle(o.name), o]));
    const urls = [...new Set(rows.flatMap((r) => (r.page ? [r.page.url] : [])))];
    const livePages = urls.length
      ? await manager.find(OfficialPage, { where: { url: In(urls), deletedOn: IsNull() } })
      : [];
    const pageByUrl = new Map(livePages.map((p) => [p.url, p]));
    const orgIds = existing.map((o) => o.id);
    const liveOfOrgs = orgIds.length
      ? await manager.find(OfficialPage, { where: { organizationId: In(orgIds), deletedOn: IsNull() } })
      : [];

    const fail = (row: ImportRow, column: string, message: string) =>
      errors.push({ field: `строка ${row.line}: ${column}`, message });
    const newOrganizations = new Map<string, ImportRow>();
    const newPages: { row: ImportRow; key: string }[] = [];
    const fileUrlOwner = new Map<string, string>();
    const networkUrl = new Map<string, string>();
    let knownPages = 0;

    for (const row of rows) {
      const key = normalizeTitle(row.organization);
      if (row.jurisdiction !== jurisdiction) {
        fail(row, 'Территория', `строка относится к «${row.jurisdiction}», а импорт идёт в «${jurisdiction}»`);
        continue;
      }
      const known = byName.get(key);
      const planned = newOrganizations.get(key);
      if ((known && known.kind !== row.kind) || (planned && planned.kind !== row.kind)) {
        fail(row, 'Вид организации', 'у этой организации уже указан другой вид');
      }
      if (!known && !planned) newOrganizations.set(key, row);
      if (!row.page) continue;

      const { network, url } = row.page;
      if (!networkAllowed(network, policy) && !isLegacyNetwork(network)) {
        const c = policy.networks.citation;
        fail(
          row,
          'Сеть',
          `«${NETWORK_TITLES[network]}» не входит в сети официальных страниц территории (${c.act} от ${c.date} № ${c.number}, ${c.clause})`,
        );
        continue;
      }
      const live = pageByUrl.get(url);
      if (live && (!known || live.organizationId !== known.id)) {
        fail(row, 'Ссылка', 'эта страница уже числится в реестре за другой организацией');
        continue;
      }
      const owner = fileUrlOwner.get(url);
      if (owner && owner !== key) {
        fail(row, 'Ссылка', 'эта же ссылка указана в файле для другой организации');
        continue;
      }
      if (live || owner) {
        if (live) knownPages++;
        continue;
      }
      if (policy.onePagePerNetwork.required && !isLegacyNetwork(network)) {
        const dbOther =
          known && liveOfOrgs.find((p) => p.organizationId === known.id && p.network === network && p.url !== url);
        const fileOther = networkUrl.get(`${key}|${network}`);
        if (dbOther || (fileOther && fileOther !== url)) {
          const c = policy.onePagePerNetwork.citation;
          fail(
            row,
            'Ссылка',
            `у организации уже есть страница в сети «${NETWORK_TITLES[network]}»; допускается одна${c ? ` (${c.act} № ${c.number}, ${c.clause})` : ''}`,
          );
          continue;
        }
        networkUrl.set(`${key}|${network}`, url);
      }
      fileUrlOwner.set(url, key);
      newPages.push({ row, key });
    }

    for (const row of newOrganizations.values()) {
      if (row.parent && !byName.has(normalizeTitle(row.parent)) && !newOrganizations.has(normalizeTitle(row.parent))) {
        fail(row, 'Вышестоящая организация', `организация «${row.parent}» не найдена ни в реестре, ни в файле`);
      }
    }
    errors.sort((a, b) => lineOf(a) - lineOf(b));
    return {
      byName,
      newOrganizations: [...newOrganizations.values()],
      knownOrganizations: new Set(rows.map((r) => normalizeTitle(r.organization)).filter((k) => byName.has(k))).size,
      newPages,
      knownPages,
      onePerNetwork: policy.onePagePerNetwork.required,
    };
  }

  private async apply(
    manager: EntityManager,
    jurisdiction: string,
    plan: Awaited<ReturnType<RegistryImportService['plan']>>,
    userId: string | null,
  ) {
    const ids = new Map([...plan.byName].map(([key, o]) => [key, o.id]));
    const today = localDateOf(this.clock.now(), (await this.calendar.jurisdiction(jurisdiction)).timeZone);
    // Parents before children: repeat passes over the rows whose parent is already known.
    let pending = plan.newOrganizations;
    while (pending.length) {
      const ready = pending.filter((r) => !r.parent || ids.has(normalizeTitle(r.parent)));
      if (!ready.length) throw new RegistryError(RegistryErrorCode.PARENT_CYCLE);
      for (const row of ready) {
        const saved = await manager.save(
          manager.create(Organization, {
            jurisdictionCode: jurisdiction,
            name: row.organization,
            kind: row.kind,
            parentId: row.parent ? ids.get(normalizeTitle(row.parent))! : null,
            website: row.website ?? null,
            inn: row.inn ?? null,
          }),
        );
        ids.set(normalizeTitle(row.organization), saved.id);
        await this.events.record(manager, {
          type: RegistryEventType.OrganizationCreated,
          organizationId: saved.id,
          occurredOn: today,
          recordedBy: userId,
          data: { source: 'import', line: row.line },
          deriveObligations: false,
        });
      }
      pending = pending.filter((r) => !ready.includes(r));
    }
    for (const { row, key } of plan.newPages) {
      const page = row.page!;
      const saved = await manager.save(
        manager.create(OfficialPage, {
          organizationId: ids.get(key)!,
          network: page.network,
          url: page.url,
          handle: page.handle,
          onePerNetwork: plan.onePerNetwork && !isLegacyNetwork(page.network),
          createdOn: page.createdOn ?? today,
          gosuslugiMarkOn: page.gosuslugiMarkOn ?? null,
        }),
      );
      await this.events.record(manager, {
        type: RegistryEventType.PageCreated,
        organizationId: saved.organizationId,
        pageId: saved.id,
        occurredOn: saved.createdOn,
        recordedBy: userId,
        data: { source: 'import', line: row.line, url: saved.url },
        deriveObligations: false,
      });
    }
  }
}

function lineOf(problem: ProblemField): number {
  return Number(/строка (\d+)/.exec(problem.field)?.[1] ?? 0);
}

export function parseTable(table: string[][], jurisdiction: string) {
  if (!table.length) return { rows: [], lines: 0, errors: [{ field: 'строка 1', message: 'файл пуст' }] };
  const { columns, problems } = mapHeaders(table[0]);
  const lines = table.slice(1).filter((cells) => cells.some((c) => String(c ?? '').trim())).length;
  if (problems.length) return { rows: [], lines, errors: problems };
  const rows: ImportRow[] = [];
  const errors: ProblemField[] = [];
  table.slice(1).forEach((cells, i) => {
    const result = parseImportLine(i + 2, cells, columns, jurisdiction);
    if (result.row) rows.push(result.row);
    errors.push(...result.problems);
  });
  return { rows, lines, errors };
}

/** CSV as Excel writes it in Russia: UTF-8 (with or without BOM), `;` or `,` separated. */
export function readCsv(content: Buffer): string[][] {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    throw new RegistryError(RegistryErrorCode.IMPORT_UNREADABLE, { reason: (error as Error).message.slice(0, 200) });
  }
}

export async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new RegistryError(RegistryErrorCode.IMPORT_UNREADABLE, {});
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'hyperlink' in v) return String((v as { hyperlink: string }).hyperlink);
  return cell.text ?? '';
}
