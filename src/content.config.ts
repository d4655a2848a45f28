import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createArticleSchema } from './lib/content/article-schema.ts';
import { pageSchema } from './lib/content/page-schema.ts';
import { quizSchema } from './lib/quiz/schema.ts';
import { companySchema } from './lib/content/company-schema.ts';
import { createTestimonialSchema } from './lib/content/testimonial-schema.ts';
import { createConsultantSchema } from './lib/content/consultant-schema.ts';
import { publishedOnly } from './lib/articles/published-loader.ts';
import { surviveInDev } from './build/survive-in-dev.ts';

/*
 * CONTENT_ROOT lets tests and benchmarks build a copy of the content (with draft
 * fixtures, or thousands of generated articles) without touching `content/`.
 */
const root = process.env.CONTENT_ROOT ?? './content';
const dev = import.meta.env.DEV;

const articles = defineCollection({
  loader: surviveInDev(
    publishedOnly(glob({ pattern: '**/*.mdx', base: `${root}/articles` }), dev),
    dev,
    `${root}/articles`,
  ),
  schema: ({ image }) => createArticleSchema(image),
});

const pages = defineCollection({
  loader: surviveInDev(glob({ pattern: '**/*.mdx', base: `${root}/pages` }), dev, `${root}/pages`),
  schema: pageSchema,
});

/** The free test: one YAML file per test (`content/quiz/test-gratuito.yaml`). */
const quiz = defineCollection({
  loader: surviveInDev(glob({ pattern: '*.{yaml,yml}', base: `${root}/quiz` }), dev, `${root}/quiz`),
  schema: quizSchema,
});

/** Who the company is: one YAML file (`content/azienda/azienda.yaml`), read by `getCompany()`. */
const azienda = defineCollection({
  loader: surviveInDev(glob({ pattern: '*.{yaml,yml}', base: `${root}/azienda` }), dev, `${root}/azienda`),
  schema: companySchema,
});

/** Clients' testimonials: one YAML file each (`content/testimonianze/`), with an optional photo beside it. */
const testimonianze = defineCollection({
  loader: surviveInDev(glob({ pattern: '*.{yaml,yml}', base: `${root}/testimonianze` }), dev, `${root}/testimonianze`),
  schema: ({ image }) => createTestimonialSchema(image),
});

/** Who calls prospects back (optional): one YAML file (`content/consulente/`), with an optional photo beside it. */
const consulente = defineCollection({
  loader: surviveInDev(glob({ pattern: '*.{yaml,yml}', base: `${root}/consulente` }), dev, `${root}/consulente`),
  schema: ({ image }) => createConsultantSchema(image),
});

export const collections = { articles, pages, quiz, azienda, testimonianze, consulente };
