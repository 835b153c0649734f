import { Client } from 'pg';

export interface PgListener {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * LISTENs on a channel over a dedicated connection for as long as the process runs, reconnecting after
 * a server restart or a network error (every `retryMs`), and calls `onNotify` for each notification and
 * after each (re)connection, since notifications sent while disconnected are lost.
 */
export function listenForever(databaseUrl: string, channel: string, onNotify: () => void, retryMs = 2000): PgListener {
  let stopped = false;
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
        current.on('notification', () => onNotify());
        await current.query(`LISTEN ${channel}`);
        onNotify();
        await new Promise<void>((resolve) => {
          current.once('error', () => resolve());
          current.once('end', () => resolve());
          wakeUp = resolve;
        });
      } catch {
        // PostgreSQL unreachable: try again shortly.
      }
      await current.end().catch(() => undefined);
      client = null;
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  };
  const running = loop();

  return {
    async close() {
      stopped = true;
      wakeUp?.();
      await client?.end().catch(() => undefined);
      await running;
    },
  };
}
