import { describe, it, expect } from 'vitest';
import { quizSchema, type QuizInput } from '../../../src/lib/quiz/schema.ts';
import { smallQuiz, loadRealQuiz } from '../../support/quiz-fixtures.ts';

function messages(change: (quiz: QuizInput) => void): string[] {
  const quiz = structuredClone(smallQuiz());
  change(quiz);
  const result = quizSchema.safeParse(quiz);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the test definition schema', () => {
  it('accepts a valid test and fills defaults', () => {
    const quiz = quizSchema.parse(smallQuiz());
    expect(quiz.fullResult).toBe('after-form');
    expect(quiz.questions[0]).toMatchObject({ type: 'single', required: true, weight: 1 });
  });

  it('accepts the real test: 8 to 10 questions, three outcomes', () => {
    const quiz = loadRealQuiz();
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(quiz.questions.length).toBeLessThanOrEqual(10);
    expect(quiz.bands.map((b) => b.title)).toEqual(['Non ancora in target', 'Potenzialmente in target', 'In target']);
  });

  it.each<[string, (q: QuizInput) => void, RegExp]>([
    ['a duplicate question id', (q) => (q.questions[1].id = 'q1'), /questions\.1\.id: .*"q1" è già usato/],
    [
      'a duplicate option id',
      (q) => (q.questions[0].options[1].id = 'no'),
      /questions\.0\.options\.1\.id: .*"q1".*"no" è duplicata/,
    ],
    [
      'a question with one option',
      (q) => q.questions[0].options.splice(1),
      /questions\.0\.options: La domanda "q1" deve avere almeno due opzioni/,
    ],
    ['a gap between bands', (q) => (q.bands[1].min = 45), /scoperto l'intervallo 40–44 \(prima di "medio"\)/],
    ['overlapping bands', (q) => (q.bands[1].min = 35), /"medio" si sovrappone al precedente \(da 35 a 39\)/],
    ['bands not reaching 100', (q) => (q.bands[2].max = 95), /non coprono l'intervallo 96–100/],
    ['bands not starting at 0', (q) => (q.bands[0].min = 5), /scoperto l'intervallo 0–4/],
    ['a band with min above max', (q) => (q.bands[0].max = -1), /bands\.0\.max/],
    ['infinite points', (q) => (q.questions[0].options[0].points = Infinity), /points/],
    ['NaN points', (q) => (q.questions[0].options[0].points = NaN), /points/],
    ['an unknown category', (q) => (q.questions[0].category = 'zeta'), /"q1" usa la categoria "zeta", che non esiste/],
    ['a bad id', (q) => (q.questions[0].id = 'Prima Domanda'), /questions\.0\.id: Un id usa solo/],
    ['a zero weight', (q) => (q.questions[0].weight = 0), /weight deve essere maggiore di zero/],
  ])('rejects %s, naming what is wrong', (_case, change, expected) => {
    const found = messages(change);
    expect(found.join('\n')).toMatch(expected);
  });
});
