import { createHmac, timingSafeEqual } from 'node:crypto';
import { micromark } from 'micromark';
import { ARTICLE_ID } from '../ids.ts';
import { CALL_TO_ACTION, DEFINIZIONE, blockPattern, fromBlock, type Block } from './blocks.ts';

/*
 * Preview links for drafts: `/anteprima/<token>/`, where the token names the article and when the link stops
 * working, signed with the site's key, so it cannot be guessed, changed or extended. Whoever holds the link
 * can read that one draft until then; nothing else.
 */

const sign = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(`preview.${payload}`).digest('base64url').slice(0, 32);

/** The token of a preview link for article `id`, valid until `expires`. */
export function previewToken(key: Buffer, id: string, expires: Date): string {
  const payload = `${id}.${Math.floor(expires.getTime() / 1000).toString(36)}`;
  return `${payload}.${sign(key, payload)}`;
}

/** The article a token opens, or null when it is forged, altered or expired. */
export function readPreviewToken(key: Buffer, token: string, now: Date): string | null {
  const match = /^([a-z0-9][a-z0-9-]{0,127})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match || !ARTICLE_ID.test(match[1])) return null;
  const expected = Buffer.from(sign(key, `${match[1]}.${match[2]}`));
  if (!timingSafeEqual(expected, Buffer.from(match[3]))) return null;
  return parseInt(match[2], 36) * 1000 > now.getTime() ? match[1] : null;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function blockHtml(block: Block, values: Record<string, string>): string {
  const inner = micromark(values.testo.replace(/^ {2}/gm, ''));
  if (block === DEFINIZIONE) {
    const caption =
      values.titolo ||
      (values.tipo === 'vecchia' ? 'La definizione tradizionale' : 'La nuova definizione di Networking');
    const kind = values.tipo === 'vecchia' ? 'vecchia' : 'nuova';
    return `<figure class="definizione definizione--${kind}"><figcaption>${escape(caption)}</figcaption><div>${inner}</div></figure>`;
  }
  const title = values.title || 'Scopri se la tua azienda è in target';
  return `<aside class="cta"><p class="cta__title">${escape(title)}</p>${inner}<p>[${escape(values.label || 'Fai il test gratuito')}]</p></aside>`;
}

/** The first component in `text`, if any. */
function nextBlock(text: string): { block: Block; match: RegExpExecArray } | null {
  let best: { block: Block; match: RegExpExecArray } | null = null;
  for (const block of [DEFINIZIONE, CALL_TO_ACTION]) {
    const match = blockPattern(block).exec(text);
    if (match && (!best || match.index < best.match.index)) best = { block, match };
  }
  return best;
}

/**
 * An MDX body as HTML for a preview: Markdown by micromark (which escapes any HTML), the two components of the
 * site as simple boxes. No JavaScript of the file runs: a draft is text, not code.
 */
export function previewHtml(body: string): string {
  const parts: string[] = [];
  let rest = body;
  for (let next = nextBlock(rest); next; next = nextBlock(rest)) {
    parts.push(micromark(rest.slice(0, next.match.index)));
    parts.push(blockHtml(next.block, fromBlock(next.block, next.match)));
    rest = rest.slice(next.match.index + next.match[0].length);
  }
  parts.push(micromark(rest));
  return parts.join('\n');
}
