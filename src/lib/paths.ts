import { slugify } from './format/slug.ts';

/*
 * Every article, tag and comment URL the site builds, in one place: pages, feeds, the team area, the comment
 * endpoint and the editor's preview links all ask here instead of writing `/blog/${id}/` themselves.
 */

/** The list of all articles; page 2 and after are `/blog/2/`. */
export function blogPath(page = 1): string {
  return page > 1 ? `/blog/${page}/` : '/blog/';
}

/** An article's page. */
export function articlePath(id: string): string {
  return `/blog/${id}/`;
}

/** An article's comments page (the plain-HTML form posts there and reads its answer there). */
export function commentsPath(articleId: string): string {
  return `/blog/${articleId}/commenti/`;
}

/** An article's comments and form as an HTML fragment, which the article page's script puts in place. */
export function commentsSectionPath(articleId: string): string {
  return `${commentsPath(articleId)}sezione/`;
}

/** One comment, under its article. */
export function commentPath(articleId: string, commentId: number): string {
  return `${articlePath(articleId)}#commento-${commentId}`;
}

/** The index of all topics. */
export const TAG_INDEX_PATH = '/blog/tag/';

/** The page listing the articles with a tag ("Città & Società" → `/blog/tag/citta-societa/`). */
export function tagPath(tag: string): string {
  return `${TAG_INDEX_PATH}${slugify(tag)}/`;
}

const ARTICLE_PATH = /^\/blog\/([^/]+)\/$/;

/** The article's id when `pathname` is an article page (`/blog/<id>/`), otherwise `null`. */
export function articleIdFromPath(pathname: string): string | null {
  const match = ARTICLE_PATH.exec(pathname);
  if (!match || /^\d+$/.test(match[1]) || match[1] === 'tag') return null;
  return decodeURIComponent(match[1]);
}

/** The web editor of the redazione (Decap CMS), its backend and its script. */
export const EDITOR_PATH = '/admin/redazione/';
export const EDITOR_API_PATH = '/admin/redazione/api';
export const EDITOR_SCRIPT_PATH = '/admin/redazione/editor.js';
