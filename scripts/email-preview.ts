/**
 * Writes the prospect's result email of each outcome to files, for the marketers to look at:
 *   npm run email:preview [-- --out email-preview]
 * Reads the test (content/quiz/), the company (content/azienda/) and SITE_URL, as the server
 * does; the lead is made up (Mario Rossi) with answers that land in each outcome. Files:
 * <outcome>.html and <outcome>.txt, and index.html linking them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { quizSchema } from '../src/lib/quiz/schema.ts';
import { companySchema } from '../src/lib/content/company-schema.ts';
import { scoreQuiz } from '../src/lib/quiz/score.ts';
import { resultEmail } from '../src/lib/notify/result-email.ts';
import { escapeHtml } from '../src/lib/notify/escape.ts';
import { cliSettings } from './lib/cli.ts';
import { answersFor } from './lib/sample-answers.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'email-preview' } } });
const settings = cliSettings();
const root = settings.CONTENT_ROOT;
const quiz = quizSchema.parse(parse(readFileSync(`${root}/quiz/test-gratuito.yaml`, 'utf8')));
const companyFile = `${root}/azienda/azienda.yaml`;
const company = companySchema.parse(
  existsSync(companyFile) ? parse(readFileSync(companyFile, 'utf8')) : { nome: 'Segnalazione Vincente' },
);
const siteUrl = new URL(settings.SITE_URL);
const expires = new Date(Date.now() + settings.RESULT_LINK_DAYS * 86_400_000);
mkdirSync(values.out, { recursive: true });

const rows: string[] = [];
for (const band of quiz.bands) {
  const result = scoreQuiz(quiz, answersFor(quiz, band.id));
  const mail = resultEmail({
    lead: {
      contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario.rossi@example.it', azienda: 'Rossi Srl' },
      outcome: band.id,
      categories: result.categories.map((c) => ({ id: c.category.id, percent: c.percent })),
    },
    quiz,
    company,
    resultUrl: new URL(`/test-gratuito/risultato/?id=anteprima&scade=0&firma=anteprima`, siteUrl).href,
    linkExpires: expires,
    siteUrl,
    replyTo: settings.RESULT_EMAIL_REPLY_TO ?? company.email,
  });
  writeFileSync(path.join(values.out, `${band.id}.html`), mail.html);
  writeFileSync(path.join(values.out, `${band.id}.txt`), `Oggetto: ${mail.subject}\n\n${mail.text}\n`);
  const size = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(1)} KB`;
  rows.push(
    `<li><strong>${escapeHtml(band.title)}</strong>: <a href="${band.id}.html">HTML</a> (${size(mail.html)}) · <a href="${band.id}.txt">testo</a> (${size(mail.text)})</li>`,
  );
  console.log(
    `${band.id}: ${path.join(values.out, band.id)}.html, .txt (HTML ${size(mail.html)}, text ${size(mail.text)})`,
  );
}
writeFileSync(
  path.join(values.out, 'index.html'),
  `<!doctype html><html lang="it"><meta charset="utf-8"><title>Anteprima delle email del risultato</title>
<h1>Anteprima delle email del risultato</h1><ul>${rows.join('')}</ul>`,
);
