import type { LeadRecord } from '../leads/lead-record.ts';
import type { Band, Quiz } from '../quiz/schema.ts';
import type { Company } from '../content/company-schema.ts';
import { bandLadder, categoryReport, type CategoryLine } from '../quiz/levels.ts';
import { companyLines } from '../content/company-schema.ts';
import { formatDate } from '../format/date.ts';
import { formatPhone } from '../leads/contact-links.ts';
import { escapeHtml, oneLine } from './escape.ts';
import type { EmailMessage } from './lead-notification.ts';

/*
 * The email that brings the prospect their result. It is the service they asked for
 * (art. 6.1.b GDPR), so it needs no marketing consent and carries nothing else: the
 * outcome, the categories, the next step, a signed link back to the result page, who we
 * are. Every link in it is ours; the prospect's own words (their name) are escaped.
 */

export interface ResultEmailInput {
  lead: Pick<LeadRecord, 'contact' | 'outcome' | 'categories'>;
  quiz: Quiz;
  company: Company;
  /** The signed result page, absolute. */
  resultUrl: string;
  /** When the signed link stops working. */
  linkExpires: Date;
  /** The site's origin, to make the next step's link absolute. */
  siteUrl: URL;
  /** Where a reply goes; none when the team has no address to give. */
  replyTo?: string;
}

/** An email for the outbox: its own recipient and reply-to (the team's emails use the configured ones). */
export interface AddressedEmail extends EmailMessage {
  to: string[];
  replyTo?: string;
}

const BRAND = '#0f2d52';
const ACCENT = '#b4420b';
const MUTED = '#4a5567';

function levelLines(lines: CategoryLine[]): string[] {
  return lines.map((l) => `- ${l.label}: ${l.level.label.toLowerCase()}${l.sentence ? `. ${l.sentence}` : ''}`);
}

function levelRows(lines: CategoryLine[]): string {
  const rows = lines.map(
    (l) => `<tr><td style="padding:6px 0;border-top:1px solid #d6dde7">
<strong>${escapeHtml(l.label)}</strong> &middot; <span style="color:${MUTED}">${escapeHtml(l.level.label)}</span>
<span style="display:block;font-size:0;line-height:0;margin:6px 0">${Array.from(
      { length: 4 },
      (_, i) =>
        `<span style="display:inline-block;width:22%;height:6px;margin-right:2%;border-radius:3px;background:${i < l.level.filled ? '#0b4f99' : '#d6dde7'}"></span>`,
    ).join('')}</span>
${l.sentence ? `<span style="display:block">${escapeHtml(l.sentence)}</span>` : ''}</td></tr>`,
  );
  // Stryker disable next-line StringLiteral: whitespace between table rows is not rendered; one row a line of source.
  return rows.join('\n');
}

/**
 * The email's one button: what the outcome's next step is. A call-back request is made on the
 * result page (its form), a booking on the booking page; reading, or no next step, is the `cta`.
 */
export function emailNextStep(band: Band, resultUrl: string, siteUrl: URL): { label: string; href: string } {
  const step = band.nextStep;
  if (step?.kind === 'richiamami') return { label: step.title, href: `${resultUrl}#prossimo-passo` };
  if (step?.kind === 'prenota' && step.href) return { label: step.label ?? band.cta.label, href: step.href };
  return { label: band.cta.label, href: new URL(band.cta.href, siteUrl).href };
}

