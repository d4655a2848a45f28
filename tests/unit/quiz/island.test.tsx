// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import QuizForm from '../../../src/components/quiz/QuizForm.tsx';
import { quizSchema } from '../../../src/lib/quiz/schema.ts';
import { leadPayloadSchema } from '../../../src/lib/leads/lead-schema.ts';
import { smallQuiz } from '../../support/quiz-fixtures.ts';

const quiz = quizSchema.parse(smallQuiz());
const props = {
  quiz,
  endpoint: '/api/leads',
  privacy: { version: '2026-11-29', textId: 'lead-privacy-v2', text: 'Informativa breve.' },
  marketing: { textId: 'lead-marketing-v2', text: 'Voglio ricevere email.' },
};
const stored = { id: 'L1', outcome: { id: 'alto', title: 'Alto', summary: 's', body: 'b' }, score: { percent: 90 } };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

type Reply = Response | Promise<Response> | Error;
let fetchMock: ReturnType<typeof vi.fn>;
/** What the lead endpoint answers, one reply per POST; the start token is always served. */
let replies: Reply[];
const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
beforeEach(() => {
  sessionStorage.clear();
  replies = [];
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/leads/token') return json(200, { token: 'token-firmato' });
    expect(init?.method).toBe('POST');
    const reply = replies.shift() ?? new Error('no reply queued');
    if (reply instanceof Error) throw reply;
    return reply;
  });
  vi.stubGlobal('fetch', fetchMock);
  beacons = vi.fn(() => true);
  Object.defineProperty(navigator, 'sendBeacon', { value: beacons, configurable: true });
});
let beacons: ReturnType<typeof vi.fn>;
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Avanti' }));
const back = () => fireEvent.click(screen.getByRole('button', { name: 'Indietro' }));
const choose = (label: string) => fireEvent.click(screen.getByLabelText(label));
/** Waits for the progress line to read `text` (the live region says it too). */
const onStep = (text: string) => screen.findByText(text, { selector: '.quiz__step' });
const heading = () => screen.getAllByRole('heading', { level: 2 })[0];

async function mount() {
  const view = render(<QuizForm {...props} />);
  await onStep('Domanda 1 di 3');
  return view;
}

async function answerAll() {
  choose('Sì');
  next();
  await onStep('Domanda 2 di 3');
  choose('X');
  next();
  await onStep('Domanda 3 di 3');
  next();
  await onStep('Ultimo passo');
}

function fillContact(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values))
    fireEvent.input(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
}

const goodContact = { Nome: 'Mario', Cognome: 'Rossi', Email: 'mario@azienda.it', Azienda: 'Rossi Srl' };

