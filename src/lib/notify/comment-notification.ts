import type { EmailMessage } from './lead-notification.ts';
import { escapeHtml, oneLine } from './escape.ts';
import { reasonLabel } from '../abuse/reasons.ts';
import { printable } from '../text/characters.ts';

export interface HeldComment {
  id: number;
  articleTitle: string;
  name: string;
  email: string;
  site?: string;
  text: string;
  reason?: string;
}

/** The email that asks moderators to look at a held comment. The commenter's text is escaped, never linked. */
export function heldCommentEmail(c: HeldComment): EmailMessage {
  const subject = oneLine(`Commento da moderare su «${c.articleTitle}» da ${c.name}`);
  const rows: [string, string][] = [
    ['Articolo', c.articleTitle],
    ['Autore', c.name],
    ['Email', c.email],
    ['Sito', c.site ?? '—'],
    ['Motivo', c.reason ? reasonLabel(c.reason) : '—'],
    ['Per approvarlo', `npm run comments -- approve ${c.id}`],
  ];
  // Plain text: nothing stored may add a line or a terminal escape.
  const text = [...rows.map(([k, v]) => `${k}: ${printable(v)}`), '', printable(c.text, true)].join('\n');
  const html = [
    `<h1>${escapeHtml(subject)}</h1>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(c.text)}</pre>`,
  ].join('\n');
  return { subject, text, html };
}
