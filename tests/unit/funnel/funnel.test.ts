import { describe, it, expect } from 'vitest';
import { beaconBody, campaignOf, readBeacon } from '../../../src/lib/funnel/events.ts';
import {
  funnelCsv,
  funnelReport,
  funnelStepLabels,
  leadSources,
  type FunnelCount,
} from '../../../src/lib/funnel/report.ts';

const quiz = { id: 'test-gratuito', version: 'v1', steps: 4 };
const day = '2026-11-30';

describe('the beacon', () => {
  it('is what the island sends and what the server reads back', () => {
    const body = beaconBody(quiz, 2, { sourceArticle: 'definizione-di-networking', utm: { utm_campaign: 'Dicembre' } });
    expect(body).toBe('test-gratuito|v1|2|definizione-di-networking|Dicembre');
    expect(readBeacon(body, quiz, day)).toEqual({
      day,
      quizId: 'test-gratuito',
      quizVersion: 'v1',
      event: 'step:2',
      source: 'definizione-di-networking',
      campaign: 'dicembre',
    });
    expect(beaconBody(quiz, 0, { utm: {} })).toBe('test-gratuito|v1|0||');
  });

  it.each([
    ['another test', 'altro|v1|0||'],
    ['another version', 'test-gratuito|v0|0||'],
    ['a step the test does not have', 'test-gratuito|v1|4||'],
    ['a step that is no number', 'test-gratuito|v1|x||'],
    ['a negative step', 'test-gratuito|v1|-1||'],
    ['too many fields', 'test-gratuito|v1|0|||x'],
    ['too long a body', `test-gratuito|v1|0|${'a'.repeat(400)}|`],
  ])('ignores %s', (_, body) => {
    expect(readBeacon(body, quiz, day)).toBeNull();
  });

  it('drops a source or a campaign it cannot trust, and keeps the step', () => {
    expect(readBeacon('test-gratuito|v1|1|<script>|mario@example.it', quiz, day)).toMatchObject({
      event: 'step:1',
      source: '',
      campaign: '',
    });
    expect(readBeacon('test-gratuito|v1|1', quiz, day)).toMatchObject({ source: '', campaign: '' });
  });

  it.each([
    [undefined, ''],
    ['', ''],
    [' Newsletter_Dicembre.2026 ', 'newsletter_dicembre.2026'],
    ['con spazi', ''],
    ['-trattino', ''],
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('campaignOf(%j) = %j', (value, expected) => {
    expect(campaignOf(value)).toBe(expected);
  });
});

describe('the funnel report', () => {
  const counts: FunnelCount[] = [
    { event: 'step:0', source: 'articolo', campaign: '', hits: 6 },
    { event: 'step:0', source: '', campaign: 'dicembre', hits: 4 },
    { event: 'step:1', source: 'articolo', campaign: '', hits: 5 },
    { event: 'step:1', source: '', campaign: 'dicembre', hits: 3 },
    { event: 'step:2', source: '', campaign: '', hits: 5 },
    { event: 'submitted', source: 'articolo', campaign: '', hits: 3 },
    { event: 'submitted', source: '', campaign: '', hits: 1 },
    { event: 'outcome:alto', source: 'articolo', campaign: '', hits: 3 },
    { event: 'outcome:basso', source: '', campaign: '', hits: 1 },
  ];
  const report = funnelReport(
    counts,
    ['Domanda 1', 'Domanda 2', 'Contatti'],
    [
      { id: 'basso', title: 'Basso' },
      { id: 'alto', title: 'Alto' },
      { id: 'medio', title: 'Medio' },
    ],
  );

  it('says how many reached each step and left there, the last step against the submissions', () => {
    expect(report.steps).toEqual([
      { label: 'Domanda 1', reached: 10, left: 2 },
      { label: 'Domanda 2', reached: 8, left: 3 },
      { label: 'Contatti', reached: 5, left: 1 },
    ]);
    expect(report.submitted).toBe(4);
  });

  it('converts by source and campaign, the plain form (no start) without a rate', () => {
    expect(report.sources).toEqual([
      { source: 'articolo', campaign: '', starts: 6, submitted: 3, rate: 50 },
      { source: '', campaign: 'dicembre', starts: 4, submitted: 0, rate: 0 },
      { source: '', campaign: '', starts: 0, submitted: 1, rate: null },
    ]);
  });

  it('splits the outcomes in the test’s order, zero included', () => {
    expect(report.outcomes).toEqual([
      { id: 'basso', title: 'Basso', count: 1 },
      { id: 'alto', title: 'Alto', count: 3 },
      { id: 'medio', title: 'Medio', count: 0 },
    ]);
  });

  it('never counts a negative drop-off (a counter lost to a crash)', () => {
    const odd = funnelReport([{ event: 'step:1', source: '', campaign: '', hits: 3 }], ['A', 'B'], []);
    expect(odd.steps.map((s) => s.left)).toEqual([0, 3]);
  });

  it('sorts sources with the same starts by submissions, then by name', () => {
    const tie = funnelReport(
      [
        { event: 'submitted', source: 'b', campaign: '', hits: 1 },
        { event: 'submitted', source: 'a', campaign: '', hits: 1 },
        { event: 'submitted', source: 'c', campaign: '', hits: 2 },
      ],
      [],
      [],
    );
    expect(tie.sources.map((s) => s.source)).toEqual(['c', 'a', 'b']);
  });

  it('exports the three tables as CSV', () => {
    const csv = funnelCsv(report);
    expect(csv.startsWith('\uFEFFPasso;Arrivati;Usciti qui\r\nDomanda 1;10;2\r\n')).toBe(true);
    expect(csv).toContain('Inviati;4;\r\n');
    expect(csv).toContain('articolo;(nessuna);6;3;50\r\n');
    expect(csv).toContain('(nessuno);(nessuna);0;1;\r\n');
    expect(csv).toContain('Esito;Contatti\r\nBasso;1\r\nAlto;3\r\nMedio;0\r\n');
  });
});

describe('the steps’ names and the lead sources', () => {
  const questions = [{ text: 'Prima?' }, { text: 'Seconda?' }] as never;
  it.each([
    ['after-form', ['Domanda 1: Prima?', 'Domanda 2: Seconda?', 'Contatti']],
    ['before-form', ['Domanda 1: Prima?', 'Domanda 2: Seconda?', 'Risultato prima dei contatti', 'Contatti']],
  ] as const)('names every step of a test with fullResult %s', (fullResult, labels) => {
    expect(funnelStepLabels({ questions, fullResult })).toEqual(labels);
  });

  it('counts leads by article, campaign and outcome, the biggest source first', () => {
    expect(
      leadSources([
        { sourceArticle: 'a', utm: {}, outcome: 'alto' },
        { utm: { utm_campaign: 'dicembre' }, outcome: 'basso' },
        { sourceArticle: 'a', utm: {}, outcome: 'basso' },
        { sourceArticle: 'a', utm: {}, outcome: 'alto' },
        { sourceArticle: 'b', utm: {}, outcome: 'alto' },
      ]),
    ).toEqual([
      { source: 'a', campaign: '', total: 3, outcomes: { alto: 2, basso: 1 } },
      { source: '', campaign: 'dicembre', total: 1, outcomes: { basso: 1 } },
      { source: 'b', campaign: '', total: 1, outcomes: { alto: 1 } },
    ]);
  });
});
