/**
 * Delivery order (pure): an order's reports go out strictly by `seq`; a later report waits until every
 * earlier one is acknowledged, so the platform may see a report twice (a retry after a lost answer) but
 * never out of order.
 */
export interface ReportState {
  seq: number;
  delivered: boolean;
}

/** The report to send next: the lowest undelivered seq, or null when all are delivered. */
export function nextToDeliver(reports: readonly ReportState[]): number | null {
  let next: number | null = null;
  for (const report of reports) if (!report.delivered && (next === null || report.seq < next)) next = report.seq;
  return next;
}

/** What an answer of the platform means for a delivery: acknowledged, worth retrying, or refused for good. */
export type DeliveryVerdict = 'acknowledged' | 'retry' | 'refused';

/**
 * 2xx acknowledges. A network error, a timeout, 5xx, 408 and 429 are passing troubles: retried with
 * backoff. Any other 4xx says the platform will never take this report as it is: retrying cannot help,
 * so the order goes to the dead-letter list at once, for a supervisor.
 */
export function deliveryVerdict(status: number | null): DeliveryVerdict {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'acknowledged';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}
