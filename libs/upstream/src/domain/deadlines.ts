/**
 * The city's deadlines on an order (时限), as outside caps on our own SLA stages: the case's accept stage
 * may not end after the city's accept deadline, nor its reply stage after the city's reply deadline. The
 * stricter of ours and the city's governs (libs/cases applies caps when a stage starts).
 */
export interface OrderDeadlines {
  accept?: Date;
  reply?: Date;
}

export type DeadlineCap = { stage: 'accept' | 'reply'; deadline: Date };

/** The caps to store for an order's case; only the deadlines the city gave. */
export function deadlineCaps(deadlines: OrderDeadlines): DeadlineCap[] {
  const caps: DeadlineCap[] = [];
  if (deadlines.accept) caps.push({ stage: 'accept', deadline: deadlines.accept });
  if (deadlines.reply) caps.push({ stage: 'reply', deadline: deadlines.reply });
  return caps;
}

/** The city's reply deadline after it approved an extension of `days` calendar days (its own clock). */
export function extendedReplyDeadline(current: Date | null, days: number | undefined): Date | null {
  if (!current || !days || days <= 0) return current;
  return new Date(current.getTime() + days * 24 * 3600 * 1000);
}
