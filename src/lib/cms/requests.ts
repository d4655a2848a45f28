import { posix } from 'node:path';
import { parse } from 'yaml';
import { z } from '../zod.ts';
import { frontmatterOf } from '../content/source-check.ts';
import { SOURCE_FOLDERS, type SourceFolder } from '../content/sources.ts';

/*
 * The requests Decap CMS's `proxy` backend sends (one JSON body per call: `{ action, params }`), as far as the
 * editor needs them in `publish_mode: simple`. Anything else is refused with a 4xx before any file is touched.
 */

const path = z.string().min(1).max(300);
const options = z
  .object({ commitMessage: z.string().max(500).optional() })
  .loose()
  .optional();
const dataFile = z.object({
  slug: z.string().max(200),
  path,
  raw: z.string().max(2_000_000),
  newPath: path.optional(),
});
const asset = z.object({ path, content: z.string().max(12_000_000), encoding: z.literal('base64') });

export const cmsRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('info') }).loose(),
  z.object({
    action: z.literal('entriesByFolder'),
    params: z.object({ folder: path, extension: z.string().max(10), depth: z.number().int().min(1).max(5) }).loose(),
  }),
  z.object({
    action: z.literal('entriesByFiles'),
    params: z.object({ files: z.array(z.object({ path, label: z.string().optional() }).loose()).max(50) }).loose(),
  }),
  z.object({ action: z.literal('getEntry'), params: z.object({ path }).loose() }),
  z.object({
    action: z.literal('persistEntry'),
    params: z
      .object({
        entry: dataFile.optional(),
        dataFiles: z.array(dataFile).max(5).optional(),
        assets: z.array(asset).max(10),
        options,
      })
      .loose(),
  }),
  z.object({ action: z.literal('getMedia'), params: z.object({ mediaFolder: path }).loose() }),
  z.object({ action: z.literal('getMediaFile'), params: z.object({ path }).loose() }),
  z.object({ action: z.literal('persistMedia'), params: z.object({ asset, options }).loose() }),
  z.object({ action: z.literal('deleteFile'), params: z.object({ path, options }).loose() }),
  z.object({ action: z.literal('deleteFiles'), params: z.object({ paths: z.array(path).max(20), options }).loose() }),
  z.object({ action: z.literal('getDeployPreview') }).loose(),
]);

export type CmsRequest = z.output<typeof cmsRequestSchema>;

/** Files the editor may read and write: content only, never code, never outside `content/`. */
const CONTENT = /^content\/(articles|pages|quiz)\/([a-z0-9][a-z0-9-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;
const BY_FOLDER: Record<string, SourceFolder> = Object.fromEntries(SOURCE_FOLDERS.map((f) => [f.folder, f]));
const IMAGE = /\.(jpe?g|png|webp|avif|gif)$/i;

/** The content folder a repository path belongs to, or null when the editor must not touch it. */
export function contentFolderOf(repoPath: string): SourceFolder | null {
  const match = CONTENT.exec(repoPath);
  if (!match || repoPath.includes('..')) return null;
  return BY_FOLDER[match[1]];
}

/** Whether the editor may write this path: a content file of its folder's kind, or an image beside articles. */
export function mayWrite(repoPath: string): 'source' | 'image' | null {
  const folder = contentFolderOf(repoPath);
  if (!folder) return null;
  if (folder.extensions.some((e) => repoPath.endsWith(e))) return 'source';
  return folder.folder === 'articles' && IMAGE.test(repoPath) ? 'image' : null;
}

/** `git commit --author`: the member's name and address (a user name without `@` gets a local address). */
export function commitAuthor(member: { name: string; user: string }): string {
  const name = member.name.replace(/[<>\n\r]/g, '').trim() || member.user;
  const email = member.user.includes('@') ? member.user : `${member.user}@redazione.invalid`;
  return `${name} <${email.replace(/[<>\s]/g, '')}>`;
}

/** The commit message: Decap's own (set in Italian by the config), one line, never empty. */
export function commitMessage(message: string | undefined, fallback: string): string {
  const line = (message ?? '').replace(/\s+/g, ' ').trim();
  return line || fallback;
}

/**
 * The repository path of an article's cover (`cover: "./foto.jpg"` beside `content/articles/a.mdx` →
 * `content/articles/foto.jpg`), or null when it has none. The schema sees only a string; the build would fail on
 * a missing file, so the editor checks it exists before saving.
 */
export function coverPathOf(articlePath: string, raw: string): string | null {
  const source = frontmatterOf(raw);
  const cover: unknown = source ? (parse(source.yaml) as Record<string, unknown> | null)?.cover : undefined;
  if (typeof cover !== 'string' || cover.trim() === '') return null;
  return posix.normalize(posix.join(posix.dirname(articlePath), cover.trim()));
}
