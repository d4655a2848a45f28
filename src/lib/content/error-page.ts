import { describeProblem, type ContentProblem } from './source-check.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/**
 * The page `npm run dev` shows instead of the site while a content file is wrong: the author sees the error
 * where they look (the browser), not a stale page with the error hidden in a terminal. It reloads itself every
 * two seconds, so fixing the file brings the page back.
 */
export function contentErrorPage(problems: readonly ContentProblem[]): string {
  const items = problems.map((p) => `<li>${escape(describeProblem(p)).replace(/`([^`]+)`/g, '<code>$1</code>')}</li>`);
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2">
<title>Errore nei contenuti</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h1{color:#a4000f}li{margin:.75rem 0}code{background:#f3f3f3;padding:0 .25em}</style>
</head>
<body>
<main>
<h1>Errore nei contenuti</h1>
<p>${problems.length === 1 ? 'Un file va corretto' : `${problems.length} punti vanno corretti`} prima che l’anteprima possa mostrare il sito:</p>
<ul>
${items.join('\n')}
</ul>
<p>Correggi e salva: questa pagina si aggiorna da sola.</p>
</main>
</body>
</html>
`;
}