describe('on the server', () => {
  it('draws the island’s first question alone, as the island will', () => {
    const html = renderToString(<QuizForm {...props} />);
    expect(html).toContain('<form class="quiz" method="post" action="/api/leads" novalidate');
    expect(html.match(/<fieldset/g)).toHaveLength(1);
    expect(html).toContain('id="domanda-q1"');
    expect(html).toContain('<p class="quiz__step">Domanda 1 di 3</p><progress max="4" value="1"');
    expect(html).toContain('>Avanti</button>');
    expect(html).not.toContain('name="email"');
  });

  it('prefixes the question ids of the plain form that sits beside it', () => {
    const html = renderToString(<QuizForm {...props} plain idPrefix="senza-js-" />);
    expect(html.match(/id="senza-js-domanda-q\d"/g)).toEqual([
      'id="senza-js-domanda-q1"',
      'id="senza-js-domanda-q2"',
      'id="senza-js-domanda-q3"',
    ]);
    expect(html).not.toMatch(/id="domanda-/);
  });

  it('is, as the plain form, a complete form that posts every question and the contact fields', () => {
    const html = renderToString(<QuizForm {...props} plain />);
    expect(html).toContain('<form class="quiz quiz--plain" method="post" action="/api/leads"');
    expect(html.match(/<fieldset/g)).toHaveLength(3);
    for (const name of [
      'q.q1',
      'q.q2',
      'q.q3',
      'nome',
      'cognome',
      'email',
      'telefono',
      'azienda',
      'piva',
      'marketing',
      'privacy_version',
      'quiz_version',
      'website',
    ]) {
      expect(html).toContain(`name="${name}"`);
    }
    expect(html).not.toContain('checked');
    expect(html).not.toContain('class="result');
    expect(html).toContain('Invia e scopri il risultato');
  });
});

describe('the island', () => {
  it('moves on after a tap that came before it woke up, counting the steps in order', async () => {
    render(<QuizForm {...props} />);
    // Hydrated, not yet awake (that takes a task): the tap is not undone by the wake-up.
    choose('Sì');
    next();
    await onStep('Domanda 2 di 3');
    expect(beacons.mock.calls.map(([, body]) => body)).toEqual(['prova|1|0||', 'prova|1|1||']);
  });

  it('shows one question per screen with its progress', async () => {
    await mount();
    expect(screen.getAllByRole('group')).toHaveLength(1);
    expect(heading().textContent).toBe('Prima?');
    expect(screen.getByRole('progressbar', { name: 'Avanzamento del test' }).getAttribute('value')).toBe('1');
  });

  it('explains an unanswered required question instead of moving on', async () => {
    await mount();
    next();
    const message = await screen.findByText('Scegli una risposta per continuare.', { selector: '.field__error' });
    expect(screen.getByRole('group').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByText('Domanda 1 di 3', { selector: '.quiz__step' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Scegli una risposta per continuare.');
  });

  it('moves focus to the next question and keeps answers when going back', async () => {
    await mount();
    choose('Sì');
    next();
    await onStep('Domanda 2 di 3');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Seconda?'));
    back();
    await onStep('Domanda 1 di 3');
    expect((screen.getByLabelText('Sì') as HTMLInputElement).checked).toBe(true);
  });

  it('resumes where the prospect was after a reload, and starts afresh on Ricomincia', async () => {
    const first = await mount();
    choose('No');
    next();
    await onStep('Domanda 2 di 3');
    choose('Y');
    first.unmount();

    render(<QuizForm {...props} />);
    await onStep('Domanda 2 di 3');
    expect((screen.getByLabelText('Y') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Ricomincia' }));
    await onStep('Domanda 1 di 3');
    expect((screen.getByLabelText('No') as HTMLInputElement).checked).toBe(false);
  });

  it('shows Italian errors next to the contact fields and focuses the first one', async () => {
    await mount();
    await answerAll();
    fillContact({ Nome: 'Mario', Email: 'mario@', 'Partita IVA': '12345678901' });
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    const cognome = screen.getByLabelText('Cognome');
    await waitFor(() => expect(document.activeElement).toBe(cognome));
    expect(cognome.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cognome.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Inserisci il cognome.',
    );
    expect(
      screen.getByText('Inserisci un indirizzo email valido, per esempio nome@azienda.it.', {
        selector: '.field__error',
      }),
    ).toBeTruthy();
    expect(
      screen.getByText('Questa partita IVA non è valida: controlla le cifre.', { selector: '.field__error' }),
    ).toBeTruthy();
    expect(posts()).toHaveLength(0);
  });

  it('sends nothing before submit, then a payload the server schema accepts', async () => {
    await mount();
    await answerAll();
    fillContact(goodContact);
    // Only the start token was asked for: it carries nothing about the prospect.
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/leads/token']);
    replies.push(json(201, stored));
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    await screen.findByRole('heading', { name: 'Alto' });
    expect(posts()).toHaveLength(1);
    const [url, init] = posts()[0];
    expect(url).toBe('/api/leads');
    const body = leadPayloadSchema.parse(JSON.parse(init.body));
    expect(body).toMatchObject({
      quizId: 'prova',
      quizVersion: '1',
      answers: { q1: ['si'], q2: ['x'] },
      consent: { marketing: false },
    });
    expect(body.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(body.startToken).toBe('token-firmato');
  });

  it('keeps the input on a network error and retries with the same idempotency key', async () => {
    await mount();
    await answerAll();
    fillContact(goodContact);
    replies.push(new TypeError('offline'), json(201, stored));
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    await screen.findByRole('alert');
    expect((screen.getByLabelText('Nome') as HTMLInputElement).value).toBe('Mario');
    fireEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    await screen.findByRole('heading', { name: 'Alto' });
    const keys = posts().map(([, init]) => JSON.parse(init.body).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends once on a double click', async () => {
    await mount();
    await answerAll();
    fillContact(goodContact);
    let release: (r: Response) => void = () => {};
    replies.push(new Promise<Response>((resolve) => (release = resolve)));
    const button = screen.getByRole('button', { name: 'Invia e scopri il risultato' });
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText('Invio in corso…', { selector: 'button' });
    fireEvent.click(button);
    release(json(201, stored));
    await screen.findByRole('heading', { name: 'Alto' });
    expect(posts()).toHaveLength(1);
  });

  it('opens the result page the server signed, and shows a link back to it on return', async () => {
    const go = vi.fn();
    render(<QuizForm {...props} go={go} />);
    await onStep('Domanda 1 di 3');
    await answerAll();
    fillContact(goodContact);
    const path = '/test-gratuito/risultato/?id=L1&scade=1&firma=x';
    replies.push(json(201, { ...stored, emailed: true, resultPath: path }));
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    await screen.findByRole('link', { name: 'Rivedi il tuo risultato: Alto' });
    expect(go).toHaveBeenCalledWith(path);
    expect(screen.getByRole('link', { name: 'Rivedi il tuo risultato: Alto' }).getAttribute('href')).toBe(path);
    fireEvent.click(screen.getByRole('button', { name: 'Rifai il test' }));
    await onStep('Domanda 1 di 3');
  });

  it('without a result page (a hosted endpoint), shows the result in place, with levels and no score', async () => {
    await mount();
    await answerAll();
    fillContact(goodContact);
    replies.push(json(201, { ...stored, emailed: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    await screen.findByRole('heading', { name: 'Alto' });
    expect(screen.getByText(/Ti abbiamo inviato il risultato all’indirizzo mario@azienda\.it\./)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/su 100/);
  });

  it('counts each step once, when first reached, in an anonymous beacon', async () => {
    await mount();
    choose('Sì');
    next();
    await onStep('Domanda 2 di 3');
    back();
    await onStep('Domanda 1 di 3');
    next();
    await onStep('Domanda 2 di 3');
    expect(beacons.mock.calls).toEqual([
      ['/api/leads/funnel', 'prova|1|0||'],
      ['/api/leads/funnel', 'prova|1|1||'],
    ]);
  });

  it("shows the server's field errors", async () => {
    await mount();
    await answerAll();
    fillContact(goodContact);
    replies.push(
      json(422, { error: 'Controlla i campi evidenziati.', errors: { email: 'Questo indirizzo non riceve email.' } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Invia e scopri il risultato' }));
    await screen.findByText('Questo indirizzo non riceve email.', { selector: '.field__error' });
    expect(screen.getByRole('status').textContent).toBe('Controlla i campi evidenziati.');
  });
});
