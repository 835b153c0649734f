import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AttributeDatatype, ServiceAttribute, ServiceRecord } from '@hotline/open311';
import { ReferenceDataService, type CategoryRef, type ReferenceSnapshot } from '@hotline/reference';
import { sqlRows } from '@hotline/database';

/** How long attribute definitions are trusted (admin edits show up within this). */
const TTL_MS = 30_000;

export interface Open311Service {
  category: CategoryRef;
  group: CategoryRef;
  attributes: ServiceAttribute[];
}

/**
 * The Open311 services: every leaf category (the categories an operator can choose), grouped by its
 * top-level category, with the extra fields of service_attributes.
 */
@Injectable()
export class Open311CatalogService {
  private attributes: Map<string, ServiceAttribute[]> | null = null;
  private loadedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  async services(): Promise<Open311Service[]> {
    const snapshot = await this.reference.current();
    const attributes = await this.loadAttributes();
    return [...snapshot.categoriesByCode.values()]
      .filter((c) => snapshot.isLeafCategory(c) && snapshot.activeCategory(c.code))
      .map((c) => this.toService(snapshot, c, attributes));
  }

  async service(code: string): Promise<Open311Service | null> {
    const snapshot = await this.reference.current();
    const category = snapshot.activeCategory(code);
    if (!category || !snapshot.isLeafCategory(category)) return null;
    return this.toService(snapshot, category, await this.loadAttributes());
  }

  /** GET services: the spec's fields. Every service is "batch": POST answers a token (see README). */
  static record(service: Open311Service): ServiceRecord {
    const { category, group } = service;
    return {
      service_code: category.code,
      service_name: category.name,
      description: `${group.name} › ${category.name} (${category.nameEn})`,
      metadata: service.attributes.length > 0,
      type: 'batch',
      keywords: [category.nameEn, group.name, group.nameEn].join(', '),
      group: group.name,
    };
  }

  private toService(
    snapshot: ReferenceSnapshot,
    category: CategoryRef,
    attributes: Map<string, ServiceAttribute[]>,
  ): Open311Service {
    const group = snapshot.categoriesByCode.get(category.path[0]) ?? category;
    return { category, group, attributes: attributes.get(category.code) ?? [] };
  }

  private async loadAttributes(): Promise<Map<string, ServiceAttribute[]>> {
    if (this.attributes && Date.now() - this.loadedAt < TTL_MS) return this.attributes;
    const rows = await sqlRows<
      Omit<ServiceAttribute, 'datatype' | 'values'> & {
        categoryCode: string;
        datatype: string;
        values: ServiceAttribute['values'] | null;
      }
    >(
      this.dataSource,
      `SELECT category_code AS "categoryCode", code, datatype, required, description, datatype_description AS "datatypeDescription",
              sort_order AS "order", "values" FROM service_attributes ORDER BY category_code, sort_order, code`,
    );
    const map = new Map<string, ServiceAttribute[]>();
    for (const r of rows) {
      const list = map.get(r.categoryCode) ?? [];
      list.push({
        code: r.code,
        datatype: r.datatype as AttributeDatatype,
        required: r.required,
        description: r.description,
        datatypeDescription: r.datatypeDescription,
        order: r.order,
        values: r.values ?? [],
      });
      map.set(r.categoryCode, list);
    }
    this.attributes = map;
    this.loadedAt = Date.now();
    return map;
  }
}
