import type { APIRoute } from 'astro';
import { editorPage } from '../../../server/cms/editor-page.ts';
import { editorBackend } from '../../../server/cms/editor.ts';
import { EDITOR_API_PATH, EDITOR_SCRIPT_PATH } from '../../../lib/paths.ts';

export const prerender = false;

/**
 * The web editor (Decap CMS). An endpoint rather than a page: the editor needs its own Content-Security-Policy
 * (CSS-in-JS), and Astro's hashed policy on pages cannot allow inline styles.
 */
export const GET: APIRoute = ({ locals }) => {
  const admin = locals.admin;
  if (!admin) return new Response(null, { status: 401 });
  return editorPage({
    proxyUrl: EDITOR_API_PATH,
    csrf: admin.csrf,
    scriptPath: EDITOR_SCRIPT_PATH,
    enabled: editorBackend() !== null,
  });
};
