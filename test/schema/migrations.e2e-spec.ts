import { createDataSource } from '@hotline/database';

/**
 * The migrations and the entities describe the same schema: generating a migration from the entities
 * against the migrated test database must produce nothing (the "TypeORM check" of Immich and Twenty).
 */
describe('schema', () => {
  it('has no drift between entities and migrations', async () => {
    const dataSource = createDataSource(process.env.DATABASE_URL!);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
