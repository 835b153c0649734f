import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FONT_PACKAGE = join(ROOT, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'hotline-fonts');

/** Noto Sans SC, the two weights the console uses, as plain TTF files inside an npm package. */
export const CJK_FONT_DIRS = ['400Regular', '700Bold'].map((weight) => join(FONT_PACKAGE, weight));

/** A fontconfig file that keeps the machine's own fonts and adds the npm package's Chinese font. */
export function fontconfigXml(fontDirs: readonly string[], cacheDir: string): string {
  const escape = (path: string) => path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...fontDirs.map((dir) => `  <dir>${escape(dir)}</dir>`),
    `  <cachedir>${escape(cacheDir)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * The environment that makes Chromium (through fontconfig) find a Chinese font on any Linux machine,
 * with no fonts package installed: FONTCONFIG_FILE pointing at a file of ours. Screenshots then show
 * the same glyphs everywhere instead of empty boxes where the machine has no CJK font.
 */
export function cjkFontEnv(): { FONTCONFIG_FILE: string } {
  const missing = CJK_FONT_DIRS.find((dir) => !existsSync(dir));
  if (missing) throw new Error(`${missing} is missing: run \`npm install\` (@expo-google-fonts/noto-sans-sc is a devDependency)`);
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, 'fonts.conf');
  // Written whole and renamed, so a concurrent run never reads half a file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, fontconfigXml(CJK_FONT_DIRS, join(CACHE_DIR, 'cache')));
  renameSync(partial, file);
  return { FONTCONFIG_FILE: file };
}
