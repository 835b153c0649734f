/**
 * The upstream platforms we take orders from and report back to. The adapter is generic; each platform
 * is a configuration: its code in the URL (`/api/v1/upstream/<code>/…`), the channel its cases carry,
 * the environment variables of its secret and report URL, and who it is in a case's history.
 */
export interface UpstreamPlatform {
  /** In the URL and in `upstream_orders.platform`. */
  readonly code: string;
  /** The intake channel its orders' cases carry (libs/cases case-attributes). */
  readonly channel: string;
  /**
   * The category an order whose city category is not mapped yet is taken in under (a leaf no routing
   * rule names, so nothing routes it even by mistake); it waits for a dispatcher, the city's text kept in
   * its description. The seeds' category tree has no "unclassified" leaf (its 15 groups are fixed).
   */
  readonly unmappedCategoryCode: string;
  /** The kind of an order whose category is not mapped (the city sends no kind). */
  readonly unmappedKind: string;
  /** More skew than this between the signed timestamp and our clock refuses the request. */
  readonly maxSkewSeconds: number;
}

export const UPSTREAM_PLATFORMS = {
  '12345': {
    code: '12345',
    channel: 'transfer12345',
    unmappedCategoryCode: 'public-safety.neighbourhood-dispute',
    unmappedKind: 'complaint',
    maxSkewSeconds: 300,
  },
} as const satisfies Record<string, UpstreamPlatform>;

export type UpstreamPlatformCode = keyof typeof UPSTREAM_PLATFORMS;
export const UPSTREAM_PLATFORM_CODES = Object.keys(UPSTREAM_PLATFORMS) as UpstreamPlatformCode[];

export function isUpstreamPlatformCode(value: string): value is UpstreamPlatformCode {
  return Object.hasOwn(UPSTREAM_PLATFORMS, value);
}

/** Who the platform is in a case's history: the report trigger skips events by this actor (never echo the city's own decisions). */
export function upstreamActorName(code: string): string {
  return `upstream:${code}`;
}
