import { htmlPage } from '../http/responses.ts';

/**
 * The editor's own Content-Security-Policy, for this page only: Decap styles itself with CSS-in-JS (inline
 * `<style>` elements, so no hashes are possible), checks its configuration with AJV, which compiles validators
 * with `new Function` ('unsafe-eval'), and previews uploaded images as blob: URLs. Scripts, data and images
 * still come from this site alone: no request to another host. The rest of the site keeps its hashed policy.
 */
export const EDITOR_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page that starts Decap CMS for a signed-in member of the redazione. */
export function editorPage(options: {
  proxyUrl: string;
  csrf: string;
  scriptPath: string;
  enabled: boolean;
}): Response {
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': EDITOR_CSP,
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
  };
  if (!options.enabled) {
    const page = htmlPage(
      'Editor non attivo',
      'L’editor dei contenuti non è attivo su questo server: chi lo gestisce deve impostare CMS_REPO_DIR (vedi docs/DEPLOY.md).',
      { href: '/admin/', label: 'Torna al riepilogo' },
    );
    return new Response(page, { status: 503, headers });
  }
  const body = `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Redazione · Segnalazione Vincente</title>
</head>
<body>
<noscript><p>L’editor ha bisogno di JavaScript. Gli articoli si possono anche scrivere come file: vedi la guida per la redazione.</p></noscript>
<script type="application/json" id="editor-data">${escapeJson({ proxyUrl: options.proxyUrl, csrf: options.csrf })}</script>
<script src="${options.scriptPath}"></script>
</body>
</html>
`;
  return new Response(body, { status: 200, headers });
}
