import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { connectDatabase } from './connect';

/**
 * `generate <Name>`: writes migrations/<timestamp>-<Name>.ts with the SQL that brings the
 * database (all migrations applied) to what the entities describe — read it before committing.
 * `check`: exits 1 and prints the SQL when entities and migrations disagree (schema drift).
 */
async function main() {
  const [command, name] = process.argv.slice(2);
  if (command !== 'generate' && command !== 'check') {
    console.error('Usage: migration-cli generate <Name> | check');
    process.exit(2);
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    console.error('Migration name must be PascalCase, e.g. AddOfficialPages');
    process.exit(2);
  }
  const { dataSource, close } = await connectDatabase({ log: (line) => console.error(line) });
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (command === 'check') {
      if (up.length) {
        console.log(up.join('\n'));
        process.exitCode = 1;
      } else {
        console.log('Schema matches the entities.');
      }
      return;
    }
    if (!up.length) {
      console.log('No changes: entities match the migrations.');
      return;
    }
    const timestamp = Date.now();
    const file = path.resolve(__dirname, '..', '..', '..', 'migrations', `${timestamp}-${name}.ts`);
    await fs.writeFile(file, render(`${name}${timestamp}`, up, down));
    console.log(`Written ${path.relative(process.cwd(), file)}`);
  } finally {
    await close();
  }
}

export async function pendingSchemaChanges(dataSource: DataSource) {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}

function render(className: string, up: string[], down: string[]) {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
