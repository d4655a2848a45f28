import { z } from '../zod.ts';
import { quizIdSchema as id } from '../id-schemas.ts';
// Unknown keys are errors naming the key meant (`Points` → `points`), never silently dropped.
import { strictObject } from '../content/strict.ts';

const text = z.string().trim().min(1);

/** One answer a prospect can pick. */
export const optionSchema = strictObject({
  /** Stable id, stored with the lead: do not change it once the test is live. */
  id,
  /** The text shown next to the radio button or checkbox. */
  label: text,
  /** Points this option is worth (may be negative). Finite numbers only. */
  points: z.number({ error: 'points deve essere un numero finito.' }),
});

/** One question of the test. */
export const questionSchema = strictObject({
  /** Stable id, stored with the lead: do not change it once the test is live. */
  id,
  /** The question as the prospect reads it. */
  text,
  /** An optional line of help under the question. */
  help: text.optional(),
  /** `single`: one answer (radio buttons); `multiple`: any number (checkboxes), points add up. */
  type: z.enum(['single', 'multiple']).default('single'),
  /** Whether the prospect must answer before going on. */
  required: z.boolean().default(true),
  /** Multiplies the question's points: 2 makes it count twice as much. */
  weight: z.number().positive({ error: 'weight deve essere maggiore di zero.' }).default(1),
  /** The id of the category the question belongs to, if any. */
  category: id.optional(),
  /** The answers; at least two. */
  options: z.array(optionSchema),
});

/** A group of questions whose sub-score the result can name (e.g. "Relazioni"). */
export const categorySchema = strictObject({
  id,
  /** The name shown in the result. */
  label: text,
  /** What to work on when this category is weak, shown in the result. */
  advice: text.optional(),
  /** What is going well when this category is a strength (70 % or more), shown in the result. */
  strength: text.optional(),
  /** What to read when this category is weak: shown by an outcome whose next step is `letture`. */
  reading: z.array(strictObject({ title: text, href: z.string().trim().min(1) })).default([]),
});

/**
 * The next step an outcome offers, in place of its plain `cta` button:
 * `richiamami` (the prospect picks days, time and phone; the team is told), `prenota` (a
 * booking page of your choice, `href`), `letture` (reading for each weak category).
 * The team's phone and WhatsApp from `content/azienda/` are shown beside the first two.
 */
export const nextStepSchema = strictObject({
  kind: z.enum(['richiamami', 'prenota', 'letture']),
  /** The step's heading: "Scegli quando chiamarti". */
  title: text,
  /** One or two sentences under the heading. */
  text: text.optional(),
  /** The booking page (`prenota` only). */
  href: z.url({ error: 'href deve essere un indirizzo completo (https://…).' }).optional(),
  /** The button's words (`prenota`). */
  label: text.optional(),
});

/** One outcome, for scores from `min` to `max` percent of the maximum (both included). */
export const bandSchema = strictObject({
  id,
  /** Lowest percentage of this band, 0–100. */
  min: z.number().int().min(0).max(100),
  /** Highest percentage of this band, 0–100. */
  max: z.number().int().min(0).max(100),
  /** The outcome's name: "In target". */
  title: text,
  /** One or two sentences shown with the outcome. */
  summary: text,
  /** The full explanation (paragraphs separated by a blank line). */
  body: text,
  /** The next step offered to the prospect. */
  cta: strictObject({ label: text, href: z.string().trim().min(1) }),
  /** A richer next step (call-back request, booking page, reading); `cta` stays the email's and fallback link. */
  nextStep: nextStepSchema.optional(),
});

/** The whole free test, as marketers write it in `content/quiz/*.yaml`. */
export const quizSchema = strictObject({
  /** The test's id, stored with each lead. */
  id,
  /** Change it whenever questions, options or points change: each lead records it. */
  version: z.string().trim().min(1),
  /** The page's heading. */
  title: text,
  /** The text above the first question. */
  intro: text,
  /** Where the full result appears: before the contact form, or only after it is sent. */
  fullResult: z.enum(['before-form', 'after-form']).default('after-form'),
  categories: z.array(categorySchema).default([]),
  questions: z.array(questionSchema).min(1, { error: 'Il test deve avere almeno una domanda.' }),
  /** Outcome bands: together they must cover 0–100 with no gaps and no overlaps. */
  bands: z.array(bandSchema).min(1),
}).superRefine((quiz, ctx) => {
  for (const issue of structuralIssues(quiz)) ctx.addIssue({ code: 'custom', ...issue });
});

