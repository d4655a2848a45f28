import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { parse } from 'yaml';
// Decap's own slug function (what `{{slug}}` goes through), light enough to load outside the browser.
// @ts-expect-error: the package ships no types
import { sanitizeSlug } from 'decap-cms-core/dist/esm/lib/urlHelper.js';
import { z } from '../../../src/lib/zod.ts';
import { ARTICLE_FIELDS, PAGE_FIELDS, QUIZ_FIELDS, cmsConfig, type CmsField } from '../../../src/lib/cms/config.ts';
import { createArticleSchema } from '../../../src/lib/content/article-schema.ts';
import { pageSchema } from '../../../src/lib/content/page-schema.ts';
import { headTagSchema } from '../../../src/lib/content/head-schema.ts';
import { contentFolderOf, coverPathOf, mayWrite } from '../../../src/lib/cms/requests.ts';
import { isArticleId } from '../../../src/lib/ids.ts';
import { slugify } from '../../../src/lib/format/slug.ts';
import {
  bandSchema,
  categorySchema,
  nextStepSchema,
  optionSchema,
  questionSchema,
  quizSchema,
} from '../../../src/lib/quiz/schema.ts';

// The cover's `image()` stands as a string the test can recognise.
const IMAGE = z.string();
const articleSchema = createArticleSchema(() => IMAGE);
const names = (fields: CmsField[]) => fields.map((f) => f.name);
const keys = (schema: { shape: object }) => Object.keys(schema.shape);
const sub = (fields: CmsField[] | undefined, name: string) => fields?.find((f) => f.name === name)?.fields;

describe('the editor’s fields are the schemas’ keys (they cannot drift)', () => {
  it.each([
    ['article', ARTICLE_FIELDS, keys(articleSchema)],
    ['page', PAGE_FIELDS, keys(pageSchema)],
  ])('%s: every frontmatter key, in the same order, then the body', (_, fields, schemaKeys) => {
    expect(names(fields)).toEqual([...schemaKeys, 'body']);
  });

  it('an article’s head tags', () => {
    expect(names(sub(ARTICLE_FIELDS, 'head') ?? [])).toEqual(keys(headTagSchema));
  });

  it('the free test, down to each option and outcome', () => {
    expect(names(QUIZ_FIELDS)).toEqual(keys(quizSchema));
    expect(names(sub(QUIZ_FIELDS, 'categories') ?? [])).toEqual(keys(categorySchema));
    const questions = sub(QUIZ_FIELDS, 'questions');
    expect(names(questions ?? [])).toEqual(keys(questionSchema));
    expect(names(sub(questions, 'options') ?? [])).toEqual(keys(optionSchema));
    const bands = sub(QUIZ_FIELDS, 'bands');
    expect(names(bands ?? [])).toEqual(keys(bandSchema));
    expect(names(sub(bands, 'cta') ?? [])).toEqual(keys(bandSchema.shape.cta));
    expect(names(sub(bands, 'nextStep') ?? [])).toEqual(keys(nextStepSchema));
    expect(names(sub(sub(QUIZ_FIELDS, 'categories'), 'reading') ?? [])).toEqual(
      keys(categorySchema.shape.reading.unwrap().element),
    );
  });

  it('a field is required exactly when the schema needs a value, at every level', () => {
    const required = (schema: z.ZodObject) =>
      Object.entries(schema.shape)
        .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
        .map(([k]) => k);
    const marked = (fields: CmsField[]) =>
      fields.filter((f) => f.required !== false && f.name !== 'body').map((f) => f.name);
    expect(marked(ARTICLE_FIELDS)).toEqual(required(articleSchema));
    expect(marked(PAGE_FIELDS)).toEqual(required(pageSchema));
    expect(marked(QUIZ_FIELDS)).toEqual(required(quizSchema));
    for (const { path, field, schema } of ALL.filter((p) => p.schema))
      expect(field.required !== false, path).toBe(!schema!.safeParse(undefined).success);
  });
});

