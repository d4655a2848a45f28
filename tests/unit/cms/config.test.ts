import { describe, it, expect } from 'vitest';
import { z } from '../../../src/lib/zod.ts';
import { ARTICLE_FIELDS, PAGE_FIELDS, QUIZ_FIELDS, cmsConfig, type CmsField } from '../../../src/lib/cms/config.ts';
import { createArticleSchema } from '../../../src/lib/content/article-schema.ts';
import { pageSchema } from '../../../src/lib/content/page-schema.ts';
import { headTagSchema } from '../../../src/lib/content/head-schema.ts';
import {
  bandSchema,
  categorySchema,
  nextStepSchema,
  optionSchema,
  questionSchema,
  quizSchema,
} from '../../../src/lib/quiz/schema.ts';

const articleSchema = createArticleSchema(() => z.string());
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

  it('a field is required exactly when the schema needs a value', () => {
    const required = (schema: z.ZodObject) =>
      Object.entries(schema.shape)
        .filter(([, s]) => !(s as z.ZodType).safeParse(undefined).success)
        .map(([k]) => k);
    const marked = (fields: CmsField[]) =>
      fields.filter((f) => f.required !== false && f.name !== 'body').map((f) => f.name);
    expect(marked(ARTICLE_FIELDS)).toEqual(required(articleSchema));
    expect(marked(PAGE_FIELDS)).toEqual(required(pageSchema));
    expect(marked(QUIZ_FIELDS)).toEqual(required(quizSchema));
  });
});

describe('the editor’s configuration', () => {
  const config = cmsConfig('/admin/redazione/api');

  it('uses our endpoint, simple publishing and Italian', () => {
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: '/admin/redazione/api', branch: 'main' });
    expect(config.publish_mode).toBe('simple');
    expect(config.locale).toBe('it');
  });

  it('edits the files the site reads', () => {
    const files = config.collections.flatMap((c) => (c.files ? c.files.map((f) => f.file) : [c.folder]));
    expect(files).toEqual(['content/articles', 'content/pages/privacy.mdx', 'content/quiz/test-gratuito.yaml']);
  });
});
