import { Component, createRef, type ComponentChildren } from 'preact';
import type { IslandQuiz } from '../../lib/quiz/schema.ts';
import { validateAnswers, answerErrorMessage } from '../../lib/quiz/answers.ts';
import { scoreQuiz, type QuizResult } from '../../lib/quiz/score.ts';
import type { Band } from '../../lib/quiz/schema.ts';
import {
  clearProgress,
  loadProgress,
  progressKey,
  saveProgress,
  type Progress,
} from '../../lib/quiz/progress-store.ts';
import { checkContact, contactFieldError, CONTACT_FIELDS, type ContactField } from '../../lib/leads/contact-rules.ts';
import { attemptFor } from '../../lib/leads/idempotency.ts';
import { buildPayload } from '../../lib/leads/build-payload.ts';
import { beaconBody } from '../../lib/funnel/events.ts';
import { fetchStartToken, sendLead } from '../../lib/leads/send-lead.ts';
import { visitContext } from '../../lib/leads/visit-context.ts';
import { FIELD, answerField } from '../../lib/leads/form-fields.ts';
import { QuestionFieldset } from './QuestionFieldset.tsx';
import { ContactStep, type ConsentTexts } from './ContactStep.tsx';
import { QuizProgress } from './QuizProgress.tsx';
import { QuizNav } from './QuizNav.tsx';
import {
  PLAIN,
  clampStep,
  contactStep,
  flowShape,
  nextMove,
  previewStep,
  restartAnnouncement,
  stepAnnouncement,
  type FlowShape,
} from '../../lib/quiz/flow.ts';

interface Props extends ConsentTexts {
  quiz: IslandQuiz;
  /**
   * The complete plain form, every question and the contact fields on one page: rendered on the server for
   * browsers without JavaScript and when it comes back with errors, never hydrated.
   */
  plain?: boolean;
  /** Prefixes the questions' ids: the plain form inside `<noscript>` sits beside the island's first question. */
  idPrefix?: string;
  /** Opens a page (the result page once the lead is stored); tests pass their own, the page passes none. */
  go?: (path: string) => void;
  /** Where leads are posted (PUBLIC_LEADS_ENDPOINT). */
  endpoint: string;
  /** What the prospect sent, when the plain form comes back with errors. */
  initial?: Pick<Progress, 'answers' | 'contact' | 'marketing'>;
  /** The error summary, when the plain form comes back with errors (rendered on the server only). */
  children?: ComponentChildren;
  /** Errors by field name, when the plain form comes back with errors. */
  errors?: Record<string, string>;
}

interface State {
  progress: Progress;
  questionError: string | null;
  errors: Record<string, string>;
  sending: boolean;
  failure: string;
  announcement: string;
  /** The in-place result's module, imported when first needed (see ResultInPlace.tsx). */
  inPlace: typeof import('./ResultInPlace.tsx') | null;
}

const EMPTY: Progress = {
  step: 0,
  answers: {},
  contact: {},
  marketing: false,
  startToken: '',
  context: { utm: {} },
  attempt: null,
  done: null,
};

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * What the prospect already chose or typed in the plain form before the island took over
 * (a slow phone hydrates late), laid over the saved progress so no click is lost.
 */
function withTyped(progress: Progress, form: HTMLFormElement): Progress {
  const answers: Record<string, string[]> = {};
  const contact = { ...progress.contact };
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (el.name.startsWith('q.') && el.checked) (answers[el.name.slice(2)] ??= []).push(el.value);
    else if ((CONTACT_FIELDS as readonly string[]).includes(el.name) && el.value)
      contact[el.name as ContactField] = el.value;
  }
  const marketing = (form.elements.namedItem(FIELD.marketing) as HTMLInputElement | null)?.checked;
  return {
    ...progress,
    answers: { ...progress.answers, ...answers },
    contact,
    marketing: progress.marketing || Boolean(marketing),
  };
}

