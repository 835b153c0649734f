import { Client } from 'pg';
import { pgExec } from './sql/typed-sql';

export interface PgListener {
  /** True while LISTEN is in place; notifications sent while false are lost, so caches must not trust themselves. */
  readonly connected: boolean;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * LISTENs on a channel over a dedicated connection for as long as the process runs, reconnecting after
 * a server restart or a network error (every `retryMs`), and calls `onNotify` for each notification and
 * after each (re)connection, since notifications sent while disconnected are lost. A notification passes
 * its payload; the call after a (re)connection passes none (meaning: anything may have changed).
 */
export function listenForever(
  databaseUrl: string,
  channel: string,
  onNotify: (payload?: string) => void,
  retryMs = 2000,
): PgListener {
  let stopped = false;
  let connected = false;
  let client: Client | null = null;
  let wakeUp: (() => void) | null = null;

  const loop = async (): Promise<void> => {
    while (!stopped) {
      const current = new Client({ connectionString: databaseUrl });
      client = current;
      // Without a listener, an 'error' on an idle connection (server restart) would crash the process.
      current.on('error', () => undefined);
      try {
        await current.connect();
        current.on('notification', (message) => onNotify(message.payload || undefined));
        await pgExec(current, `LISTEN ${channel}`);
        connected = true;
        onNotify();
        await new Promise<void>((resolve) => {
          current.once('error', () => resolve());
          current.once('end', () => resolve());
          wakeUp = resolve;
        });
        connected = false;
      } catch {
        // PostgreSQL unreachable: try again shortly.
      }
      connected = false;
      await current.end().catch(() => undefined);
      client = null;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  const running = loop();

  return {
    get connected() {
      return connected;
    },
    async close() {
      stopped = true;
      wakeUp?.();
      await client?.end().catch(() => undefined);
      await running;
    },
  };
}
