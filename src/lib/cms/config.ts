/*
 * Decap CMS's configuration, as data: the collections the redazione edits in /admin/redazione/ and their fields.
 * Every field mirrors a key of the content schemas (src/lib/content/, src/lib/quiz/schema.ts):
 * tests/unit/cms/config.test.ts fails when one side gains or loses a key, so the form and the schema cannot
 * drift. The schemas stay the judge: the server checks each save with them (src/server/cms/git-backend.ts).
 */

/** One Decap field (the subset we use). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: string[];
  fields?: CmsField[];
  field?: CmsField;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  date_format?: string;
  time_format?: string | boolean;
  format?: string;
  summary?: string;
  collapsed?: boolean;
  choose_url?: boolean;
}

const text = (name: string, label: string, extra: Partial<CmsField> = {}): CmsField => ({
  name,
  label,
  widget: 'string',
  ...extra,
});
const optional = { required: false };

/** An article's frontmatter fields, then its body. */
export const ARTICLE_FIELDS: CmsField[] = [
  text('title', 'Titolo', { hint: 'Da 5 a 120 caratteri.' }),
  text('description', 'Descrizione', {
    widget: 'text',
    hint: 'Da 50 a 160 caratteri: compare su Google e nei link condivisi.',
  }),
  {
    name: 'pubDate',
    label: 'Data di pubblicazione',
    widget: 'datetime',
    format: 'YYYY-MM-DD',
    date_format: 'DD/MM/YYYY',
    time_format: false,
    hint: 'Una data futura programma l’articolo: va online da solo quel giorno.',
  },
  {
    name: 'updatedDate',
    label: 'Ultimo aggiornamento importante',
    widget: 'datetime',
    format: 'YYYY-MM-DD',
    date_format: 'DD/MM/YYYY',
    time_format: false,
    ...optional,
  },
  text('author', 'Autore', { default: 'Segnalazione Vincente', ...optional }),
  { name: 'tags', label: 'Argomenti', widget: 'list', hint: 'Al massimo 8, separati da virgole.', ...optional },
  { name: 'cover', label: 'Immagine di copertina', widget: 'image', choose_url: false, ...optional },
  text('coverAlt', 'Descrizione della copertina', {
    hint: 'Obbligatoria se c’è la copertina: cosa si vede, per chi non la vede.',
    ...optional,
  }),
  { name: 'draft', label: 'Bozza (non pubblicare)', widget: 'boolean', default: false, ...optional },
  { name: 'comments', label: 'Commenti aperti', widget: 'boolean', default: true, ...optional },
  {
    name: 'head',
    label: 'Tag per Google e i social (avanzato)',
    widget: 'list',
    summary: '{{fields.tag}}',
    collapsed: true,
    ...optional,
    fields: [
      { name: 'tag', label: 'Tag', widget: 'select', options: ['meta', 'link', 'title'] },
      {
        name: 'attrs',
        label: 'Attributi',
        widget: 'object',
        // A title tag has none: Decap would otherwise refuse to save one with its attributes left empty.
        ...optional,
        // A free record in the schema; the form offers the attributes the guide's examples use.
        fields: ['name', 'property', 'content', 'rel', 'href'].map((a) => text(a, a, optional)),
      },
      text('content', 'Testo (solo per title)', optional),
    ],
  },
  { name: 'body', label: 'Testo', widget: 'markdown' },
];

/** The static pages' fields (the privacy notice). */
export const PAGE_FIELDS: CmsField[] = [
  text('title', 'Titolo'),
  text('description', 'Descrizione', { widget: 'text' }),
  text('version', 'Versione', { hint: 'Cambiala a ogni modifica del testo: ogni contatto la registra.', ...optional }),
  {
    name: 'updatedDate',
    label: 'Ultima modifica',
    widget: 'datetime',
    format: 'YYYY-MM-DD',
    date_format: 'DD/MM/YYYY',
    time_format: false,
    ...optional,
  },
  {
    name: 'pendingLegalReview',
    label: 'In attesa di revisione legale',
    widget: 'boolean',
    default: false,
    ...optional,
  },
  { name: 'body', label: 'Testo', widget: 'markdown' },
];

const quizId = (label = 'Id (non cambiarlo dopo la pubblicazione)') => text('id', label);

