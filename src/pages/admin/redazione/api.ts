import type { APIRoute } from 'astro';
import { handleEditorRequest } from '../../../server/cms/editor.ts';
import { methodNotAllowed } from '../../../server/http/form-endpoint.ts';

export const prerender = false;

/** The web editor's backend: the guard has checked the session, the role and the CSRF header. */
export const POST: APIRoute = ({ locals }) => {
  const admin = locals.admin;
  const request = locals.request;
  if (!admin || !request) return new Response(null, { status: 401 });
  return handleEditorRequest(request.body, { user: admin.user, name: admin.name });
};

export const GET = methodNotAllowed;
