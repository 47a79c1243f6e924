// What a visitor downloads: the Worker bundle as deployed, and each page's HTML with the CSS and JS it links.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unstable_readConfig } from 'wrangler';
import { root, wranglerSync } from './local-d1.mjs';

const gzipSize = (buffer) => gzipSync(buffer).length;

/** Who a bundled file belongs to: its npm package, Volley's stand-ins for library modules, or Volley itself. */
function owner(input) {
  const dependency = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (dependency) return dependency[1];
  if (input.startsWith('src/lib/shims/')) return 'stand-ins (src/lib/shims)';
  if (input.startsWith('src/')) return 'Volley (src)';
  return input;
}

/** Minified bytes in the bundle per owner, largest first, from esbuild's metafile. */
export function contributors(metafile) {
  const bytes = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      bytes.set(owner(input), (bytes.get(owner(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([name, minified]) => ({ name, bytes: minified })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * wrangler.toml's `[alias]` matches an import specifier exactly as written, so a relative one ("./x.js") would also
 * swap out a same-named module of any package that imports it: each must be imported from one package only.
 */
export function aliasCollisions(metafile, aliases) {
  const importers = new Map();
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    for (const { original } of imports) {
      if (original?.startsWith('.') && original in aliases) {
        importers.set(original, new Set([...(importers.get(original) ?? []), owner(input)]));
      }
    }
  }
  return [...importers].filter(([, owners]) => owners.size > 1).map(([specifier, owners]) => `${specifier} from ${[...owners].join(', ')}`);
}

/** `wrangler deploy --dry-run --outdir`: the script Cloudflare would receive, raw and gzipped, and what it holds. */
export function measureBundle() {
  const outdir = mkdtempSync(join(tmpdir(), 'volley-bundle-'));
  try {
    const metafilePath = join(outdir, 'bundle-meta.json');
    const result = wranglerSync(['deploy', '--dry-run', '--outdir', join(outdir, 'dist'), '--metafile', metafilePath]);
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
    const scripts = readdirSync(join(outdir, 'dist')).filter((name) => name.endsWith('.js') || name.endsWith('.mjs'));
    const contents = Buffer.concat(scripts.map((name) => readFileSync(join(outdir, 'dist', name))));
    const reported = result.stdout.match(/Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/);
    const metafile = JSON.parse(readFileSync(metafilePath, 'utf8'));
    const collisions = aliasCollisions(metafile, unstable_readConfig({ config: join(root, 'wrangler.toml') }).alias ?? {});
    if (collisions.length > 0) throw new Error(`wrangler.toml [alias]: a relative specifier imported by several packages: ${collisions.join('; ')}`);
    return {
      files: scripts,
      bytes: contents.length,
      gzipBytes: gzipSize(contents),
      wranglerReports: reported ? `${reported[1]} / gzip ${reported[2]}` : null,
      contributors: contributors(metafile),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** The page plus every stylesheet and script it links, as fetched from the running app. */
export async function measurePage(baseUrl, path, headers) {
  const response = await fetch(baseUrl + path, { headers, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`page weight of ${path}: ${response.status}`);
  const html = Buffer.from(await response.arrayBuffer());
  const text = html.toString('utf8');
  const tags = (name) => [...text.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map(([tag]) => tag);
  const links = [
    ...tags('link').filter((tag) => attribute(tag, 'rel') === 'stylesheet').map((tag) => attribute(tag, 'href')),
    ...tags('script').map((tag) => attribute(tag, 'src')),
  ].filter(Boolean);
  const assets = [];
  for (const href of links) {
    const asset = await fetch(new URL(href, baseUrl + path));
    if (asset.status !== 200) throw new Error(`${href} linked from ${path}: ${asset.status}`);
    const body = Buffer.from(await asset.arrayBuffer());
    assets.push({ href, bytes: body.length, gzipBytes: gzipSize(body) });
  }
  const htmlBytes = html.length;
  const htmlGzip = gzipSize(html);
  return {
    path,
    htmlBytes,
    htmlGzip,
    assets,
    bytes: htmlBytes + assets.reduce((n, a) => n + a.bytes, 0),
    gzipBytes: htmlGzip + assets.reduce((n, a) => n + a.gzipBytes, 0),
  };
}
