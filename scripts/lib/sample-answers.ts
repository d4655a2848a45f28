import type { Quiz } from '../../src/lib/quiz/schema.ts';
import type { Answers } from '../../src/lib/quiz/answers.ts';
import { scoreQuiz } from '../../src/lib/quiz/score.ts';

/**
 * Answers that land in an outcome, for previews and tests: every question answered at the
 * same height of its options (sorted by points), from the lowest up, until one falls in the
 * band. A multiple-choice question takes its one option at that height.
 */
export function answersFor(quiz: Quiz, bandId: string): Answers {
  for (let step = 0; step <= 100; step++) {
    const answers: Answers = Object.fromEntries(
      quiz.questions.map((q) => {
        const sorted = [...q.options].sort((a, b) => a.points - b.points);
        return [q.id, [sorted[Math.round((step / 100) * (sorted.length - 1))].id]];
      }),
    );
    if (scoreQuiz(quiz, answers).band.id === bandId) return answers;
  }
  throw new Error(`No sample answers reach the outcome "${bandId}"`);
}
