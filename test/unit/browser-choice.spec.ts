import { chooseBrowser, MACHINE_BROWSERS, type BrowserChoiceInput } from '../console/browser-choice';

const linux = (present: string[], env: BrowserChoiceInput['env'] = {}): BrowserChoiceInput => ({
  env,
  platform: 'linux',
  arch: 'x64',
  exists: (path) => present.includes(path),
});

describe('which Chromium the browser tests drive', () => {
  it('takes CHROMIUM_PATH first, even when the machine has a browser', () => {
    expect(chooseBrowser(linux(['/opt/chrome/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome/chrome' }))).toEqual({
      source: 'CHROMIUM_PATH',
      executablePath: '/opt/chrome/chrome',
    });
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of silently using another browser', () => {
    const choice = chooseBrowser(linux(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' }));
    expect(choice).toEqual({ source: 'none', reason: 'CHROMIUM_PATH=/nowhere/chrome does not exist' });
  });

  it("uses the machine's own browser, in the order of the known install paths", () => {
    expect(chooseBrowser(linux(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toEqual({
      source: 'machine',
      executablePath: '/usr/bin/chromium',
    });
    expect(chooseBrowser(linux(['/usr/bin/google-chrome']))).toEqual({
      source: 'machine',
      executablePath: '/usr/bin/google-chrome',
    });
    expect(MACHINE_BROWSERS[0]).toBe('/usr/bin/chromium');
  });

  it('falls back to the npm Chromium on a Linux x64 machine without a browser', () => {
    expect(chooseBrowser(linux([]))).toEqual({ source: 'npm' });
  });

  it('HOTLINE_BROWSER=npm skips the machine browser, so a machine that has one can prove the npm path', () => {
    expect(chooseBrowser(linux(['/usr/bin/chromium'], { HOTLINE_BROWSER: 'npm' }))).toEqual({ source: 'npm' });
  });

  it('HOTLINE_BROWSER=machine insists on an installed browser', () => {
    expect(chooseBrowser(linux([], { HOTLINE_BROWSER: 'machine' }))).toMatchObject({ source: 'none' });
    expect(chooseBrowser(linux(['/usr/bin/chromium'], { HOTLINE_BROWSER: 'machine' }))).toEqual({
      source: 'machine',
      executablePath: '/usr/bin/chromium',
    });
  });

  it('names an unknown HOTLINE_BROWSER value', () => {
    expect(chooseBrowser(linux([], { HOTLINE_BROWSER: 'firefox' }))).toEqual({
      source: 'none',
      reason: 'HOTLINE_BROWSER=firefox: expected auto, npm or machine',
    });
  });

  it('says what to do where the npm Chromium does not exist (it is built for Linux x64 only)', () => {
    const choice = chooseBrowser({ env: {}, platform: 'darwin', arch: 'arm64', exists: () => false });
    expect(choice.source).toBe('none');
    expect(choice.source === 'none' && choice.reason).toContain('set CHROMIUM_PATH');
    expect(chooseBrowser({ env: {}, platform: 'linux', arch: 'arm64', exists: () => false }).source).toBe('none');
  });
});
