import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** One value in PostgreSQL's COPY text format (tab-separated, \N for null, backslash escapes). */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
}

/**
 * Streams rows into one table with COPY … FROM STDIN on its own connection, buffering lines into
 * chunks and honouring back-pressure, so the generator's memory stays flat whatever the row count.
 */
export class CopyWriter {
  private readonly stream: Writable;
  private readonly done: Promise<void>;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(client: ClientBase, table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', reject);
    });
  }

  /** Returns a promise only when a chunk went out, so the hot loop awaits once per megabyte, not per row. */
  write(values: readonly unknown[]): Promise<void> | null {
    const line = values.map(field).join('\t') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    return this.size >= 1 << 20 ? this.flush() : null;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}
