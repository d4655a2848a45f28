import { DatabaseSync } from 'node:sqlite';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadRealQuiz } from './quiz-fixtures.ts';

const quiz = loadRealQuiz();

/** A complete, valid lead for the real test; `overrides` replace top-level fields. */
export function validLead(overrides: Record<string, unknown> = {}, n = 0) {
  return {
    idempotencyKey: randomBytes(16).toString('hex'),
    quizId: quiz.id,
    quizVersion: quiz.version,
    answers: Object.fromEntries(
      quiz.questions.map((q) => [
        q.id,
        q.type === 'multiple' ? [q.options[0].id] : q.options[(n + 1) % q.options.length].id,
      ]),
    ),
    contact: {
      nome: 'Mario',
      cognome: `Rossi ${n}`,
      email: `mario.${n}@azienda.it`,
      telefono: '333 123 4567',
      azienda: 'Rossi Srl',
      piva: '12345678903',
    },
    consent: {
      privacyNoticeVersion: '2026-11-29',
      privacyTextId: 'lead-privacy-v2',
      marketing: false,
      marketingTextId: 'lead-marketing-v2',
    },
    context: {
      utm: { utm_source: 'newsletter' },
      sourceArticle: 'definizione-di-networking',
      landingPath: '/blog/definizione-di-networking/',
    },
    ...overrides,
  };
}

/** The same lead as the plain HTML form posts it. */
export function validLeadForm(overrides: Record<string, string> = {}) {
  const form = new URLSearchParams({
    quiz_id: quiz.id,
    quiz_version: quiz.version,
    nome: 'Anna',
    cognome: 'Bianchi',
    email: 'anna@example.it',
    telefono: '',
    azienda: 'Bianchi Sas',
    piva: '',
    privacy_version: '2026-11-29',
    privacy_text: 'lead-privacy-v2',
    marketing_text: 'lead-marketing-v2',
    website: '',
  });
  for (const q of quiz.questions) form.append(`q.${q.id}`, q.options[0].id);
  for (const [k, v] of Object.entries(overrides)) form.set(k, v);
  return form;
}

/** Reads the server's database file directly (a second connection; WAL lets it read while the server writes). */
export function readDb(dataDir: string) {
  const db = new DatabaseSync(path.join(dataDir, 'site.db'), { readOnly: true });
  try {
    return {
      leads: db.prepare('SELECT * FROM leads ORDER BY created_at').all() as Record<string, unknown>[],
      outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all() as Record<string, unknown>[],
      consents: db.prepare('SELECT * FROM consents ORDER BY id').all() as Record<string, unknown>[],
    };
  } finally {
    db.close();
  }
}

/** Polls `check` until it returns true or `ms` pass. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
