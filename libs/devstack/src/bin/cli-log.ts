/** Plain progress lines for the command-line tools (the apps log through pino instead). */
export function cliLog(tool: string): (line: string) => void {
  return (line: string) => process.stdout.write(`[${tool}] ${line}\n`);
}

export function failAndExit(tool: string, error: unknown): never {
  process.stderr.write(`[${tool}] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
