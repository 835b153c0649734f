/**
 * Which Chromium the browser tests drive, decided without touching the disk (the caller passes what
 * exists), so the rule is tested alone: CHROMIUM_PATH when set (an explicit choice: a wrong path is an
 * error, not a silent fallback), else the machine's own Chrome/Chromium, else the headless Chromium
 * that the npm package @sparticuz/chromium ships inside its tarball (Linux x64 only). HOTLINE_BROWSER=npm
 * skips the machine's browser, which is how a machine that has one proves the npm path still works.
 */
export type BrowserChoice =
  { source: 'CHROMIUM_PATH' | 'machine'; executablePath: string } | { source: 'npm' } | { source: 'none'; reason: string };

/** Where Debian, Ubuntu, Fedora and Google's packages put the browser. */
export const MACHINE_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
] as const;

export interface BrowserChoiceInput {
  env: { CHROMIUM_PATH?: string; HOTLINE_BROWSER?: string };
  platform: NodeJS.Platform;
  arch: string;
  exists: (path: string) => boolean;
  machineBrowsers?: readonly string[];
}

export function chooseBrowser(input: BrowserChoiceInput): BrowserChoice {
  const explicit = input.env.CHROMIUM_PATH?.trim();
  if (explicit) {
    return input.exists(explicit)
      ? { source: 'CHROMIUM_PATH', executablePath: explicit }
      : { source: 'none', reason: `CHROMIUM_PATH=${explicit} does not exist` };
  }
  const wanted = input.env.HOTLINE_BROWSER?.trim() || 'auto';
  if (wanted !== 'auto' && wanted !== 'npm' && wanted !== 'machine') {
    return { source: 'none', reason: `HOTLINE_BROWSER=${wanted}: expected auto, npm or machine` };
  }
  if (wanted !== 'npm') {
    const found = (input.machineBrowsers ?? MACHINE_BROWSERS).find((path) => input.exists(path));
    if (found) return { source: 'machine', executablePath: found };
    if (wanted === 'machine') return { source: 'none', reason: 'HOTLINE_BROWSER=machine but no Chrome/Chromium is installed' };
  }
  if (input.platform === 'linux' && input.arch === 'x64') return { source: 'npm' };
  return {
    source: 'none',
    reason:
      `no Chrome/Chromium on this machine and the npm Chromium (@sparticuz/chromium) is for Linux x64 only ` +
      `(this is ${input.platform} ${input.arch}): install Chrome or Chromium, or set CHROMIUM_PATH`,
  };
}
