import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlRow, sqlRows } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import type { CoordinateSystem } from '@hotline/grid';
import { ReferenceDataService } from '@hotline/reference';
import { appendHistory, type HistoryActor } from '../history/case-history';
import { IntakePlacementService } from './intake-placement.service';

export interface PlaceCaseCommand {
  addressId?: string;
  lat?: number;
  lng?: number;
  coordinateSystem?: CoordinateSystem;
}

/**
 * 待定位 → placed: a dispatcher gives a case without a grid its place, by a register entry or a point
 * (in any accepted coordinate system), through the same placement step as intake. The case's place and
 * a `placed` event (who, and how: method, address id, grid) commit together; the status does not change.
 * A case that has a grid already is refused (409): moving a placed case is not this action.
 */
@Injectable()
export class CasePlacingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placement: IntakePlacementService,
    private readonly reference: ReferenceDataService,
  ) {}

  async place(caseId: string, command: PlaceCaseCommand, actor: HistoryActor): Promise<void> {
    if (command.addressId === undefined && (command.lat === undefined || command.lng === undefined)) {
      throw new InputInvalid([{ field: 'addressId', reason: 'give addressId, or lat and lng' }]);
    }
    const current = await sqlRow<{ address: string }>(this.dataSource, `SELECT address FROM cases WHERE id = $1`, [caseId]);
    if (!current) throw new NotFound('Case', caseId);
    const where = await this.placement.place({ ...command, address: current.address });
    const snapshot = await this.reference.current();
    const grid = snapshot.gridIndex.contains(where.lng!, where.lat!) ? snapshot.gridIndex.locate(where.lng!, where.lat!) : null;
    if (!grid) {
      throw new InputInvalid([
        { field: 'lat', reason: 'the coordinates are outside the district' },
        { field: 'lng', reason: 'the coordinates are outside the district' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const [updated] = await sqlRows<{ status: string }>(
        manager,
        `UPDATE cases SET address = $2, lat = $3, lng = $4, street_id = $5, community_id = $6, grid_id = $7,
                          version = version + 1, updated_at = now()
          WHERE id = $1 AND grid_id IS NULL RETURNING status`,
        [caseId, where.address, where.lat, where.lng, grid.street.id, grid.community.id, grid.id],
      );
      if (!updated) throw new ConflictError('CaseAlreadyPlaced', `case ${caseId} has a grid already`);
      await appendHistory(manager, caseId, actor, [
        {
          type: 'placed',
          fromStatus: updated.status,
          toStatus: updated.status,
          note: `placed in ${grid.name} by ${where.method === 'addressId' ? 'a register address' : 'a point'}`,
          data: { method: where.method, ...(where.addressId ? { addressId: where.addressId } : {}), gridCode: grid.code },
        },
      ]);
    });
  }
}
