import { toZonedIso } from './zone-clock';

describe('toZonedIso', () => {
  it('writes the wall clock of the zone with its offset, milliseconds kept', () => {
    const at = new Date('2026-11-22T02:05:07.045Z');
    expect(toZonedIso(at, 'Asia/Shanghai')).toBe('2026-11-22T10:05:07.045+08:00');
    expect(toZonedIso(at, 'UTC')).toBe('2026-11-22T02:05:07.045+00:00');
    expect(toZonedIso(at, 'America/New_York')).toBe('2026-11-21T21:05:07.045-05:00');
  });

  it('follows the offset in force at each instant when one zone is used again and again', () => {
    const zone = 'America/New_York';
    expect(toZonedIso(new Date('2026-03-08T06:59:59.000Z'), zone)).toBe('2026-03-08T01:59:59.000-05:00');
    expect(toZonedIso(new Date('2026-03-08T07:00:00.000Z'), zone)).toBe('2026-03-08T03:00:00.000-04:00');
    expect(toZonedIso(new Date('2026-11-01T05:30:00.000Z'), zone)).toBe('2026-11-01T01:30:00.000-04:00');
    expect(toZonedIso(new Date('2026-11-01T06:30:00.000Z'), zone)).toBe('2026-11-01T01:30:00.000-05:00');
  });

  it('gives null for no date and refuses an unknown zone every time it is asked', () => {
    expect(toZonedIso(null, 'Asia/Shanghai')).toBeNull();
    expect(toZonedIso(undefined, 'Asia/Shanghai')).toBeNull();
    expect(() => toZonedIso(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => toZonedIso(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
