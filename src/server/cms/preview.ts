import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { frontmatterOf } from '../../lib/content/source-check.ts';
import { previewHtml } from '../../lib/cms/preview.ts';
import { escapeHtml } from '../../lib/notify/escape.ts';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  // The token is in the address: no other site learns it from a click on a link of the draft.
  'Referrer-Policy': 'no-referrer',
};

const page = (title: string, content: string) => `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Anteprima: ${escapeHtml(title)}</title>
<style>body{font:1.1rem/1.65 system-ui,sans-serif;color:#1a1a1a;max-width:42rem;margin:0 auto;padding:1rem 1.25rem 3rem}.avviso{background:#fff6ef;border-left:6px solid #d96b1f;padding:.75rem 1rem}h1{line-height:1.2}figure{margin:2rem 0;padding:1rem 1.25rem;background:#f3f5f8;border-left:6px solid #8a94a6}figure.definizione--nuova{background:#fff6ef;border-left-color:#d96b1f}figcaption{font-weight:700}.cta{margin:2rem 0;padding:1rem 1.25rem;border:2px solid #0e2a4f;border-radius:.5rem}.cta__title{font-weight:700}</style>
</head>
<body>
${content}
</body>
</html>
`;

/** A draft as its preview link shows it: read from the content folder the next build publishes. */
export async function previewResponse(contentRoot: string, id: string | null): Promise<Response> {
  const missing = () =>
    new Response(
      page(
        'link non valido',
        '<main><h1>Anteprima non disponibile</h1><p>Il link è scaduto o non è completo: chiedi un link nuovo a chi te l’ha mandato.</p></main>',
      ),
      { status: 404, headers: HEADERS },
    );
  if (!id) return missing();
  let text: string;
  try {
    text = await readFile(path.join(contentRoot, 'articles', `${id}.mdx`), 'utf8');
  } catch {
    return missing();
  }
  const source = frontmatterOf(text);
  const data = (source ? parse(source.yaml) : null) as Record<string, unknown> | null;
  const title = String(data?.title ?? id);
  const body = source ? text.slice(text.indexOf('\n---', 4) + 4) : text;
  const content = `<p class="avviso">Anteprima riservata: questo articolo non è ancora pubblicato. Non condividere il link.</p>
<main><h1>${escapeHtml(title)}</h1><p><em>${escapeHtml(String(data?.description ?? ''))}</em></p>
${previewHtml(body)}</main>`;
  return new Response(page(title, content), { status: 200, headers: HEADERS });
}
