import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quizSchema, type Quiz } from '../../../src/lib/quiz/schema.ts';
import {
  validateAnswers,
  answerErrorMessage,
  type AnswerError,
  type RawAnswers,
  type Answers,
} from '../../../src/lib/quiz/answers.ts';
import { scoreQuiz, percentOf, bandFor, weakestCategories, type QuizResult } from '../../../src/lib/quiz/score.ts';
import { smallQuiz, loadRealQuiz } from '../../support/quiz-fixtures.ts';

const quiz = quizSchema.parse(smallQuiz());
const real = loadRealQuiz();

describe('validateAnswers', () => {
  it.each<[string, RawAnswers, unknown]>([
    ['a complete set', { q1: 'si', q2: ['x', 'y'] }, { ok: true, answers: { q1: ['si'], q2: ['x', 'y'] } }],
    ['a single id for a multiple question', { q1: 'no', q2: 'z' }, { ok: true, answers: { q1: ['no'], q2: ['z'] } }],
    [
      'repeated options, counted once, in the test order',
      { q1: 'si', q2: ['y', 'x', 'y'] },
      { ok: true, answers: { q1: ['si'], q2: ['x', 'y'] } },
    ],
    [
      'an optional answer',
      { q1: 'si', q2: ['x'], q3: 'molto' },
      { ok: true, answers: { q1: ['si'], q2: ['x'], q3: ['molto'] } },
    ],
    ['an empty optional answer', { q1: 'si', q2: ['x'], q3: '' }, { ok: true, answers: { q1: ['si'], q2: ['x'] } }],
    ['a missing required answer', { q1: 'si' }, { ok: false, errors: [{ code: 'missing_answer', questionId: 'q2' }] }],
    [
      'an empty required answer',
      { q1: '', q2: [] },
      {
        ok: false,
        errors: [
          { code: 'missing_answer', questionId: 'q1' },
          { code: 'missing_answer', questionId: 'q2' },
        ],
      },
    ],
    [
      'an unknown question',
      { q1: 'si', q2: 'x', q9: 'a' },
      { ok: false, errors: [{ code: 'unknown_question', questionId: 'q9' }] },
    ],
    [
      'an unknown option',
      { q1: 'forse', q2: 'x' },
      { ok: false, errors: [{ code: 'unknown_option', questionId: 'q1', optionId: 'forse' }] },
    ],
    [
      'two options on a single choice',
      { q1: ['si', 'no'], q2: 'x' },
      { ok: false, errors: [{ code: 'too_many_options', questionId: 'q1' }] },
    ],
    [
      'a known and an unknown option on a single choice: only the unknown one is reported',
      { q1: ['si', 'forse'], q2: 'x' },
      { ok: false, errors: [{ code: 'unknown_option', questionId: 'q1', optionId: 'forse' }] },
    ],
    [
      'an inherited property name',
      { q1: 'si', q2: 'x', constructor: 'a' },
      { ok: false, errors: [{ code: 'unknown_question', questionId: 'constructor' }] },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(validateAnswers(quiz, raw)).toEqual(expected);
  });

  it.each<[AnswerError, string]>([
    [{ code: 'missing_answer', questionId: 'q1' }, 'Scegli una risposta per continuare.'],
    [{ code: 'too_many_options', questionId: 'q1' }, 'Scegli una sola risposta.'],
    [
      { code: 'unknown_option', questionId: 'q1', optionId: 'forse' },
      'La risposta scelta non è valida: ricarica la pagina e riprova.',
    ],
    [{ code: 'unknown_question', questionId: 'q9' }, 'Il test è cambiato nel frattempo: ricarica la pagina e riprova.'],
  ])('explains %j in Italian', (error, message) => {
    expect(answerErrorMessage(error)).toBe(message);
  });
});

describe('scoreQuiz', () => {
  // q1: 0..10; q2 (multiple, weight 2): -2..10; total range -2..20 → 22 points of spread.
  it.each<[string, Answers, { points: number; min: number; max: number; percent: number; band: string }]>([
    ['the lowest answers', { q1: ['no'], q2: ['z'] }, { points: -2, min: -2, max: 20, percent: 0, band: 'basso' }],
    [
      'the highest answers',
      { q1: ['si'], q2: ['x', 'y'] },
      { points: 20, min: -2, max: 20, percent: 100, band: 'alto' },
    ],
    // (10 + 2·3 + 2 - -2) / 22 = 20/22 = 90.9 → 90
    [
      'everything chosen',
      { q1: ['si'], q2: ['x', 'y', 'z'] },
      { points: 18, min: -2, max: 20, percent: 90, band: 'alto' },
    ],
    // (0 + 10 + 2) / 22 = 54.5 → 54
    ['in the middle', { q1: ['no'], q2: ['x', 'y'] }, { points: 10, min: -2, max: 20, percent: 54, band: 'medio' }],
    // the optional q3 widens the range only when answered: (17 - -1) / (25 - -1) = 69.2 → 69
    [
      'with an optional answer',
      { q1: ['si'], q2: ['x'], q3: ['poco'] },
      { points: 17, min: -1, max: 25, percent: 69, band: 'medio' },
    ],
  ])('%s', (_name, answers, expected) => {
    const result = scoreQuiz(quiz, answers);
    expect({
      points: result.points,
      min: result.min,
      max: result.max,
      percent: result.percent,
      band: result.band.id,
    }).toEqual(expected);
  });

  it('rounds down, so a threshold is reached only when really reached', () => {
    expect(percentOf(69.99, 0, 100)).toBe(69);
    expect(percentOf(70, 0, 100)).toBe(70);
    expect(percentOf(1, 0, 3)).toBe(33);
    expect(percentOf(2, 0, 3)).toBe(66);
    expect(percentOf(3, 0, 3)).toBe(100);
    expect(percentOf(0, 0, 0)).toBe(0);
  });

  it('weights a single choice too, at both ends of its range', () => {
    const weighted = structuredClone(smallQuiz());
    weighted.questions[0].weight = 3;
    const test = quizSchema.parse(weighted);
    expect(scoreQuiz(test, { q1: ['si'], q2: ['z'] })).toMatchObject({ points: 28, min: -2, max: 40 });
    expect(scoreQuiz(test, { q1: ['no'], q2: ['x'] })).toMatchObject({ points: 6, min: -2, max: 40 });
  });

  it('leaves out categories with nothing answered, or no spread in what was answered', () => {
    const input = structuredClone(smallQuiz());
    input.categories!.push({ id: 'c', label: 'C' }, { id: 'd', label: 'D' });
    input.questions[2].category = 'c';
    input.questions.push({
      id: 'q4',
      text: 'Uguali?',
      required: false,
      category: 'd',
      options: [
        { id: 'uno', label: 'Uno', points: 2 },
        { id: 'due', label: 'Due', points: 2 },
      ],
    });
    const test = quizSchema.parse(input);
    const ids = (answers: Answers) => scoreQuiz(test, answers).categories.map((c) => c.category.id);
    expect(ids({ q1: ['si'], q2: ['x'], q4: ['uno'] })).toEqual(['b', 'a']);
    expect(ids({ q1: ['si'], q2: ['x'], q3: ['poco'], q4: ['due'] })).toEqual(['c', 'b', 'a']);
  });

  it('gives category sub-scores, weakest first', () => {
    const result = scoreQuiz(quiz, { q1: ['si'], q2: ['z'] });
    expect(result.categories.map((c) => [c.category.id, c.percent])).toEqual([
      ['b', 0],
      ['a', 100],
    ]);
  });

  it.each([
    [0, 'basso'],
    [39, 'basso'],
    [40, 'medio'],
    [69, 'medio'],
    [70, 'alto'],
    [100, 'alto'],
  ])('puts %i %% in the band %s, whatever the order the bands are listed in', (percent, band) => {
    expect(bandFor(quiz, percent).id).toBe(band);
    expect(bandFor({ bands: [...quiz.bands].reverse() }, percent).id).toBe(band);
  });

  it('fails loudly when no band covers a percentage', () => {
    expect(() => bandFor({ bands: quiz.bands.slice(1) }, 12)).toThrow(
      "No band covers 12%: the test's bands are invalid",
    );
  });

  it('scores the real test from 0 to 100', () => {
    const lowest = Object.fromEntries(
      real.questions.map((q) => [q.id, [q.options.reduce((a, b) => (a.points <= b.points ? a : b)).id]]),
    );
    const highest = Object.fromEntries(
      real.questions.map((q) => [
        q.id,
        q.type === 'multiple'
          ? q.options.filter((o) => o.points > 0).map((o) => o.id)
          : [q.options.reduce((a, b) => (a.points >= b.points ? a : b)).id],
      ]),
    );
    expect(scoreQuiz(real, lowest)).toMatchObject({ percent: 0, band: { id: 'non-ancora-in-target' } });
    expect(scoreQuiz(real, highest)).toMatchObject({ percent: 100, band: { id: 'in-target' } });
  });
});

describe('weakestCategories', () => {
  const result = (percents: number[]) =>
    ({
      categories: percents.map((percent, i) => ({ category: { id: `c${i}`, label: '' }, percent })),
    }) as QuizResult;
  const ids = (categories: { category: { id: string } }[]) => categories.map((c) => c.category.id);

  it.each<[number[], number | undefined, number | undefined, string[]]>([
    [[10, 50, 69, 70, 90], undefined, undefined, ['c0', 'c1']],
    [[10, 50, 69, 70, 90], 5, undefined, ['c0', 'c1', 'c2']],
    [[10, 50, 69, 70, 90], 5, 70, ['c0', 'c1', 'c2']],
    [[10, 50, 69, 70, 90], 5, 71, ['c0', 'c1', 'c2', 'c3']],
    [[10, 50, 69, 70, 90], 1, 100, ['c0']],
    [[70, 90], undefined, undefined, []],
    [[], undefined, undefined, []],
  ])('of %j, at most %s under %s %%: %j', (percents, limit, threshold, expected) => {
    expect(ids(weakestCategories(result(percents), limit, threshold))).toEqual(expected);
  });
});

/** Any complete, valid answer set for a test. */
function answersFor(test: Quiz): fc.Arbitrary<Answers> {
  const perQuestion = test.questions.map((q) => {
    const ids = q.options.map((o) => o.id);
    const chosen =
      q.type === 'single'
        ? fc.constantFrom(...ids).map((id) => [id])
        : fc.subarray(ids, { minLength: q.required ? 1 : 0 });
    return q.required ? chosen : fc.option(chosen, { nil: undefined });
  });
  return fc.tuple(...perQuestion).map((choices) => {
    const answers: Answers = {};
    test.questions.forEach((q, i) => {
      const c = choices[i];
      if (c && c.length) answers[q.id] = q.options.filter((o) => c.includes(o.id)).map((o) => o.id);
    });
    return answers;
  });
}

describe.each([
  ['the real test', real],
  ['the small test', quiz],
])('properties of %s', (_name, test) => {
  it('the percentage is always an integer within 0–100', () => {
    fc.assert(
      fc.property(answersFor(test), (answers) => {
        const { percent } = scoreQuiz(test, answers);
        return Number.isInteger(percent) && percent >= 0 && percent <= 100;
      }),
    );
  });

  it('every complete answer set passes validation and maps to exactly one outcome', () => {
    fc.assert(
      fc.property(answersFor(test), (answers) => {
        const checked = validateAnswers(test, answers);
        if (!checked.ok) return false;
        const { percent, band } = scoreQuiz(test, checked.answers);
        return (
          test.bands.filter((b) => percent >= b.min && percent <= b.max).length === 1 && bandFor(test, percent) === band
        );
      }),
    );
  });

  it('choosing an option worth more never lowers the score', () => {
    const singles = test.questions.filter((q) => q.type === 'single');
    fc.assert(
      fc.property(answersFor(test), fc.constantFrom(...singles), fc.nat(), (answers, question, pick) => {
        const current = answers[question.id]?.[0];
        const from = question.options.find((o) => o.id === current);
        const better = question.options.filter((o) => !from || o.points >= from.points);
        if (!from || better.length === 0) return true;
        const to = better[pick % better.length];
        const before = scoreQuiz(test, answers);
        const after = scoreQuiz(test, { ...answers, [question.id]: [to.id] });
        return after.points >= before.points && after.percent >= before.percent;
      }),
    );
  });

  it('the same answers always give the same result', () => {
    fc.assert(
      fc.property(
        answersFor(test),
        (answers) =>
          JSON.stringify(scoreQuiz(test, answers)) === JSON.stringify(scoreQuiz(test, structuredClone(answers))),
      ),
    );
  });
});