/** The free test's fields, down to each option's points. */
export const QUIZ_FIELDS: CmsField[] = [
  quizId('Id del test'),
  text('version', 'Versione', { hint: 'Cambiala a ogni modifica di domande, risposte o punteggi.' }),
  text('title', 'Titolo della pagina'),
  text('intro', 'Introduzione', { widget: 'text' }),
  {
    name: 'fullResult',
    label: 'Risultato completo',
    widget: 'select',
    options: ['before-form', 'after-form'],
    default: 'after-form',
    ...optional,
  },
  {
    name: 'categories',
    label: 'Categorie',
    widget: 'list',
    summary: '{{fields.label}}',
    collapsed: true,
    ...optional,
    fields: [
      quizId(),
      text('label', 'Nome'),
      text('advice', 'Su cosa lavorare', { widget: 'text', ...optional }),
      text('strength', 'Quando è un punto di forza', { widget: 'text', ...optional }),
      {
        name: 'reading',
        label: 'Letture consigliate',
        widget: 'list',
        summary: '{{fields.title}}',
        ...optional,
        fields: [text('title', 'Titolo'), text('href', 'Indirizzo')],
      },
    ],
  },
  {
    name: 'questions',
    label: 'Domande',
    widget: 'list',
    summary: '{{fields.text}}',
    collapsed: true,
    fields: [
      quizId(),
      text('text', 'Domanda'),
      text('help', 'Aiuto sotto la domanda', optional),
      {
        name: 'type',
        label: 'Tipo',
        widget: 'select',
        options: ['single', 'multiple'],
        default: 'single',
        ...optional,
      },
      { name: 'required', label: 'Obbligatoria', widget: 'boolean', default: true, ...optional },
      { name: 'weight', label: 'Peso', widget: 'number', value_type: 'float', default: 1, ...optional },
      text('category', 'Categoria (id)', optional),
      {
        name: 'options',
        label: 'Risposte',
        widget: 'list',
        summary: '{{fields.label}} ({{fields.points}})',
        fields: [
          quizId(),
          text('label', 'Risposta'),
          { name: 'points', label: 'Punti', widget: 'number', value_type: 'float' },
        ],
      },
    ],
  },
  {
    name: 'bands',
    label: 'Esiti',
    widget: 'list',
    summary: '{{fields.title}} ({{fields.min}}–{{fields.max}})',
    collapsed: true,
    fields: [
      quizId(),
      { name: 'min', label: 'Da (%)', widget: 'number', value_type: 'int', min: 0, max: 100 },
      { name: 'max', label: 'A (%)', widget: 'number', value_type: 'int', min: 0, max: 100 },
      text('title', 'Titolo'),
      text('summary', 'Riassunto', { widget: 'text' }),
      text('body', 'Testo completo', { widget: 'text' }),
      {
        name: 'cta',
        label: 'Invito',
        widget: 'object',
        fields: [text('label', 'Testo del pulsante'), text('href', 'Indirizzo')],
      },
      {
        name: 'nextStep',
        label: 'Prossimo passo',
        widget: 'object',
        collapsed: true,
        ...optional,
        fields: [
          { name: 'kind', label: 'Tipo', widget: 'select', options: ['richiamami', 'prenota', 'letture'] },
          text('title', 'Titolo'),
          text('text', 'Testo', { widget: 'text', ...optional }),
          text('href', 'Pagina di prenotazione (solo prenota)', optional),
          text('label', 'Testo del pulsante (solo prenota)', optional),
        ],
      },
    ],
  },
];

/** Decap's whole configuration; `proxyUrl` is our endpoint (the guard checks session, role and CSRF there). */
export function cmsConfig(proxyUrl: string) {
  return {
    load_config_file: false,
    locale: 'it',
    backend: {
      name: 'proxy',
      proxy_url: proxyUrl,
      branch: 'main',
      // Decap reads these here, under `backend` (a top-level `commit_messages` is ignored: English messages).
      commit_messages: {
        create: 'Crea {{collection}} “{{slug}}”',
        update: 'Aggiorna {{collection}} “{{slug}}”',
        delete: 'Elimina {{collection}} “{{slug}}”',
        uploadMedia: 'Carica “{{path}}”',
        deleteMedia: 'Elimina “{{path}}”',
      },
    },
    publish_mode: 'simple',
    media_folder: 'content/articles',
    public_folder: './',
    site_url: '/',
    display_url: '/',
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articoli',
        label: 'Articoli',
        label_singular: 'articolo',
        folder: 'content/articles',
        extension: 'mdx',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        media_folder: '',
        public_folder: './',
        sortable_fields: ['pubDate', 'title'],
        summary: '{{title}} — {{pubDate}}',
        fields: ARTICLE_FIELDS,
      },
      {
        name: 'pagine',
        label: 'Pagine',
        files: [
          { name: 'privacy', label: 'Informativa privacy', file: 'content/pages/privacy.mdx', fields: PAGE_FIELDS },
        ],
      },
      {
        name: 'test',
        label: 'Test gratuito',
        files: [
          {
            name: 'test-gratuito',
            label: 'Domande, punteggi ed esiti',
            file: 'content/quiz/test-gratuito.yaml',
            format: 'yaml',
            fields: QUIZ_FIELDS,
          },
        ],
      },
    ],
  };
}
