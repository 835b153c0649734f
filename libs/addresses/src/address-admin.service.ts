import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, recordAudit, recordAudits } from '@hotline/audit';
import { sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { ReferenceDataService, type ReferenceSnapshot } from '@hotline/reference';
import { addressMatchKeys, addressSearchTerms, type AddressKind } from './address-keys';
import { checkAddressDraft, type AddressDraft } from './address-rules';
import { addressView, type AddressRow, type AddressView } from './address-register.service';

/** What an address is made of beyond what the search shows. */
interface AdminFields {
  code: string;
  kind: AddressKind;
  aliases: string[];
  parentId: string | null;
  retiredAt: Date | null;
  editedAt: Date | null;
}

/** One register entry as admins see and write it: the search's view and what it is made of. */
export interface AdminAddressView extends AddressView, AdminFields {}

/** An admin's new address; `code` is made up when left out. */
export interface NewAddress extends AddressDraft {
  code?: string;
  parentId?: string;
}

/** A correction: a field left undefined keeps its value; a new point without `gridCode` re-derives the grid. */
export type AddressChange = Partial<Omit<AddressDraft, 'kind'>> & { kind?: AddressKind };

interface AdminRow extends AddressRow, AdminFields {}

const COLUMNS = `id, code, kind, label, aliases, parent_id AS "parentId", grid_id AS "gridId", lat, lng,
  retired_at AS "retiredAt", edited_at AS "editedAt"`;

/**
 * Admins add, correct and retire register addresses (标准地址库). Each write derives the search terms
 * and exact keys from the new label and aliases in the same statement and commits with its audit row,
 * so every API process's next search and placement read the change: the register has no cache.
 * Retiring keeps the row (cases placed by it keep their address, point and grid); a retired address
 * no longer matches search or placement, and neither do the entries under it (a compound's buildings).
 */
@Injectable()
export class AddressAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceDataService,
  ) {}

  async get(id: string): Promise<AdminAddressView> {
    const row = await sqlRow<AdminRow>(this.dataSource, `SELECT ${COLUMNS} FROM addresses WHERE id = $1`, [id]);
    if (!row) throw new NotFound('Address', id);
    return adminView(row, await this.reference.current());
  }

  async create(address: NewAddress, actor: AuditActor): Promise<AdminAddressView> {
    const snapshot = await this.reference.current();
    const draft = { ...address, aliases: address.aliases ?? [] };
    const grid = checked(draft, snapshot);
    const code = address.code ?? `adm-${randomBytes(6).toString('hex')}`;
    return this.dataSource.transaction(async (manager) => {
      if (address.parentId !== undefined) await liveParent(manager, address.parentId);
      const row = await sqlRow<AdminRow>(
        manager,
        `INSERT INTO addresses (code, kind, label, aliases, parent_id, grid_id, lat, lng, search_terms, match_keys, edited_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
        [
          code,
          draft.kind,
          draft.label,
          draft.aliases,
          address.parentId ?? null,
          grid.id,
          draft.lat,
          draft.lng,
          ...derived(draft, grid),
        ],
      );
      if (!row) throw new ConflictError('AddressCodeTaken', `An address with code ${code} already exists`);
      await recordAudit(manager, actor, { entity: 'address', entityId: row.id, action: 'create', after: audited(row) });
      return adminView(row, snapshot);
    });
  }

  async update(id: string, change: AddressChange, actor: AuditActor): Promise<AdminAddressView> {
    const snapshot = await this.reference.current();
    return this.dataSource.transaction(async (manager) => {
      const before = await locked(manager, id);
      if (before.retiredAt) throw new ConflictError('AddressRetired', `Address ${id} is retired: add a new one instead`);
      const moved = change.lat !== undefined || change.lng !== undefined;
      const draft: AddressDraft = {
        kind: change.kind ?? before.kind,
        label: change.label ?? before.label,
        aliases: change.aliases ?? before.aliases,
        lat: change.lat ?? before.lat,
        lng: change.lng ?? before.lng,
        // The grid is re-derived from a moved point unless named; an unmoved point keeps its grid checked.
        gridCode: change.gridCode ?? (moved ? undefined : snapshot.gridsById.get(before.gridId)?.code),
      };
      const grid = checked(draft, snapshot);
      const after = await sqlRow<AdminRow>(
        manager,
        `UPDATE addresses SET kind = $2, label = $3, aliases = $4, grid_id = $5, lat = $6, lng = $7, search_terms = $8,
                match_keys = $9, edited_at = now(), updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, draft.kind, draft.label, draft.aliases, grid.id, draft.lat, draft.lng, ...derived(draft, grid)],
      );
      await recordAudit(manager, actor, {
        entity: 'address',
        entityId: id,
        action: 'update',
        before: audited(before),
        after: audited(after!),
      });
      return adminView(after!, snapshot);
    });
  }

  /** Retires the address and the live entries under it, each with its audit row; a retired one stays as it was. */
  async retire(id: string, reason: string | undefined, actor: AuditActor): Promise<AdminAddressView> {
    const snapshot = await this.reference.current();
    return this.dataSource.transaction(async (manager) => {
      const before = await locked(manager, id);
      if (before.retiredAt) return adminView(before, snapshot);
      const retired = await sqlRows<AdminRow>(
        manager,
        `WITH RECURSIVE tree AS (
           SELECT id FROM addresses WHERE id = $1
           UNION ALL SELECT a.id FROM addresses a JOIN tree t ON a.parent_id = t.id WHERE a.retired_at IS NULL)
         UPDATE addresses SET retired_at = now(), edited_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM tree) RETURNING ${COLUMNS}`,
        [id],
      );
      await recordAudits(
        manager,
        actor,
        retired.map((row) => ({
          entity: 'address' as const,
          entityId: row.id,
          action: 'retire',
          after: { ...audited(row), reason: reason ?? null, ...(row.id === id ? {} : { retiredWith: id }) },
        })),
      );
      return adminView(
        retired.find((row) => row.id === id)!,
        snapshot,
      );
    });
  }
}

