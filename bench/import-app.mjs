// The app's own TypeScript modules, for the bench in plain Node: bundled with esbuild (which wrangler already
// depends on) into a temporary ES module and imported from there.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './local-d1.mjs';

/**
 * Imports `source` (module text, resolved from the project's root) with everything it imports bundled in.
 *
 * @example
 * const { renderMarkdown } = await importApp("export * from './src/lib/markdown';");
 */
export async function importApp(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'bench-import.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'volley-bench-import-'));
  const file = join(dir, 'module.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
