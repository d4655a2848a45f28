import { z } from '../zod.ts';
import { createArticleSchema } from './article-schema.ts';
import { pageSchema } from './page-schema.ts';
import { quizSchema } from '../quiz/schema.ts';
import { companySchema } from './company-schema.ts';
import { createTestimonialSchema } from './testimonial-schema.ts';
import { createConsultantSchema } from './consultant-schema.ts';
import type { SourceFormat } from './source-check.ts';

/** A folder of `content/` and how its files are checked before Astro reads them. */
export interface SourceFolder {
  /** The folder under the content root. */
  folder: string;
  /** File names it holds. */
  extensions: readonly string[];
  format: SourceFormat;
  /** The collection's schema; the cover's `image()` stands as a string here (Astro checks the file itself). */
  schema: z.ZodType;
}

/** Every content collection's files: the build and `npm run dev` check them all the same way. */
export const SOURCE_FOLDERS: readonly SourceFolder[] = [
  { folder: 'articles', extensions: ['.mdx'], format: 'frontmatter', schema: createArticleSchema(() => z.string()) },
  { folder: 'pages', extensions: ['.mdx'], format: 'frontmatter', schema: pageSchema },
  { folder: 'quiz', extensions: ['.yaml', '.yml'], format: 'yaml', schema: quizSchema },
  { folder: 'azienda', extensions: ['.yaml', '.yml'], format: 'yaml', schema: companySchema },
  {
    folder: 'testimonianze',
    extensions: ['.yaml', '.yml'],
    format: 'yaml',
    schema: createTestimonialSchema(() => z.string()),
  },
  {
    folder: 'consulente',
    extensions: ['.yaml', '.yml'],
    format: 'yaml',
    schema: createConsultantSchema(() => z.string()),
  },
];
