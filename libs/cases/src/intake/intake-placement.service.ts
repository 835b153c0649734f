import { Injectable } from '@nestjs/common';
import { AddressRegisterService } from '@hotline/addresses';
import { AddressNotPlaced, InputInvalid, type FieldProblem } from '@hotline/errors';
import { toWgs84, type CoordinateSystem } from '@hotline/grid';

/** Where an intake's place came from; recorded in the `received` event. */
export type PlacementMethod = 'addressId' | 'addressText' | 'coordinates' | 'community' | 'none';

export interface PlacementInput {
  address?: string;
  addressId?: string;
  lat?: number;
  lng?: number;
  coordinateSystem?: CoordinateSystem;
  communityCode?: string;
  /** Take the case in without a place when the text names no single address: it waits in 待定位. */
  placeLater?: boolean;
}

export interface Placement {
  /** The address text stored on the case: the register's label when placed by the register. */
  address: string;
  /** WGS-84. */
  lat?: number;
  lng?: number;
  method: PlacementMethod;
  addressId?: string;
}

/**
 * 定位: the step before intake's transaction that turns what the caller said into the point the case
 * stores (the grid follows from the point, as it always has). In order: a register entry by id; a point
 * in any of the accepted coordinate systems, converted to WGS-84; the operator's community; free text,
 * placed only on one exact register entry (a door or a building). Otherwise the intake is refused with
 * the candidates, unless the caller asked to place it later (Open311 clients always do: they cannot choose).
 */
@Injectable()
export class IntakePlacementService {
  constructor(private readonly register: AddressRegisterService) {}

  async place(input: PlacementInput): Promise<Placement> {
    const problems: FieldProblem[] = [];
    const hasPoint = input.lat !== undefined && input.lng !== undefined;
    if (input.coordinateSystem !== undefined && input.lat === undefined && input.lng === undefined) {
      problems.push({ field: 'coordinateSystem', reason: 'names the system of lat and lng; send it with them' });
    }
    if (input.addressId !== undefined) {
      if (input.lat !== undefined || input.lng !== undefined) {
        problems.push({ field: 'addressId', reason: 'give either addressId or lat and lng: the address brings its own point' });
      }
      if (problems.length > 0) throw new InputInvalid(problems);
      const placed = await this.register.placed(input.addressId);
      if (!placed) throw new InputInvalid([{ field: 'addressId', reason: `no live address ${input.addressId} in the register` }]);
      return {
        address: addressText(placed.label, input.address),
        lat: placed.lat,
        lng: placed.lng,
        method: 'addressId',
        addressId: placed.id,
      };
    }
    if (problems.length > 0) throw new InputInvalid(problems);
    const address = input.address ?? '';
    if (hasPoint)
      return { address, ...toWgs84(input.coordinateSystem ?? 'wgs84', input.lng!, input.lat!), method: 'coordinates' };
    // One of lat/lng alone: intake's own check names the missing one.
    if (input.lat !== undefined || input.lng !== undefined)
      return { address, lat: input.lat, lng: input.lng, method: 'coordinates' };
    if (input.communityCode !== undefined) return { address, method: 'community' };
    if (address.trim() === '')
      throw new InputInvalid([{ field: 'address', reason: 'an address, addressId, coordinates or communityCode is required' }]);
    const match = await this.register.matchText(address);
    if (match.placed) {
      return { address, lat: match.placed.lat, lng: match.placed.lng, method: 'addressText', addressId: match.placed.id };
    }
    if (input.placeLater) return { address, method: 'none' };
    throw new AddressNotPlaced(
      match.candidates.length > 0
        ? 'names no single door (road + number) or building (compound + building) of the register; choose one of the candidates (addressId), or send placeLater: true'
        : 'matches nothing in the register; give coordinates or a community, or send placeLater: true',
      match.candidates,
    );
  }
}

/** The register's label, with what the operator added to it (a room, a landmark) kept after it. */
function addressText(label: string, said: string | undefined): string {
  const extra = said?.trim();
  if (!extra || label.includes(extra)) return label;
  if (extra.includes(label)) return extra;
  return `${label} ${extra}`.slice(0, 300);
}
