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

describe('the test definition schema, issue by issue', () => {
  it.each<[string, (q: QuizInput) => void, unknown[]]>([
    [
      'two categories with one id',
      (q) => (q.categories![1].id = 'a'),
      [
        'questions.1.category: La domanda "q2" usa la categoria "b", che non esiste.',
        'categories.1.id: Categoria duplicata: "a".',
      ],
    ],
    ['two outcomes with one id', (q) => (q.bands[1].id = 'basso'), ['bands.1.id: Esito duplicato: "basso".']],
    [
      'an outcome with min above max',
      (q) => ((q.bands[1].min = 70), (q.bands[1].max = 69), (q.bands[2].min = 70)),
      [
        'bands.1: L\'esito "medio" ha min (70) maggiore di max (69).',
        'bands: Gli esiti lasciano scoperto l\'intervallo 40–69 (prima di "medio").',
      ],
    ],
    [
      'an unknown category',
      (q) => (q.questions[1].category = 'zeta'),
      ['questions.1.category: La domanda "q2" usa la categoria "zeta", che non esiste.'],
    ],
    ['outcomes stopping at 99', (q) => (q.bands[2].max = 99), ["bands: Gli esiti non coprono l'intervallo 100–100."]],
    [
      'overlapping outcomes',
      (q) => (q.bands[2].min = 60),
      ['bands: L\'esito "alto" si sovrappone al precedente (da 60 a 69).'],
    ],
    ['no questions', (q) => (q.questions = []), ['questions: Il test deve avere almeno una domanda.']],
    [
      'no outcomes',
      (q) => (q.bands = []),
      [expect.stringMatching(/^bands: /), "bands: Gli esiti non coprono l'intervallo 0–100."],
    ],
    [
      'points that are text',
      (q) => ((q.questions[0].options[0] as { points: unknown }).points = '3'),
      ['questions.0.options.0.points: points deve essere un numero finito.'],
    ],
  ])('reports %s', (_name, change, expected) => {
    expect(messages(change)).toEqual(expected);
  });

  it('accepts outcomes listed in any order, and a one-point outcome', () => {
    expect(
      messages((q) => {
        q.bands = [q.bands[2], q.bands[0], q.bands[1]];
        q.bands[0].min = 100;
        q.bands[2].max = 99;
      }),
    ).toEqual([]);
  });

  it('reports each structural issue as a custom issue', () => {
    const quiz = structuredClone(smallQuiz());
    quiz.bands[1].id = 'basso';
    expect(quizSchema.safeParse(quiz).error?.issues.map((i) => i.code)).toEqual(['custom']);
  });

  it.each<[string, (q: QuizInput) => void, RegExp]>([
    ['an id ending in a slash', (q) => (q.questions[0].id = 'q1/'), /questions\.0\.id: Un id usa solo/],
    ['an id of 65 characters', (q) => (q.id = 'a'.repeat(65)), /^id: Un id usa solo/],
    ['a blank label', (q) => (q.questions[0].options[0].label = '   '), /questions\.0\.options\.0\.label/],
    ['a blank link', (q) => (q.bands[0].cta.href = '  '), /bands\.0\.cta\.href/],
    ['a blank version', (q) => (q.version = '  '), /^version/],
    ['a blank title', (q) => (q.title = ' '), /^title/],
    ['an unknown place for the result', (q) => ((q as { fullResult: string }).fullResult = 'mai'), /^fullResult/],
  ])('rejects %s', (_case, change, expected) => {
    expect(messages(change).join('\n')).toMatch(expected);
  });

  it('trims texts, keeps the chosen place of the result and has no categories unless given', () => {
    const input = structuredClone(smallQuiz());
    input.title = '  Prova  ';
    input.version = ' 2 ';
    input.fullResult = 'before-form';
    input.bands[0].cta.href = ' /contatti/ ';
    delete input.categories;
    for (const q of input.questions) delete q.category;
    const quiz = quizSchema.parse(input);
    expect(quiz).toMatchObject({ title: 'Prova', version: '2', fullResult: 'before-form', categories: [] });
    expect(quiz.bands[0].cta).toEqual({ label: 'l', href: '/contatti/' });
  });

  it('accepts an id of 64 characters', () => {
    expect(messages((q) => (q.id = 'a'.repeat(64)))).toEqual([]);
  });
});

describe('the next step of an outcome', () => {
  it('accepts a call-back request, a booking page and reading, and reading per category defaults to none', () => {
    expect(
      messages((q) => {
        q.bands[0].nextStep = { kind: 'richiamami', title: 'Scegli quando chiamarti' };
        q.bands[1].nextStep = {
          kind: 'prenota',
          title: 'Prenota',
          href: 'https://cal.example.it/sv',
          label: 'Prenota',
        };
      }),
    ).toEqual([]);
    const quiz = quizSchema.parse(smallQuiz());
    expect(quiz.categories[0].reading).toEqual([]);
  });

  it('refuses a booking step without its page, naming the outcome', () => {
    expect(
      messages((q) => {
        q.bands[0].nextStep = { kind: 'prenota', title: 'Prenota' };
      }),
    ).toEqual([
      `bands.0.nextStep.href: L'esito "${smallQuiz().bands[0].id}" propone una prenotazione: serve l'indirizzo della pagina (href).`,
    ]);
  });

  it('refuses a booking page that is not a full address, and an unknown kind', () => {
    expect(
      messages((q) => {
        q.bands[0].nextStep = { kind: 'prenota', title: 'Prenota', href: '/prenota' };
      }),
    ).toEqual(['bands.0.nextStep.href: href deve essere un indirizzo completo (https://…).']);
    expect(
      messages((q) => {
        q.bands[0].nextStep = { kind: 'telegramma' as never, title: 'x' };
      }),
    ).toHaveLength(1);
  });
});
