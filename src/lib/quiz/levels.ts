import type { Band, Category } from './schema.ts';

/*
 * How the result talks about scores: in levels with a name, never as a bare number.
 * "0 su 100" tells a prospect nothing they can act on and reads as a verdict on their
 * company; "Da costruire" with the step to take does the job (issue 16).
 */

/** A category's level, lowest first. `filled` of `LEVEL_COUNT` segments are drawn. */
export interface Level {
  id: 'da-costruire' | 'da-rafforzare' | 'buono' | 'punto-di-forza';
  label: string;
  filled: number;
}

export const LEVELS: readonly (Level & { from: number })[] = [
  { id: 'da-costruire', label: 'Da costruire', filled: 1, from: 0 },
  { id: 'da-rafforzare', label: 'Da rafforzare', filled: 2, from: 40 },
  { id: 'buono', label: 'Buono', filled: 3, from: 70 },
  { id: 'punto-di-forza', label: 'Punto di forza', filled: 4, from: 85 },
];

export const LEVEL_COUNT = LEVELS.length;

/** From this percentage on a category is a strength; under it, something to work on. */
export const STRENGTH_FROM = 70;

/** The level of a 0–100 sub-score. */
export function levelOf(percent: number): Level {
  const { id, label, filled } = LEVELS.findLast((l) => percent >= l.from) ?? LEVELS[0];
  return { id, label, filled };
}

/** One category as the result shows it. */
export interface CategoryLine {
  id: string;
  label: string;
  level: Level;
  /** The category's sentence for this side: what is going well, or what to work on. */
  sentence?: string;
}

export interface CategoryReport {
  /** Strongest first. */
  strengths: CategoryLine[];
  /** Weakest first. */
  toWork: CategoryLine[];
}

/**
 * The categories of a result, strengths first, then what to work on, each with its level
 * and its sentence from the test's content. Works from stored sub-scores (`{ id, percent }`),
 * so the island, the result page and the email say the same; an id the test no longer has
 * is left out.
 */
export function categoryReport(
  categories: Pick<Category, 'id' | 'label' | 'advice' | 'strength'>[],
  scores: { id: string; percent: number }[],
): CategoryReport {
  const known = new Map(categories.map((c) => [c.id, c]));
  const lines = scores
    .filter((s) => known.has(s.id))
    .map((s) => {
      const category = known.get(s.id) as Pick<Category, 'label' | 'advice' | 'strength'>;
      const strong = s.percent >= STRENGTH_FROM;
      return {
        percent: s.percent,
        line: {
          id: s.id,
          label: category.label,
          level: levelOf(s.percent),
          sentence: strong ? category.strength : category.advice,
        },
      };
    });
  return {
    strengths: lines
      .filter((l) => l.percent >= STRENGTH_FROM)
      .sort((a, b) => b.percent - a.percent)
      .map((l) => l.line),
    toWork: lines
      .filter((l) => l.percent < STRENGTH_FROM)
      .sort((a, b) => a.percent - b.percent)
      .map((l) => l.line),
  };
}

/** The bands in order, the prospect's one marked: "where you stand" without a number. */
export function bandLadder(bands: Pick<Band, 'id' | 'title' | 'min'>[], current: string) {
  return [...bands].sort((a, b) => a.min - b.min).map((b) => ({ id: b.id, title: b.title, current: b.id === current }));
}
