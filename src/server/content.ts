import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Quiz } from '../lib/quiz/schema.ts';
import type { PageData } from '../lib/content/page-schema.ts';
import { missingCompanyFields, type Company } from '../lib/content/company-schema.ts';
import { SITE } from '../site.config.ts';
import { pickTestimonials } from '../lib/content/testimonial-schema.ts';
import { isArticleId } from '../lib/ids.ts';

/*
 * The one door to content entries: every page and endpoint reads the test, the privacy
 * notice and articles through here, and a missing one fails with one clear error
 * instead of a `!` or a silent empty value in each place.
 */

/** Content the site cannot work without is missing or incomplete: names the file to fix. */
export class ContentMissing extends Error {
  constructor(file: string, what: string) {
    super(`${file}: ${what}`);
  }
}

/** The free test (`content/quiz/test-gratuito.yaml`). */
export async function getQuiz(): Promise<Quiz> {
  const entry = await getEntry('quiz', 'test-gratuito');
  if (!entry) throw new ContentMissing('content/quiz/test-gratuito.yaml', 'manca il file del test gratuito.');
  return entry.data;
}

/** The privacy notice (`content/pages/privacy.mdx`), with the version every form records. */
export async function getPrivacyNotice(): Promise<PageData & { version: string }> {
  const entry = await getEntry('pages', 'privacy');
  if (!entry) throw new ContentMissing('content/pages/privacy.mdx', "manca l'informativa privacy.");
  const { version } = entry.data;
  if (!version)
    throw new ContentMissing(
      'content/pages/privacy.mdx',
      'manca `version`: ogni contatto e ogni commento registrano la versione dell’informativa.',
    );
  return { ...entry.data, version };
}

const COMPANY_FILE = 'content/azienda/azienda.yaml';
let companyWarned = false;

/**
 * Who the company is (`content/azienda/azienda.yaml`). Without the file the brand alone is
 * known. Once per process (so once per build) it warns of what is missing: those fields
 * are left off the pages, and the team area's summary lists them too.
 */
export async function getCompany(): Promise<Company> {
  const company = (await getEntry('azienda', 'azienda'))?.data ?? { nome: SITE.name, social: [] };
  const missing = missingCompanyFields(company);
  if (missing.length && !companyWarned) {
    companyWarned = true;
    console.warn(
      `[azienda] ${COMPANY_FILE}: mancano ${missing.join(', ')}. Il sito non li mostra finché non li aggiungi.`,
    );
  }
  return company;
}

/** The testimonials to show (`content/testimonianze/`), at most `limit`; none is fine. */
export async function getTestimonials(limit = 3) {
  return pickTestimonials(
    (await getCollection('testimonianze')).map((t) => t.data),
    limit,
  );
}

/** The consultant who calls prospects back (`content/consulente/`), or null: none is fine. */
export async function getConsultant() {
  const [first] = await getCollection('consulente');
  return first?.data ?? null;
}

/**
 * A published article (in `npm run dev`, drafts and scheduled ones too) that the site itself refers to: a
 * missing one is a content mistake, named with its file. Ids that come from visitors go to `getArticleInfo`.
 */
export async function getArticle(id: string): Promise<CollectionEntry<'articles'>> {
  const entry = await getEntry('articles', id);
  if (!entry) throw new ContentMissing(`content/articles/${id}.mdx`, 'l’articolo non esiste o non è pubblicato.');
  return entry;
}

/** What the comment endpoint and pages need to know of an article. */
export interface ArticleInfo {
  id: string;
  title: string;
  comments: boolean;
  pubDate: Date;
}

/** A published article by id, or null (an unknown id is the visitor's mistake, not missing content). */
export async function getArticleInfo(id: unknown): Promise<ArticleInfo | null> {
  if (!isArticleId(id)) return null;
  const article = await getEntry('articles', id);
  return article
    ? { id: article.id, title: article.data.title, comments: article.data.comments, pubDate: article.data.pubDate }
    : null;
}

/** The published articles' ids and titles, newest first (filters and links of the team area). */
export async function listArticles(): Promise<{ id: string; title: string }[]> {
  const articles = await getCollection('articles');
  return articles
    .sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime())
    .map((a) => ({ id: a.id, title: a.data.title }));
}

/**
 * What every page prints from content beyond its own props: the footer's company details and year, the comment
 * form's notice version. Part of each cached page's key (`lib/articles/page-key.ts`), so an incremental build
 * renders every page again when one of them changes.
 */
export async function getPageContext(): Promise<Record<string, string | number>> {
  const [notice, company] = await Promise.all([getPrivacyNotice(), getCompany()]);
  return { privacyVersion: notice.version, company: JSON.stringify(company), year: new Date().getFullYear() };
}
