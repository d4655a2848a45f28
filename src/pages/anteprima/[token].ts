import type { APIRoute } from 'astro';
import { getRuntime } from '../../server/runtime.ts';
import { previewResponse } from '../../server/cms/preview.ts';
import { readPreviewToken } from '../../lib/cms/preview.ts';

export const prerender = false;

/** A draft's shareable preview (`/anteprima/<token>/`), made in /admin/redazione/anteprima/: noindex, expiring. */
export const GET: APIRoute = async ({ params }) => {
  const { config, signingKey } = await getRuntime();
  return previewResponse(config.contentRoot, readPreviewToken(signingKey, params.token ?? '', new Date()));
};
