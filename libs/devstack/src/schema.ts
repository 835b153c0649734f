import { createDataSource } from '@hotline/database';
import { isDatabaseEmpty, seedDatabase, SeedSummary } from '@hotline/seeding';

/** Applies pending migrations; returns the names of those it ran. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Loads seeds/ when `onlyIfEmpty` is false or the database has no reference data yet. */
export async function seed(
  databaseUrl: string,
  options: {
    onlyIfEmpty: boolean;
    includeDemoUsers: boolean;
    demoPassword: string;
    /** PII_KEY / PII_HASH_KEY of the environment that will read the data (demo enterprises' contacts). */
    sealingKeys?: { key: string; hashKey: string };
  },
): Promise<SeedSummary | null> {
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    if (options.onlyIfEmpty && !(await isDatabaseEmpty(dataSource))) return null;
    return await seedDatabase(dataSource, options);
  } finally {
    await dataSource.destroy();
  }
}
