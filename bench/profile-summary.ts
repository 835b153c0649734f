/**
 * `npm run bench:profile -- <file.cpuprofile>`: what a CPU profile of the bench's API or worker
 * (BENCH_CPU_PROF) spent its time on — idle, garbage collection, each package (by node_modules path)
 * and our own code, as shares of the profile's samples, and the heaviest functions by self time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Who owns a frame: a package (its node_modules path), our code (dist/), node's internals, or a VM state. */
function ownerOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return `(${frame.functionName || 'anonymous'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1];
  if (frame.url.includes('/dist/')) return 'our code (dist/)';
  if (frame.url.startsWith('node:')) return 'node internals';
  return frame.url;
}

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of time) {
    const frame = byId.get(id)!.callFrame;
    const owner = ownerOf(frame);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  // Socket writes (writev, writeBuffer, writeString…) are native frames: charge them to the first caller
  // that belongs to a package or our code, to see whose round trips they are.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const writesBy = new Map<string, number>();
  for (const [id, us] of time) {
    if (!/^write/.test(byId.get(id)!.callFrame.functionName) || byId.get(id)!.callFrame.url) continue;
    let at = parent.get(id);
    let owner = 'unknown';
    while (at !== undefined) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url && !frame.url.startsWith('node:')) {
        owner = ownerOf(frame);
        break;
      }
      at = parent.get(at);
    }
    writesBy.set(owner, (writesBy.get(owner) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s of samples\n\nby owner (self time):\n`);
  for (const [owner, us] of top(owners, 18)) process.stdout.write(`  ${share(us)}  ${owner}\n`);
  process.stdout.write(`\nnative writes (writev, writeBuffer, writeString…) by the package that asked:\n`);
  for (const [owner, us] of top(writesBy, 8)) process.stdout.write(`  ${share(us)}  ${owner}\n`);
  process.stdout.write(`\nheaviest functions (self time):\n`);
  for (const [fn, us] of top(functions, 25)) process.stdout.write(`  ${share(us)}  ${fn}\n`);
}

for (const file of process.argv.slice(2)) summarise(file);
