import type { Answers } from './answers.ts';
import type { Band, Category, Question, Quiz } from './schema.ts';

export interface Range {
  /** Weighted points scored. */
  points: number;
  /** The lowest and highest weighted points the answered questions allow. */
  min: number;
  max: number;
  /** Where `points` sits between `min` and `max`, 0–100, rounded down. */
  percent: number;
}

export interface CategoryScore extends Range {
  category: Category;
}

export interface QuizResult extends Range {
  band: Band;
  /** Sub-scores of the categories with answered questions, weakest first. */
  categories: CategoryScore[];
}

/**
 * The weighted points range of one question. A single choice spans its lowest to its highest
 * option; a multiple choice adds up the options chosen, so it spans the sum of the negative
 * options (choosing only those) to the sum of the positive ones (choosing all of those).
 */
function questionRange(q: Question): { min: number; max: number } {
  const points = q.options.map((o) => o.points);
  if (q.type === 'single') return { min: Math.min(...points) * q.weight, max: Math.max(...points) * q.weight };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // Stryker disable next-line EqualityOperator: counting 0-point options in either sum (`<= 0`, `>= 0`) adds nothing
  return { min: sum(points.filter((p) => p < 0)) * q.weight, max: sum(points.filter((p) => p > 0)) * q.weight };
}

function questionPoints(q: Question, chosen: string[]): number {
  return q.options.filter((o) => chosen.includes(o.id)).reduce((total, o) => total + o.points, 0) * q.weight;
}

/**
 * 0–100, rounded down: a prospect reaches a band's threshold only by really reaching it
 * (69.9% is 69). Unanswered optional questions count neither for nor against. With no
 * spread (nothing answered, or only questions whose options are all worth the same)
 * the percentage is 0.
 */
export function percentOf(points: number, min: number, max: number): number {
  if (max <= min) return 0;
  const percent = Math.floor(((points - min) / (max - min)) * 100 + 1e-9);
  return Math.min(100, Math.max(0, percent));
}

function rangeOf(questions: Question[], answers: Answers): Range {
  let points = 0;
  let min = 0;
  let max = 0;
  for (const q of questions) {
    const chosen = answers[q.id];
    if (!chosen) continue;
    const range = questionRange(q);
    points += questionPoints(q, chosen);
    min += range.min;
    max += range.max;
  }
  return { points, min, max, percent: percentOf(points, min, max) };
}

/** The band a percentage falls in; a valid test's bands cover 0–100 exactly once. */
export function bandFor(quiz: Pick<Quiz, 'bands'>, percent: number): Band {
  const band = quiz.bands.find((b) => percent >= b.min && percent <= b.max);
  if (!band) throw new Error(`No band covers ${percent}%: the test's bands are invalid`);
  return band;
}

/** Scores answers already checked by `validateAnswers`: points, percentage, band, category sub-scores. */
export function scoreQuiz(quiz: Pick<Quiz, 'questions' | 'categories' | 'bands'>, answers: Answers): QuizResult {
  const total = rangeOf(quiz.questions, answers);
  const categories = quiz.categories
    .map((category) => ({
      category,
      ...rangeOf(
        quiz.questions.filter((q) => q.category === category.id),
        answers,
      ),
    }))
    .filter((c) => c.max > c.min)
    .sort((a, b) => a.percent - b.percent);
  return { ...total, band: bandFor(quiz, total.percent), categories };
}

/** The categories worth working on: below `threshold` percent, weakest first, at most `limit`. */
export function weakestCategories(result: QuizResult, limit = 2, threshold = 70): CategoryScore[] {
  return result.categories.filter((c) => c.percent < threshold).slice(0, limit);
}
