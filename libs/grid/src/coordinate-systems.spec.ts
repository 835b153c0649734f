import { toWgs84 } from './coordinate-systems';

/*
 * Known pairs, made with the published GCJ-02 forward transform (the Krasovsky-ellipsoid offset every
 * Chinese map SDK applies) and the BD-09 offset on top of it, written out here independently of the
 * library: converting their readings back must land within half a metre of the WGS-84 point.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
function wgsToGcj(lng: number, lat: number): [number, number] {
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}
function gcjToBd([lng, lat]: [number, number]): [number, number] {
  const xPi = (Math.PI * 3000) / 180;
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * xPi);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** Metres between two nearby points (equirectangular; enough at this scale). */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const k = 111_320;
  return Math.hypot((a.lng - b.lng) * k * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * k);
}

describe('coordinates made right (toWgs84)', () => {
  // Points of the demo district; the first lies 60 m inside the east edge of grid baiyun-01-g1.
  const points = [
    { lng: 121.600684, lat: 38.908533 },
    { lng: 121.61684, lat: 38.917901 },
    { lng: 121.658, lat: 38.934 },
  ];

  it.each(points)('brings a GCJ-02 reading of %o back to WGS-84 within half a metre', (wgs) => {
    const [lng, lat] = wgsToGcj(wgs.lng, wgs.lat);
    expect(metres({ lng, lat }, wgs)).toBeGreaterThan(300); // the offset that moves a case between grids
    expect(metres(toWgs84('gcj02', lng, lat), wgs)).toBeLessThan(0.5);
  });

  it.each(points)('brings a BD-09 reading of %o back to WGS-84 within half a metre', (wgs) => {
    const [lng, lat] = gcjToBd(wgsToGcj(wgs.lng, wgs.lat));
    expect(metres(toWgs84('bd09', lng, lat), wgs)).toBeLessThan(0.5);
  });

  it('leaves WGS-84 as it is', () => {
    expect(toWgs84('wgs84', 121.6, 38.9)).toEqual({ lng: 121.6, lat: 38.9 });
  });
});
