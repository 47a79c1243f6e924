// What a visitor downloads: the Worker bundle as deployed, and each page's HTML with the CSS and JS it links.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { wranglerSync } from './local-d1.mjs';

const gzipSize = (buffer) => gzipSync(buffer).length;

/** `wrangler deploy --dry-run --outdir`: the script Cloudflare would receive, raw and gzipped. */
export function measureBundle() {
  const outdir = mkdtempSync(join(tmpdir(), 'volley-bundle-'));
  try {
    const result = wranglerSync(['deploy', '--dry-run', '--outdir', outdir]);
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
    const scripts = readdirSync(outdir).filter((name) => name.endsWith('.js') || name.endsWith('.mjs'));
    const contents = Buffer.concat(scripts.map((name) => readFileSync(join(outdir, name))));
    const reported = result.stdout.match(/Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/);
    return {
      files: scripts,
      bytes: contents.length,
      gzipBytes: gzipSize(contents),
      wranglerReports: reported ? `${reported[1]} / gzip ${reported[2]}` : null,
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