/** The result email of a stored lead, HTML and plain text. */
export function resultEmail(input: ResultEmailInput): AddressedEmail {
  const { lead, quiz, company } = input;
  const band = quiz.bands.find((b) => b.id === lead.outcome);
  if (!band) throw new Error(`The test has no outcome "${lead.outcome}"`);
  const report = categoryReport(quiz.categories, lead.categories);
  const ladder = bandLadder(quiz.bands, band.id);
  const next = emailNextStep(band, input.resultUrl, input.siteUrl);
  const nome = oneLine(lead.contact.nome.trim());
  const until = formatDate(input.linkExpires);
  const paragraphs = band.body.split(/\n\s*\n/);
  const identity = companyLines(company);
  const subject = `Il risultato del tuo test: ${band.title}`;

  const text = [
    `Ciao ${nome},`,
    '',
    `grazie per aver fatto il test gratuito di ${company.nome}. Il tuo risultato: ${band.title}.`,
    band.summary,
    '',
    `I possibili esiti: ${ladder.map((b) => (b.current ? `[${b.title}]` : b.title)).join(' · ')}`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(report.strengths.length ? ['I tuoi punti di forza', ...levelLines(report.strengths), ''] : []),
    ...(report.toWork.length ? ['Su cosa lavorare', ...levelLines(report.toWork), ''] : []),
    `Il prossimo passo: ${next.label}`,
    next.href,
    '',
    `Rivedi il tuo risultato (link valido fino al ${until}):`,
    input.resultUrl,
    '',
    input.replyTo ? 'Hai domande? Rispondi a questa email: ti risponde una persona del nostro team.' : '',
    '',
    '--',
    ...identity,
    ...(company.telefono ? [`Tel. ${formatPhone(company.telefono)}`] : []),
    '',
    'Ricevi questa email perché hai compilato il test gratuito sul nostro sito. Non ti iscrive ad alcuna newsletter.',
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');

  const p = (html: string, style = '') => `<p style="margin:0 0 14px;${style}">${html}</p>`;
  // Stryker disable next-line StringLiteral: whitespace between paragraphs is not rendered; one a line of source.
  const explanation = paragraphs.map((para) => p(escapeHtml(para))).join('\n');
  const html = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f6fa;color:#1b2330;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f6fa"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;border-top:6px solid ${ACCENT}">
<tr><td style="padding:24px">
${p(`<strong style="color:${BRAND}">${escapeHtml(company.nome)}</strong>`, 'font-size:14px')}
${p(`Ciao ${escapeHtml(nome)},`)}
${p(`grazie per aver fatto il test gratuito. Il tuo risultato:`)}
<h1 style="margin:0 0 8px;font-size:26px;line-height:1.2;color:${BRAND}">${escapeHtml(band.title)}</h1>
${p(escapeHtml(band.summary), 'font-weight:bold')}
${p(`<a href="${escapeHtml(next.href)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:${ACCENT};color:#ffffff;font-weight:bold;text-decoration:none">${escapeHtml(next.label)}</a>`)}
${p(ladder.map((b) => (b.current ? `<strong style="color:${BRAND}">${escapeHtml(b.title)}</strong>` : `<span style="color:${MUTED}">${escapeHtml(b.title)}</span>`)).join(' &middot; '), 'font-size:14px')}
${explanation}
${report.strengths.length ? `<h2 style="margin:20px 0 6px;font-size:19px;color:${BRAND}">I tuoi punti di forza</h2><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${levelRows(report.strengths)}</table>` : ''}
${report.toWork.length ? `<h2 style="margin:20px 0 6px;font-size:19px;color:${BRAND}">Su cosa lavorare</h2><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${levelRows(report.toWork)}</table>` : ''}
${p(`<a href="${escapeHtml(input.resultUrl)}" style="color:#0b4f99">Rivedi il tuo risultato sul sito</a> (il link vale fino al ${escapeHtml(until)}).`, 'margin-top:20px')}
${input.replyTo ? p('Hai domande? Rispondi a questa email: ti risponde una persona del nostro team.') : ''}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #d6dde7;color:${MUTED};font-size:13px">
${identity.map((line) => escapeHtml(line)).join('<br>')}${company.telefono ? `<br>Tel. ${escapeHtml(formatPhone(company.telefono))}` : ''}
<br><br>Ricevi questa email perché hai compilato il test gratuito sul nostro sito. Non ti iscrive ad alcuna newsletter.
</td></tr>
</table></td></tr></table>
</body></html>`;

  return { subject, text, html, to: [lead.contact.email], replyTo: input.replyTo };
}

/** Why a result email is or is not sent with a lead. */
export type ResultEmailDecision = 'send' | 'email-off' | 'not-vouched' | 'capped';

/**
 * Whether to queue the result email. Never for a lead we could not vouch for (it may be a
 * bot typing someone else's address), and at most `maxPerDay` to one address: an
 * autoresponder must not become a way to flood a stranger's inbox.
 */
export function resultEmailDecision(input: {
  emailConfigured: boolean;
  verdict: 'accept' | 'review' | 'spam';
  sentToAddressToday: number;
  maxPerDay: number;
}): ResultEmailDecision {
  if (!input.emailConfigured) return 'email-off';
  if (input.verdict !== 'accept') return 'not-vouched';
  return input.sentToAddressToday >= input.maxPerDay ? 'capped' : 'send';
}
