import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@hotline/database';

/**
 * A connection error that reaches a pooled client while neither pg-pool nor TypeORM is listening (a
 * PostgreSQL restart, between their hand-overs) must not be an unhandled 'error' event: in a real
 * process that ends the API or the worker. Every client the data source's pool creates keeps a
 * listener of its own (data-source.ts).
 */
describe('pooled connections and server-side errors', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource(process.env.DATABASE_URL!).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('a checked-out client with no other listener survives an error event, and the pool drops it', async () => {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    // Checked out by hand: pg-pool's idle listener is off and TypeORM's query-runner listener was never on.
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(() => client.emit('error', terminated)).not.toThrow();
    client.release(terminated);
    // The pool goes on serving with fresh connections.
    const [row] = await dataSource.query<{ one: number }[]>('SELECT 1 AS one');
    expect(row.one).toBe(1);
  });
});