describe('the editor’s configuration', () => {
  const config = cmsConfig('/admin/redazione/api');
  type Folder = Extract<(typeof config.collections)[number], { folder: string }>;
  const articles = config.collections[0] as Folder;
  const files: { name: string; label: string; file: string; format?: string; fields: CmsField[] }[] =
    config.collections.flatMap((c) => c.files ?? []);

  it('uses our endpoint, simple publishing and Italian', () => {
    expect(config.backend).toMatchObject({ name: 'proxy', proxy_url: '/admin/redazione/api', branch: 'main' });
    expect(config.publish_mode).toBe('simple');
    expect(config.locale).toBe('it');
  });

  it('edits the files the site reads', () => {
    const files = config.collections.flatMap((c) => (c.files ? c.files.map((f) => f.file) : [c.folder]));
    expect(files).toEqual(['content/articles', 'content/pages/privacy.mdx', 'content/quiz/test-gratuito.yaml']);
  });

  it('is all in code: no config.yml to fetch, links within this site, no deploy previews', () => {
    expect(config.load_config_file).toBe(false);
    expect([config.site_url, config.display_url]).toEqual(['/', '/']);
    expect(config.show_preview_links).toBe(false);
  });

  it('names collections and files for addresses, and labels them in Italian', () => {
    const named = [...config.collections, ...files];
    for (const { name, label } of named) {
      expect(name).toMatch(/^[a-z][a-z-]*$/);
      expect(label).toMatch(/^[A-Z]/);
    }
    expect(new Set(named.map((c) => c.name)).size).toBe(named.length);
  });

  it('articles: new files where the site and the content check read them, listed by title and date', () => {
    const source = contentFolderOf(`${articles.folder}/nuovo.${articles.extension}`)!;
    expect(mayWrite(`${articles.folder}/nuovo.${articles.extension}`)).toBe('source');
    expect(articles.format).toBe(source.format);
    expect(articles.create).toBe(true);
    // Decap says “Nuovo articolo” and writes it into commit messages mid-sentence.
    expect(articles.label_singular).toMatch(/^[a-z]+$/);
    expect([...articles.summary.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])).toEqual(['title', 'pubDate']);
    expect(articles.sortable_fields).toContain('pubDate');
    for (const name of articles.sortable_fields) expect(names(ARTICLE_FIELDS)).toContain(name);
  });

  it('the privacy notice and the test: files the backend may write, each read as the content check reads it', () => {
    expect(files.length).toBe(2);
    for (const file of files) {
      expect(mayWrite(file.file)).toBe('source');
      // Decap's default format is a frontmatter; a YAML file must say so.
      expect(file.format ?? 'frontmatter').toBe(contentFolderOf(file.file)!.format);
      expect(names(file.fields)).toEqual(file.format === 'yaml' ? names(QUIZ_FIELDS) : names(PAGE_FIELDS));
    }
  });

  it('a cover uploaded in the form lands beside its article, written as the guide writes it', () => {
    // A collection's relative media folder is relative to the entry: '' is the article's own folder.
    const saved = posix.join(articles.folder, articles.media_folder, 'foto.jpg');
    expect(mayWrite(saved)).toBe('image');
    const written = `${articles.public_folder}foto.jpg`; // the value Decap puts in `cover:`
    expect(written).toMatch(/^\.\//); // as `cover: "./stretta-di-mano.jpg"`: relative to the article, for image()
    expect(coverPathOf(`${articles.folder}/a.mdx`, `---\ncover: "${written}"\n---\n`)).toBe(saved);
    // The media library outside an article (Decap's global folder) is the articles' folder too.
    expect(mayWrite(posix.join(config.media_folder, 'foto.jpg'))).toBe('image');
    expect(config.public_folder).toBe(articles.public_folder);
  });

  // What Decap does to a title before `sanitizeSlug` (decap-cms-core, lib/formatters.js, `prepareSlug`).
  const decapSlug = (title: string): string =>
    sanitizeSlug(title.trim().toLocaleLowerCase().replace(/'/g, '').replace(/\./g, '-'), config.slug);

  it.each([
    ['Perché la fiducia è tutto', 'perche-la-fiducia-e-tutto'],
    ['Città & Società: 10 idee', 'citta-societa-10-idee'],
    ['Networking 2.0', 'networking-2-0'],
    ['  Più   spazi  ', 'piu-spazi'],
    ["L'arte della relazione", 'larte-della-relazione'], // Decap drops the apostrophe; the site's tags split there
  ])('a new article titled %j is saved as %s.mdx, a valid id', (title, id) => {
    const file = articles.slug.replace('{{slug}}', decapSlug(title));
    expect(file).toBe(id);
    expect(isArticleId(file)).toBe(true);
    if (!title.includes("'")) expect(file).toBe(slugify(title)); // the same words as the site's own addresses
  });

  it('commits in Italian, naming what changed (Decap reads `backend.commit_messages`)', () => {
    const messages = config.backend.commit_messages;
    // As Decap fills them (decap-cms-core, lib/formatters.js, commitMessageFormatter): the collection by its
    // singular label, else its label.
    const fill = (template: string) =>
      template
        .replace('{{collection}}', articles.label_singular)
        .replace('{{slug}}', 'fiducia')
        .replace('{{path}}', 'content/articles/foto.jpg');
    expect(Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, fill(v)]))).toEqual({
      create: 'Crea articolo “fiducia”',
      update: 'Aggiorna articolo “fiducia”',
      delete: 'Elimina articolo “fiducia”',
      uploadMedia: 'Carica “content/articles/foto.jpg”',
      deleteMedia: 'Elimina “content/articles/foto.jpg”',
    });
  });
});

