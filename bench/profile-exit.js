// Loaded (-r) into the bench's API and worker when BENCH_CPU_PROF names a directory. `node --cpu-prof`
// writes its profile on a normal exit only, and Nest's shutdown hooks end the process by re-raising
// SIGTERM after they ran: this listener turns that second SIGTERM into process.exit(), so the profile
// is written after the shutdown hooks as usual.
let terms = 0;
process.on('SIGTERM', () => {
  terms += 1;
  if (terms > 1) process.exit(0);
});
