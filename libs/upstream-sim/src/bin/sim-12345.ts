/**
 * `npm run sim:12345 -- [--port 4012] [--api http://localhost:3000] [--send-order]`: runs the city 12345
 * platform simulator. Point the worker at it with UPSTREAM_12345_URL=http://127.0.0.1:<port>/reports;
 * switch it with `curl -X POST localhost:<port>/control/mode -d '{"mode":"fail"}'` (ok, fail, stall,
 * reject) and read what it received with `curl localhost:<port>/control/state`.
 */
import { DEMO_UPSTREAM_12345_SECRET } from '@hotline/config';
import { CitySimulator } from '../city-simulator';
import { sampleOrder } from '../sample-order';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const simulator = new CitySimulator({
    secret: process.env.UPSTREAM_12345_SECRET ?? DEMO_UPSTREAM_12345_SECRET,
    apiUrl: option('api') ?? 'http://localhost:3000',
    port: Number(option('port') ?? 4012),
  });
  await simulator.start();
  process.stdout.write(`city 12345 simulator on ${simulator.url}; reports to ${simulator.reportUrl}\n`);
  if (process.argv.includes('--send-order')) {
    const sent = await simulator.sendOrder(sampleOrder(`SIM-${Date.now()}`));
    process.stdout.write(`order sent: ${sent.status} ${JSON.stringify(sent.body)}\n`);
  }
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