/** One field of a form and the schema of its key (none for the MDX body), down every level. */
interface Pair {
  path: string;
  field: CmsField;
  siblings: CmsField[];
  schema?: z.ZodType;
  /** 0 for a form's own fields, 1 inside a list item or an object, … */
  depth: number;
}

/** The schema under `.optional()` and `.default()`. */
function base(schema: z.ZodType): z.ZodType {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  return def.innerType && ['optional', 'default'].includes(def.type) ? base(def.innerType) : schema;
}

/** The object shape a field's subfields mirror: an object's, or a list's items'. */
function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  if (!schema) return undefined;
  const inner = base(schema);
  if (inner instanceof z.ZodArray) return shapeOf(inner.element as z.ZodType);
  if (inner instanceof z.ZodObject) return inner.shape as Record<string, z.ZodType>;
  // Any key of a record may be left out.
  if (inner instanceof z.ZodRecord) return new Proxy({}, { get: () => (inner.valueType as z.ZodType).optional() });
  return undefined;
}

function pairs(fields: CmsField[], shape: Record<string, z.ZodType>, prefix = '', depth = 0): Pair[] {
  return fields.flatMap((field) => {
    const schema = field.name === 'body' && depth === 0 && !('body' in shape) ? undefined : shape[field.name];
    const path = `${prefix}${field.name}`;
    const inner = shapeOf(schema);
    return [
      { path, field, siblings: fields, schema, depth },
      ...(field.fields && inner ? pairs(field.fields, inner, `${path}.`, depth + 1) : []),
    ];
  });
}

const FORMS = {
  article: pairs(ARTICLE_FIELDS, articleSchema.shape),
  page: pairs(PAGE_FIELDS, pageSchema.shape),
  quiz: pairs(QUIZ_FIELDS, quizSchema.shape),
};
const ALL = Object.entries(FORMS).flatMap(([form, list]) => list.map((p) => ({ ...p, path: `${form}.${p.path}` })));
const HEAD_ATTRIBUTES = 'article.head.attrs.';
const kind = (p: Pair) => (p.schema ? base(p.schema) : undefined);

/** Fields whose text is sentences to read: a box of several lines. Titles, names, ids and addresses take one. */
const MULTILINE = [
  'article.description',
  'page.description',
  'quiz.intro',
  'quiz.categories.advice',
  'quiz.categories.strength',
  'quiz.bands.summary',
  'quiz.bands.body',
  'quiz.bands.nextStep.text',
];

describe('each field’s widget fits its schema', () => {
  it('every field of the schemas is in the form (the walk misses none)', () => {
    expect(ALL.filter((p) => !p.schema).map((p) => p.path)).toEqual(['article.body', 'page.body']);
  });

  it.each(ALL.map((p) => [p.path, p] as const))('%s', (path, p) => {
    const schema = kind(p);
    const { field } = p;
    if (!schema) {
      expect(field.widget).toBe('markdown'); // the MDX body, with the blocks of cms/blocks.ts
    } else if (schema === IMAGE) {
      // A file beside the article, which the build checks: never an address typed in.
      expect(field).toMatchObject({ widget: 'image', choose_url: false });
    } else if (schema.def.type === 'string') {
      // Text, an id or an address (z.url()).
      expect(field.widget).toBe(MULTILINE.includes(path) ? 'text' : 'string');
    } else if (schema instanceof z.ZodNumber) {
      expect(field.widget).toBe('number');
      expect(field.value_type).toBe(schema.safeParse(0.5).success ? 'float' : 'int');
      // The form's bounds are the schema's: the edges pass, one step beyond does not.
      if (field.min !== undefined)
        expect([field.min - 1, field.min].map((n) => schema.safeParse(n).success)).toEqual([false, true]);
      if (field.max !== undefined)
        expect([field.max, field.max + 1].map((n) => schema.safeParse(n).success)).toEqual([true, false]);
    } else if (schema instanceof z.ZodBoolean) {
      expect(field.widget).toBe('boolean');
    } else if (schema instanceof z.ZodEnum) {
      expect(field.widget).toBe('select');
      expect(field.options).toEqual(schema.options);
    } else if (schema instanceof z.ZodDate) {
      // Stored as the content files write dates (2026-11-29), shown day first, with no time.
      expect(field).toMatchObject({
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'DD/MM/YYYY',
        time_format: false,
      });
      const stored = field.format!.replace('YYYY', '2026').replace('MM', '11').replace('DD', '29');
      expect(schema.parse(stored)).toEqual(new Date('2026-11-29'));
    } else if (schema instanceof z.ZodArray) {
      expect(field.widget).toBe('list');
      // A list of words (tags) is typed comma-separated; a list of objects is a form per item.
      expect(Boolean(field.fields)).toBe(schema.element instanceof z.ZodObject);
    } else {
      expect(schema).toBeInstanceOf(schema instanceof z.ZodRecord ? z.ZodRecord : z.ZodObject);
      expect(field.widget).toBe('object');
      expect(field.fields?.length).toBeGreaterThan(0);
    }
  });

  it.each(ALL.filter((p) => p.schema).map((p) => [p.path, p] as const))(
    '%s: the schema’s default, if a value',
    (_, p) => {
      const parsed = p.schema!.safeParse(undefined);
      const value = parsed.success ? parsed.data : undefined;
      // Decap fills a new item with it; an empty list or object needs no default.
      expect(p.field.default).toEqual(typeof value === 'object' ? undefined : value);
    },
  );

  it('offers the head attributes the guide’s examples use, and they make valid tags', () => {
    const offered = ALL.filter((p) => p.path.startsWith(HEAD_ATTRIBUTES)).map((p) => p.field.name);
    const guide = readFileSync(new URL('../../../docs/guida-redazione.md', import.meta.url), 'utf8');
    const example = /```yaml\n(head:\n[\s\S]*?)```/.exec(guide)![1];
    const tags = (parse(example) as { head: { tag: string; attrs: Record<string, string> }[] }).head;
    expect(tags.length).toBeGreaterThan(2);
    for (const tag of tags) {
      const kept = Object.fromEntries(Object.entries(tag.attrs).filter(([k]) => offered.includes(k)));
      expect(headTagSchema.safeParse({ ...tag, attrs: kept }).success, JSON.stringify(tag)).toBe(true);
    }
    for (const p of ALL.filter((q) => q.path.startsWith(HEAD_ATTRIBUTES)))
      expect(p.field).toEqual({ name: p.field.name, label: p.field.name, widget: 'string', required: false });
  });
});

