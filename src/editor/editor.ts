/*
 * The web editor's page script (/admin/redazione/): Decap CMS bundled from npm, our configuration, the two MDX
 * components as blocks, and the session's CSRF token on every request to our backend. Built by
 * src/integrations/editor-assets.ts with esbuild into one file served by the site itself: no other host.
 */
import CMS from 'decap-cms-app';
import { cmsConfig } from '../lib/cms/config.ts';
import { CALL_TO_ACTION, DEFINIZIONE, blockPattern, fromBlock, toBlock, type Block } from '../lib/cms/blocks.ts';

interface PageData {
  proxyUrl: string;
  csrf: string;
}

const data = JSON.parse(document.getElementById('editor-data')?.textContent ?? '{}') as PageData;

// The guard wants the session's CSRF token on every POST; Decap's proxy backend sends plain fetches.
const ownFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (new URL(url, location.href).pathname === data.proxyUrl) {
    const headers = new Headers(init.headers);
    headers.set('X-CSRF-Token', data.csrf);
    return ownFetch(input, { ...init, headers, credentials: 'same-origin' });
  }
  return ownFetch(input, init);
};

const FIELDS: Record<
  string,
  { name: string; label: string; widget: string; required?: boolean; options?: string[] }[]
> = {
  definizione: [
    { name: 'tipo', label: 'Tipo', widget: 'select', options: ['nuova', 'vecchia'] },
    { name: 'titolo', label: 'Didascalia (facoltativa)', widget: 'string', required: false },
    { name: 'testo', label: 'Definizione', widget: 'text' },
  ],
  'call-to-action': [
    { name: 'title', label: 'Titolo del riquadro', widget: 'string' },
    { name: 'label', label: 'Testo del pulsante', widget: 'string' },
    { name: 'href', label: 'Indirizzo (vuoto: il test gratuito)', widget: 'string', required: false },
    { name: 'testo', label: 'Testo', widget: 'text' },
  ],
};

const LABELS: Record<string, string> = { definizione: 'Definizione', 'call-to-action': 'Invito al test' };

function register(block: Block) {
  CMS.registerEditorComponent({
    id: block.id,
    label: LABELS[block.id],
    fields: FIELDS[block.id],
    pattern: blockPattern(block),
    fromBlock: (match: RegExpMatchArray) => fromBlock(block, match),
    toBlock: (values: Record<string, string | undefined>) => toBlock(block, values),
    toPreview: (values: Record<string, string | undefined>) => toBlock(block, values),
  });
}

// The member signed in to the team area already, and our endpoint checks that session on every request:
// Decap's own "Accedi" screen of the proxy backend would only be one more click.
localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }));

register(DEFINIZIONE);
register(CALL_TO_ACTION);
CMS.init({ config: cmsConfig(data.proxyUrl) as never });