function checked(draft: AddressDraft, snapshot: ReferenceSnapshot) {
  const result = checkAddressDraft(draft, snapshot.gridIndex, snapshot.gridsByCode);
  if (!result.grid) throw new InputInvalid(result.problems);
  return result.grid;
}

/** The search terms and exact keys of a draft in its grid: the same derivation the loader uses. */
function derived(draft: AddressDraft, grid: { street: { name: string }; community: { name: string } }): [string[], string[]] {
  return [
    addressSearchTerms(draft, { streetName: grid.street.name, communityName: grid.community.name }),
    addressMatchKeys(draft),
  ];
}

async function locked(manager: EntityManager, id: string): Promise<AdminRow> {
  const row = await sqlRow<AdminRow>(manager, `SELECT ${COLUMNS} FROM addresses WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new NotFound('Address', id);
  return row;
}

async function liveParent(manager: EntityManager, id: string): Promise<void> {
  const parent = await sqlRow<{ id: string }>(manager, `SELECT id FROM addresses WHERE id = $1 AND retired_at IS NULL`, [id]);
  if (!parent) throw new InputInvalid([{ field: 'parentId', reason: `no live address ${id} in the register` }]);
}

/** What the audit trail keeps: the address itself, not its derived terms. */
function audited(row: AdminRow): Record<string, unknown> {
  const { editedAt: _edited, ...rest } = row;
  return rest;
}

function adminView(row: AdminRow, snapshot: ReferenceSnapshot): AdminAddressView {
  const { code, kind, aliases, parentId, retiredAt, editedAt } = row;
  return { ...addressView(row, snapshot), code, kind, aliases, parentId, retiredAt, editedAt };
}