describe('each field speaks to the redazione', () => {
  it.each(ALL.map((p) => [p.path, p] as const))('%s has its own label, in words', (path, { field, siblings }) => {
    expect(field.label.trim()).not.toBe('');
    // An attribute of a head tag is named as HTML names it; every other label is Italian words, not the key.
    if (path.startsWith(HEAD_ATTRIBUTES)) expect(field.label).toBe(field.name);
    else expect(field.label).toMatch(/^[A-ZÀ-Ú]/);
    expect(siblings.filter((s) => s.label === field.label)).toHaveLength(1);
  });

  it('a hint explains each rule the form itself cannot show, in one sentence', () => {
    const hinted = ALL.filter((p) => p.field.hint !== undefined);
    expect(hinted.map((p) => p.path)).toEqual([
      'article.title', // its length
      'article.description', // its length, and where it shows
      'article.pubDate', // a future date schedules the article
      'article.tags', // how many
      'article.coverAlt', // needed with a cover
      'page.version', // recorded by every contact
      'quiz.version', // recorded by every lead
    ]);
    for (const { field } of hinted) expect(field.hint).toMatch(/^[A-Z].{10,}\.$/);
  });

  it.each(ALL.filter((p) => /\d/.test(p.field.hint ?? '')).map((p) => [p.path, p] as const))(
    '%s: the numbers in its hint are the schema’s',
    (_, { field, schema }) => {
      const range = /Da (\d+) a (\d+) caratteri/.exec(field.hint!);
      const most = /Al massimo (\d+)/.exec(field.hint!);
      expect(range ?? most).not.toBeNull();
      const ok = (value: unknown) => schema!.safeParse(value).success;
      if (range) {
        const [min, max] = [Number(range[1]), Number(range[2])];
        expect([min - 1, min, max, max + 1].map((n) => ok('x'.repeat(n)))).toEqual([false, true, true, false]);
      } else {
        const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`);
        expect([Number(most![1]), Number(most![1]) + 1].map((n) => ok(tags(n)))).toEqual([true, false]);
      }
    },
  );

  it.each(ALL.filter((p) => p.field.widget === 'list' && p.field.fields).map((p) => [p.path, p] as const))(
    '%s: each item is summed up by its own fields',
    (_, { field }) => {
      const named = [...(field.summary ?? '').matchAll(/\{\{fields\.(\w+)\}\}/g)].map((m) => m[1]);
      expect(named.length).toBeGreaterThan(0);
      for (const name of named) expect(names(field.fields!)).toContain(name);
    },
  );

  it('the long lists start folded, and the optional next step; a list inside an item stays open', () => {
    const lists = ALL.filter((p) => p.field.widget === 'list' && p.field.fields && p.depth === 0).map((p) => p.path);
    expect(lists.length).toBeGreaterThan(3);
    expect(ALL.filter((p) => p.field.collapsed).map((p) => p.path)).toEqual([...lists, 'quiz.bands.nextStep']);
  });
});
