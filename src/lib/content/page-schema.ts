import { z } from '../zod.ts';
import { strictObject } from './strict.ts';

/** Frontmatter of a static page in `content/pages/` (e.g. the privacy notice). */
/** Unknown keys are errors (`strict.ts`), so a misspelt `version` cannot go unnoticed. */
export const pageSchema = strictObject({
  /** The page's title, shown as its heading and in search results. */
  title: z.string().trim().min(3),
  /** The summary shown in search results. */
  description: z.string().trim().min(20).max(160),
  /**
   * A version id for texts that forms must record (the privacy notice: each lead and
   * comment stores the version its author was shown). Change it whenever the text changes.
   */
  version: z.string().trim().min(1).optional(),
  /** The date of the last change of the text. */
  updatedDate: z.coerce.date().optional(),
  /** Marks a text not yet approved by the legal advisor; the page says so in a banner. */
  pendingLegalReview: z.boolean().default(false),
});

export type PageData = z.output<typeof pageSchema>;
