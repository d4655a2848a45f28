import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  /** `inline #n` or the file's path under the client folder. */
  name: string;
  raw: number;
  gzip: number;
}

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * Every byte of JavaScript a built page runs on load: its inline scripts (not JSON-LD)
 * and the module files its islands load (component and renderer URLs, module scripts,
 * modulepreloads), followed through their static imports. Dynamic imports are left out:
 * they load only on demand (Preact's signals support, unused here).
 */
export function pageJavaScript(clientDir: string, page: string): JsFile[] {
  // Scripts inside <noscript> never run where scripts can.
  const html = page.replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const files: JsFile[] = [];
  let inline = 0;
  for (const m of html.matchAll(
    /<script(?![^>]*type="application\/ld\+json")(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g,
  )) {
    const code = m[1];
    if (!code.trim()) continue;
    files.push({ name: `inline #${++inline}`, raw: Buffer.byteLength(code), gzip: gz(code) });
  }
  const queue = [
    ...html.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const url = queue.shift()!;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(path.join(clientDir, url), 'utf8');
    files.push({ name: url, raw: Buffer.byteLength(code), gzip: gz(code) });
    // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`.
    for (const imp of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w{},*\s$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(url), imp[1]));
    }
  }
  return files;
}

export const total = (files: JsFile[], key: 'raw' | 'gzip') => files.reduce((sum, f) => sum + f[key], 0);