/**
 * The free test, one question per screen: it keeps answers in sessionStorage and posts JSON. The server renders
 * its first question (so hydrating it is cheap and nothing moves when it wakes) and, with `plain`, the complete
 * plain HTML form that posts to the lead endpoint without JavaScript (QuizPage.astro puts it in `<noscript>`).
 *
 * A class rather than hooks: it spares the page preact/hooks (1.2 KB gzip of a 15 KB budget).
 */
export default class QuizForm extends Component<Props, State> {
  state: State = {
    progress: { ...EMPTY, ...this.props.initial },
    questionError: null,
    errors: this.props.errors ?? {},
    sending: false,
    failure: '',
    announcement: '',
    inPlace: null,
  };
  heading = createRef<HTMLHeadingElement>();
  form = createRef<HTMLFormElement>();
  /** Set when the prospect navigates, so focus follows them (never on first load). */
  moved = false;
  /** Guards against a double click sending twice before the re-render. */
  inFlight = false;

  get key() {
    return progressKey(this.props.quiz.id, this.props.quiz.version);
  }
  get flow(): FlowShape {
    return flowShape(this.props.quiz);
  }

  componentDidMount() {
    // Back where the prospect left off (a reload), with what they chose before the island woke up, and the "test
    // opened" count; then the start token. Each in a task of its own after hydrating (a first fetch costs a slow
    // phone tens of milliseconds): short tasks, not one long one that blocks its taps (Lighthouse's Total Blocking
    // Time).
    setTimeout(() => {
      const saved = loadProgress(session(), this.key);
      const fresh = { ...EMPTY, context: visitContext(new URL(location.href), document.referrer) };
      const base = saved ? { ...saved, step: clampStep(this.flow, saved.step) } : fresh;
      const progress = this.form.current ? withTyped(base, this.form.current) : base;
      this.setState({ progress });
      if (!progress.startToken && !progress.done) setTimeout(() => void this.fetchStartToken());
      if (!progress.done) this.reach(progress.step, progress);
    });
  }

  /** Counts a step the first time it is reached: an anonymous beacon, no id (src/lib/funnel/events.ts). */
  reach(step: number, progress = this.state.progress) {
    if (step <= (progress.reached ?? -1)) return;
    this.update({ reached: step });
    navigator.sendBeacon?.(`${this.props.endpoint}/funnel`, beaconBody(this.props.quiz, step, progress.context));
  }

  /** Asks the server for the signed "test opened now" token; without it the lead counts as a bot's. */
  async fetchStartToken(): Promise<string> {
    const token = await fetchStartToken(this.props.endpoint);
    if (token) this.update({ startToken: token });
    return token;
  }

  componentDidUpdate(_: Props, before: State) {
    const { progress, inPlace } = this.state;
    const needsResult = (progress.done && !progress.done.resultPath) || progress.step === previewStep(this.flow);
    if (needsResult && !inPlace)
      void import('./ResultInPlace.tsx').then((module) =>
        // Focus follows the prospect to the result's heading once it is drawn.
        this.setState({ inPlace: module }, () => this.moved && this.heading.current?.focus()),
      );
    if (progress !== before.progress) saveProgress(session(), this.key, progress);
    if (this.moved && (progress.step !== before.progress.step || progress.done !== before.progress.done))
      this.heading.current?.focus();
  }

  update(change: Partial<Progress>) {
    this.setState((s) => ({ progress: { ...s.progress, ...change } }));
  }

  goTo(step: number) {
    this.reach(step);
    this.moved = true;
    this.update({ step });
    this.setState({ questionError: null, announcement: stepAnnouncement(this.flow, step) });
  }

  next() {
    const { progress } = this.state;
    const question = this.props.quiz.questions[progress.step];
    const move = nextMove(this.flow, progress.step, question, Boolean(progress.answers[question?.id]?.length));
    if (move.kind === 'go') return this.goTo(move.step);
    if (move.kind === 'submit') return void this.submit();
    const message = answerErrorMessage({ code: 'missing_answer', questionId: move.questionId });
    this.setState({ questionError: message, announcement: message });
    this.heading.current?.focus();
  }

