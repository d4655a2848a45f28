import { z } from 'zod';

/*
 * Every schema of the site speaks Italian: marketers read these messages when a
 * frontmatter is wrong, prospects read them next to a form field. Importing `z`
 * from here makes sure the locale is set first.
 *
 * `zod` is declared in package.json at the version Astro itself depends on, so npm keeps one copy and
 * `astro/zod` (what `image()` in content.config.ts builds with) is this same module: pure logic in src/lib
 * does not depend on Astro. tests/unit/content/zod-copy.test.ts fails if the two ever diverge.
 */
z.config(z.locales.it());

export { z };