export type QuizInput = z.input<typeof quizSchema>;
export type Quiz = z.output<typeof quizSchema>;
/** The test as its island gets it: the page itself shows the title and the intro. */
export type IslandQuiz = Omit<Quiz, 'title' | 'intro'>;
export type Question = Quiz['questions'][number];
export type Option = Question['options'][number];
export type Band = Quiz['bands'][number];
export type Category = Quiz['categories'][number];
export type NextStepContent = z.output<typeof nextStepSchema>;

type Structural = Pick<Quiz, 'questions' | 'bands' | 'categories'>;

/** What is wrong with a test beyond the shape of its fields, each naming the offending id. */
export function structuralIssues(quiz: Structural): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  const categoryIds = new Set(quiz.categories.map((c) => c.id));

  quiz.questions.forEach((q, qi) => {
    if (seen.has(q.id))
      issues.push({ path: ['questions', qi, 'id'], message: `Domanda duplicata: l'id "${q.id}" è già usato.` });
    seen.add(q.id);
    if (q.options.length < 2) {
      issues.push({
        path: ['questions', qi, 'options'],
        message: `La domanda "${q.id}" deve avere almeno due opzioni.`,
      });
    }
    const optionIds = new Set<string>();
    q.options.forEach((o, oi) => {
      if (optionIds.has(o.id)) {
        issues.push({
          path: ['questions', qi, 'options', oi, 'id'],
          message: `Nella domanda "${q.id}" l'opzione "${o.id}" è duplicata.`,
        });
      }
      optionIds.add(o.id);
    });
    if (q.category && !categoryIds.has(q.category)) {
      issues.push({
        path: ['questions', qi, 'category'],
        message: `La domanda "${q.id}" usa la categoria "${q.category}", che non esiste.`,
      });
    }
  });

  const categorySeen = new Set<string>();
  quiz.categories.forEach((c, ci) => {
    if (categorySeen.has(c.id))
      issues.push({ path: ['categories', ci, 'id'], message: `Categoria duplicata: "${c.id}".` });
    categorySeen.add(c.id);
  });

  quiz.bands.forEach((b, bi) => {
    if (b.nextStep?.kind === 'prenota' && !b.nextStep.href)
      issues.push({
        path: ['bands', bi, 'nextStep', 'href'],
        message: `L'esito "${b.id}" propone una prenotazione: serve l'indirizzo della pagina (href).`,
      });
  });
  issues.push(...bandIssues(quiz.bands));
  return issues;
}

/** Bands must tile 0–100: sorted by `min`, each starts right after the previous one ends. */
function bandIssues(bands: Band[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const ids = new Set<string>();
  bands.forEach((b, i) => {
    if (ids.has(b.id)) issues.push({ path: ['bands', i, 'id'], message: `Esito duplicato: "${b.id}".` });
    ids.add(b.id);
    if (b.min > b.max)
      issues.push({ path: ['bands', i], message: `L'esito "${b.id}" ha min (${b.min}) maggiore di max (${b.max}).` });
  });
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  let expected = 0;
  for (const band of sorted) {
    if (band.min > expected) {
      issues.push({
        path: ['bands'],
        message: `Gli esiti lasciano scoperto l'intervallo ${expected}–${band.min - 1} (prima di "${band.id}").`,
      });
    } else if (band.min < expected) {
      issues.push({
        path: ['bands'],
        message: `L'esito "${band.id}" si sovrappone al precedente (da ${band.min} a ${expected - 1}).`,
      });
    }
    expected = Math.max(expected, band.max + 1);
  }
  if (expected <= 100) issues.push({ path: ['bands'], message: `Gli esiti non coprono l'intervallo ${expected}–100.` });
  return issues;
}
