import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, recordAudit } from '@hotline/audit';
import { sqlRow, sqlRows } from '@hotline/database';
import { InputInvalid, NotFound } from '@hotline/errors';
import { cityCategoryKey } from './domain';

/** One row of the mapping table: the city's category text → our category and kind. */
export interface CategoryMapping {
  id: string;
  cityCategory: string;
  categoryCode: string;
  kind: string;
  updatedAt: Date;
}

const MAPPING_COLUMNS = `m.id, m.city_category AS "cityCategory", c.code AS "categoryCode", m.kind, m.updated_at AS "updatedAt"`;

/**
 * The admin-editable table that maps a platform's category texts to ours (orders whose text has no row
 * wait for dispatch). Every change writes its audit row in the same transaction (entity
 * `upstreamCategoryMap`; the database refuses a change without it).
 */
@Injectable()
export class UpstreamCategoryMapService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(platform: string): Promise<CategoryMapping[]> {
    return sqlRows<CategoryMapping>(
      this.dataSource,
      `SELECT ${MAPPING_COLUMNS} FROM upstream_category_map m JOIN categories c ON c.id = m.category_id
        WHERE m.platform = $1 ORDER BY m.city_category`,
      [platform],
    );
  }

  /** Creates or changes the row of a city category text. */
  put(
    platform: string,
    input: { cityCategory: string; categoryCode: string; kind: string },
    actor: AuditActor,
  ): Promise<CategoryMapping> {
    const cityCategory = cityCategoryKey(input.cityCategory);
    return this.dataSource.transaction(async (manager) => {
      const category = await sqlRow<{ id: string }>(manager, `SELECT id FROM categories WHERE code = $1`, [input.categoryCode]);
      if (!category) throw new InputInvalid([{ field: 'categoryCode', reason: `no category ${input.categoryCode}` }]);
      const before = await sqlRow<CategoryMapping>(
        manager,
        `SELECT ${MAPPING_COLUMNS} FROM upstream_category_map m JOIN categories c ON c.id = m.category_id
          WHERE m.platform = $1 AND m.city_category = $2 FOR UPDATE OF m`,
        [platform, cityCategory],
      );
      const [{ id }] = await sqlRows<{ id: string }>(
        manager,
        `INSERT INTO upstream_category_map (platform, city_category, category_id, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, city_category) DO UPDATE SET category_id = EXCLUDED.category_id, kind = EXCLUDED.kind, updated_at = now()
         RETURNING id`,
        [platform, cityCategory, category.id, input.kind],
      );
      const after = { cityCategory, categoryCode: input.categoryCode, kind: input.kind };
      await recordAudit(manager, actor, {
        entity: 'upstreamCategoryMap',
        entityId: id,
        action: before ? 'update' : 'create',
        before: before ? { cityCategory, categoryCode: before.categoryCode, kind: before.kind } : null,
        after,
      });
      const row = await sqlRow<CategoryMapping>(
        manager,
        `SELECT ${MAPPING_COLUMNS} FROM upstream_category_map m JOIN categories c ON c.id = m.category_id WHERE m.id = $1`,
        [id],
      );
      return row!;
    });
  }

  remove(platform: string, id: string, actor: AuditActor): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = await sqlRow<CategoryMapping>(
        manager,
        `DELETE FROM upstream_category_map m USING categories c
          WHERE c.id = m.category_id AND m.platform = $1 AND m.id = $2 RETURNING ${MAPPING_COLUMNS}`,
        [platform, id],
      );
      if (!before) throw new NotFound('UpstreamCategoryMapping', id);
      await recordAudit(manager, actor, {
        entity: 'upstreamCategoryMap',
        entityId: id,
        action: 'delete',
        before: { cityCategory: before.cityCategory, categoryCode: before.categoryCode, kind: before.kind },
      });
    });
  }
}
