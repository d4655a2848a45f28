import type { Runtime } from '../runtime.ts';
import { isLeadStatus } from '../../lib/leads/pipeline.ts';
import { withoutUnseen } from '../../lib/text/characters.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the team does on a lead's page: save its place in the pipeline (status, owner,
 * follow-up day), add a note, or put a failed notification back in the queue. Every
 * change goes in the lead's history and in the audit log. Returns the Italian message
 * the page shows.
 */
export async function applyLeadAction(rt: Runtime, id: string, form: URLSearchParams, actor: string): Promise<string> {
  const action = form.get('azione');
  const audit = (what: string, detail: Record<string, unknown>) =>
    rt.audit.record({ actor, action: what, target: id, detail });

  if (action === 'salva') {
    const status = form.get('stato') ?? '';
    const owner = form.get('responsabile') ?? '';
    const followUp = form.get('ricontatto') ?? '';
    if (!isLeadStatus(status)) return 'Stato non valido: ricarica la pagina.';
    if (followUp && !DAY.test(followUp)) return 'Data di ricontatto non valida.';
    if (owner && !(await rt.team.members()).some((m) => m.user === owner)) return 'Responsabile non valido.';
    const changed = [
      (await rt.leads.setStatus(id, status, actor)) && 'stato',
      (await rt.leads.setOwner(id, owner || null, actor)) && 'responsabile',
      (await rt.leads.setFollowUp(id, followUp || null, actor)) && 'ricontatto',
    ].filter(Boolean);
    if (changed.length)
      await audit('lead-update', { changed, status, owner: owner || null, followUp: followUp || null });
    return changed.length ? 'Salvato.' : 'Nessuna modifica.';
  }
  if (action === 'nota') {
    const text = withoutUnseen(form.get('nota') ?? '').trim();
    if (!text) return 'Scrivi la nota prima di salvarla.';
    if (text.length > 2000) return 'La nota può avere al massimo 2.000 caratteri.';
    await rt.leads.addNote(id, text, actor);
    await audit('lead-note', {});
    return 'Nota aggiunta.';
  }
  if (action === 'riprova') {
    const delivery = Number(form.get('notifica'));
    if (Number.isInteger(delivery) && (await rt.outbox.retry(delivery))) {
      void rt.worker.kick();
      await audit('delivery-retry', { delivery });
      return 'Notifica rimessa in coda.';
    }
    return 'Questa notifica non è da riprovare.';
  }
  return 'Azione sconosciuta.';
}
