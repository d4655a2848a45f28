import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizSchema, type Quiz, type QuizInput } from '../../src/lib/quiz/schema.ts';
import { ROOT } from './paths.ts';

/** The real test, as marketers wrote it in `content/quiz/test-gratuito.yaml`. */
export function loadRealQuiz(): Quiz {
  return quizSchema.parse(parse(readFileSync(`${ROOT}content/quiz/test-gratuito.yaml`, 'utf8')));
}

/** A small valid test to vary in unit tests. */
export function smallQuiz(): QuizInput {
  return {
    id: 'prova',
    version: '1',
    title: 'Prova',
    intro: 'Un test di prova.',
    categories: [
      { id: 'a', label: 'Categoria A' },
      { id: 'b', label: 'Categoria B' },
    ],
    questions: [
      {
        id: 'q1',
        text: 'Prima?',
        category: 'a',
        options: [
          { id: 'no', label: 'No', points: 0 },
          { id: 'si', label: 'Sì', points: 10 },
        ],
      },
      {
        id: 'q2',
        text: 'Seconda?',
        type: 'multiple',
        weight: 2,
        category: 'b',
        options: [
          { id: 'x', label: 'X', points: 3 },
          { id: 'y', label: 'Y', points: 2 },
          { id: 'z', label: 'Z', points: -1 },
        ],
      },
      {
        id: 'q3',
        text: 'Facoltativa?',
        required: false,
        options: [
          { id: 'poco', label: 'Poco', points: 1 },
          { id: 'molto', label: 'Molto', points: 5 },
        ],
      },
    ],
    bands: [
      { id: 'basso', min: 0, max: 39, title: 'Basso', summary: 's', body: 'b', cta: { label: 'l', href: '/' } },
      { id: 'medio', min: 40, max: 69, title: 'Medio', summary: 's', body: 'b', cta: { label: 'l', href: '/' } },
      { id: 'alto', min: 70, max: 100, title: 'Alto', summary: 's', body: 'b', cta: { label: 'l', href: '/' } },
    ],
  };
}
