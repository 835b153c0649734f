import gcoord from 'gcoord';

/**
 * The coordinate systems intake accepts. The API stores WGS-84 (as GeoJSON and Open311 do); Chinese map
 * SDKs and mini-programs give GCJ-02 (高德, 腾讯, 微信) or BD-09 (百度), several hundred metres off:
 * enough to put a case in the wrong grid. Conversion is gcoord's (maintained, no native code).
 */
export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

const GCOORD_SYSTEM = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** The WGS-84 point of `lng, lat` given in `system`; unchanged for wgs84. */
export function toWgs84(system: CoordinateSystem, lng: number, lat: number): { lng: number; lat: number } {
  if (system === 'wgs84') return { lng, lat };
  const [x, y] = gcoord.transform([lng, lat], GCOORD_SYSTEM[system], gcoord.WGS84);
  // Stored to 7 decimals (about 1 cm): the inverse is iterative and its last digits are noise.
  return { lng: Number(x.toFixed(7)), lat: Number(y.toFixed(7)) };
}
