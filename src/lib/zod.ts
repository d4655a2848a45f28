import { z } from 'astro/zod';

/*
 * Every schema of the site speaks Italian: marketers read these messages when a
 * frontmatter is wrong, prospects read them next to a form field. Importing `z`
 * from here (not from `astro/zod` directly) makes sure the locale is set first.
 */
z.config(z.locales.it());

export { z };
