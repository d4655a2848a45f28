import { readSettings } from '../settings.ts';
import { cmsRequestSchema } from '../../lib/cms/requests.ts';
import { GitBackend, type Editor } from './git-backend.ts';
import { json } from '../http/responses.ts';

let backend: GitBackend | null | undefined;

/** The editor's git clone (`CMS_REPO_DIR`), or null when the editor is off. */
export function editorBackend(): GitBackend | null {
  if (backend === undefined) {
    const repo = readSettings().CMS_REPO_DIR;
    backend = repo ? new GitBackend(repo) : null;
  }
  return backend;
}

/**
 * Asks `npm start`'s supervisor (our parent, over IPC) to build and switch to a new release: the saved change
 * goes online in the time of a build. Without a supervisor (`npm run serve`) nothing is published by itself.
 */
function askToPublish(reason: string): boolean {
  if (!process.send) return false;
  process.send({ type: 'publish', reason });
  return true;
}

/** One request of Decap CMS's `proxy` backend, from a signed-in member whose role may edit content. */
export async function handleEditorRequest(body: string, editor: Editor): Promise<Response> {
  const cms = editorBackend();
  if (!cms) return json(503, { error: 'L’editor non è attivo su questo server (manca CMS_REPO_DIR).' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return json(400, { error: 'Richiesta non valida.' });
  }
  const request = cmsRequestSchema.safeParse(parsed);
  if (!request.success) return json(422, { error: 'Richiesta dell’editor non riconosciuta.' });
  const answer = await cms.handle(request.data, editor);
  if (answer.status === 200 && answer.saved) {
    askToPublish(`redazione: ${editor.name} ha salvato ${answer.saved}`);
  }
  return json(answer.status, answer.body, { 'Cache-Control': 'no-store' });
}