  restart = () => {
    clearProgress(session(), this.key);
    this.moved = true;
    this.setState((s) => ({
      errors: {},
      failure: '',
      questionError: null,
      announcement: restartAnnouncement(this.flow),
      progress: { ...EMPTY, startToken: s.progress.startToken, context: s.progress.context },
    }));
  };

  onContactInput = (name: string, value: string) => {
    this.update({ contact: { ...this.state.progress.contact, [name]: value } });
    // An error shown is re-checked as the prospect corrects it.
    if (this.state.errors[name])
      this.setState((s) => ({ errors: { ...s.errors, [name]: contactFieldError(name as ContactField, value) ?? '' } }));
  };

  showErrors(found: Record<string, string | undefined>, message?: string) {
    const clean = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => Boolean(e[1])));
    const count = Object.keys(clean).length;
    // Errors about the test itself (a changed version, an answer) have no field here: say them above the button.
    const other = Object.keys(clean).find((k) => !(CONTACT_FIELDS as readonly string[]).includes(k));
    this.setState({
      errors: clean,
      failure: other ? clean[other] : '',
      announcement: message ?? `Controlla i campi evidenziati: ${count === 1 ? 'un errore' : `${count} errori`}.`,
    });
    const first = CONTACT_FIELDS.find((f) => clean[f]);
    if (first) document.getElementById(`campo-${first}`)?.focus();
  }

  async submit() {
    if (this.inFlight) return;
    const { quiz, endpoint, privacy, marketing } = this.props;
    const { progress } = this.state;
    const checkedAnswers = validateAnswers(quiz, progress.answers);
    if (!checkedAnswers.ok) {
      const first = checkedAnswers.errors[0];
      this.goTo(
        Math.max(
          0,
          quiz.questions.findIndex((q) => q.id === first.questionId),
        ),
      );
      this.setState({ questionError: answerErrorMessage(first) });
      return;
    }
    const checkedContact = checkContact(progress.contact);
    if (!checkedContact.ok) return this.showErrors(checkedContact.errors);

    const payload = buildPayload({
      quiz,
      answers: progress.answers,
      contact: progress.contact,
      privacy,
      marketing: { accepted: progress.marketing, textId: marketing.textId },
      context: progress.context,
      website: String(new FormData(this.form.current ?? undefined).get(FIELD.website) ?? ''),
    });
    const attempt = attemptFor(progress.attempt, payload);
    this.update({ attempt });
    this.inFlight = true;
    this.setState({ sending: true, failure: '', announcement: 'Invio in corso…' });
    const startToken = progress.startToken || (await this.fetchStartToken());
    const result = await sendLead(endpoint, {
      ...payload,
      idempotencyKey: attempt.key,
      startToken: startToken || undefined,
    });
    this.inFlight = false;
    this.setState({ sending: false });
    if (result.kind === 'stored') {
      this.moved = true;
      this.setState({ announcement: `Dati inviati. Esito: ${result.response.outcome.title}` });
      this.update({ done: result.response });
      // The server's result page is the one result (the same as without JavaScript, with its next step and
      // its "richiamami" form); the island only shows it in place when the endpoint gives no such page.
      const { resultPath } = result.response;
      if (resultPath) (this.props.go ?? ((path: string) => location.assign(path)))(resultPath);
    } else if (result.kind === 'invalid') {
      this.showErrors(result.errors, result.message);
    } else {
      this.setState({ failure: result.message, announcement: result.message });
    }
  }

  onSubmit = (event: Event) => {
    event.preventDefault();
    // In a task of its own: a tap that lands between hydration and the wake-up above moves on once the island is
    // awake, instead of being undone by it.
    setTimeout(() => this.next());
  };

  setAnswer = (questionId: string, chosen: string[]) => {
    this.setState({ questionError: null });
    this.setState((s) => ({ progress: { ...s.progress, answers: { ...s.progress.answers, [questionId]: chosen } } }));
  };

  render(
    { quiz, endpoint, privacy, marketing, plain, idPrefix }: Props,
    { progress, questionError, errors, sending, failure, announcement }: State,
  ) {
    const { flow, heading, form, onSubmit, setAnswer, restart } = this;
    const goTo = (step: number) => this.goTo(step);
    const update = (change: Partial<Progress>) => this.update(change);
    const onContactInput = this.onContactInput;
    const answers = progress.answers;
    const scored = () => scoreQuiz(quiz, validateAnswers(quiz, answers).ok ? answers : {});
    const { inPlace } = this.state;
    const resultView = (band: Band, result: QuizResult, thanks?: { nome?: string; emailTo?: string }) =>
      inPlace ? (
        <inPlace.ResultInPlace quiz={quiz} band={band} result={result} headingRef={heading} thanks={thanks} />
      ) : (
        <p class="result__loading">Calcolo del risultato…</p>
      );
    const live = (
      <p class="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>
    );

    const done = progress.done;
    if (done?.resultPath) {
      // Back from the result page (or while it loads): a link to it, and a way to start again.
      return (
        <div class="quiz">
          <p>
            <a href={done.resultPath}>Rivedi il tuo risultato: {done.outcome.title}</a>
          </p>
          <button type="button" class="link-button" onClick={restart}>
            Rifai il test
          </button>
          {live}
        </div>
      );
    }
    if (done) {
      const result = scored();
      const band = quiz.bands.find((b) => b.id === done.outcome.id) ?? result.band;
      return (
        <div class="quiz">
          {resultView(band, result, {
            nome: progress.contact.nome,
            emailTo: done.emailed ? progress.contact.email : undefined,
          })}
          <button type="button" class="link-button" onClick={restart}>
            Rifai il test
          </button>
          {live}
        </div>
      );
    }

    // One tree for both forms: the plain one shows every step, the island only the current.
    const step = plain ? PLAIN : progress.step;
    const shows = (index: number) => step === PLAIN || step === index;
    const preview = !plain && step === previewStep(flow) ? scored() : null;
    return (
      <form
        class={plain ? 'quiz quiz--plain' : 'quiz'}
        method="post"
        action={endpoint}
        noValidate={!plain}
        ref={form}
        onSubmit={onSubmit}
      >
        {/* The plain form's error summary, from QuizPage.astro: never in the island's JavaScript. */}
        {plain && this.props.children}
        <input type="hidden" name={FIELD.quizId} value={quiz.id} />
        <input type="hidden" name={FIELD.quizVersion} value={quiz.version} />
        <QuizProgress flow={flow} step={step} />
        {quiz.questions.map(
          (q, i) =>
            shows(i) && (
              <QuestionFieldset
                key={q.id}
                question={q}
                idPrefix={idPrefix}
                chosen={answers[q.id] ?? []}
                error={plain ? errors[answerField(q.id)] : step === i ? questionError : null}
                headingRef={step === i ? heading : undefined}
                onChange={setAnswer}
              />
            ),
        )}
        {preview && resultView(preview.band, preview)}
        {shows(contactStep(flow)) && (
          <ContactStep
            contact={progress.contact}
            marketingAccepted={progress.marketing}
            errors={errors}
            privacy={privacy}
            marketing={marketing}
            headingRef={step === contactStep(flow) ? heading : undefined}
            onInput={onContactInput}
            onMarketing={(accepted) => update({ marketing: accepted })}
          />
        )}
        {failure && (
          <p class="quiz__failure" role="alert">
            {failure}
          </p>
        )}
        <QuizNav
          flow={flow}
          step={step}
          sending={sending}
          failed={Boolean(failure)}
          onBack={goTo}
          onRestart={restart}
        />
        {live}
      </form>
    );
  }
}
