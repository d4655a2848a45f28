import type { Db } from '../../src/server/storage/db.ts';
import { record } from './lead-records.ts';
import { searchText } from '../../src/lib/leads/lead-search.ts';

const NAMES = ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Andrea', 'Sara', 'Matteo', 'Elena', 'Paolo'];
const SURNAMES = ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'];
const SECTORS = ['Impianti', 'Consulenze', 'Software', 'Serramenti', 'Logistica', 'Arredi', 'Energia'];
const BANDS = ['in-target', 'potenzialmente-in-target', 'non-ancora-in-target'];
const STATUSES = ['new', 'new', 'new', 'contacted', 'meeting', 'proposal', 'client', 'not-interested', 'not-relevant'];

/**
 * Writes `count` realistic leads straight into a migrated database (both engines), a few
 * hundred rows per statement: the team area and its benchmark at 20,000 leads without
 * 20,000 requests. Lead `i` is `seed-<i>`, one every 20 minutes back from `until`; one in
 * seven is a returning person (same email as the lead before), one in fifty is spam.
 */
export async function seedLeads(db: Db, count: number, until = new Date()): Promise<void> {
  const base = record(0);
  const rows = Array.from({ length: count }, (_, i) => {
    const person = i % 7 === 6 ? i - 1 : i;
    const nome = NAMES[person % NAMES.length];
    const cognome = SURNAMES[Math.floor(person / NAMES.length) % SURNAMES.length];
    const score = (i * 37) % 101;
    const email = `${nome}.${cognome}.${person}@esempio.it`.toLowerCase();
    const telefono = `+39333${String(1_000_000 + person).padStart(7, '0')}`;
    const azienda = `${SECTORS[person % SECTORS.length]} ${cognome} Srl`;
    return {
      id: `seed-${i}`,
      created_at: new Date(until.getTime() - i * 1_200_000).toISOString(),
      idempotency_key: `seed-key-${i}`,
      payload_hash: `seed-hash-${i}`,
      form: base.form,
      quiz_id: base.quizId,
      quiz_version: base.quizVersion,
      submitted_quiz_version: base.submittedQuizVersion,
      nome,
      cognome,
      email,
      telefono,
      azienda,
      piva: null,
      search_text: searchText({ nome, cognome, email, telefono, azienda }),
      answers: JSON.stringify(base.answers),
      score_points: base.score.points,
      score_min: base.score.min,
      score_max: base.score.max,
      score_percent: score,
      outcome: BANDS[score >= 70 ? 0 : score >= 40 ? 1 : 2],
      categories: JSON.stringify(base.categories),
      utm: JSON.stringify(i % 3 ? {} : { utm_source: 'linkedin', utm_campaign: `campagna-${i % 4}` }),
      source_article: i % 2 ? 'definizione-di-networking' : null,
      spam: i % 50 === 49 ? 1 : 0,
      spam_reason: i % 50 === 49 ? 'honeypot' : null,
      status: STATUSES[i % STATUSES.length],
    };
  });
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += 400) {
      const chunk = rows.slice(start, start + 400);
      const columns = Object.keys(chunk[0]);
      const params: Record<string, string | number | null> = {};
      const values = chunk.map((row, r) => {
        for (const c of columns) params[`${c}_${r}`] = row[c as keyof typeof row];
        return `(${columns.map((c) => `:${c}_${r}`).join(', ')})`;
      });
      await tx.run(`INSERT INTO leads (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
    }
  });
}
