import type { Runtime } from '../runtime.ts';
import type { CommentStatus } from '../storage/comment-store.ts';
import { commentPayloadSchema } from '../../lib/comments/comment-schema.ts';
import { SITE } from '../../site.config.ts';
import type { ActionOutcome } from './account-actions.ts';

const STATUSES: Record<string, { status: CommentStatus; audit: string; done: string }> = {
  approva: { status: 'approved', audit: 'comment-approve', done: 'pubblicati' },
  spam: { status: 'spam', audit: 'comment-spam', done: 'segnati come spam' },
  cestina: { status: 'trash', audit: 'comment-trash', done: 'cestinati' },
};

/**
 * What the team does in the moderation queue: approve, mark as spam or trash the selected
 * comments, or reply to one as the site (published at once, threaded under it). Each goes
 * in the audit log.
 */
export async function applyCommentAction(rt: Runtime, form: URLSearchParams, actor: string): Promise<ActionOutcome> {
  const action = form.get('azione') ?? '';
  if (action === 'rispondi') {
    const parentId = Number(form.get('commento'));
    const text = commentPayloadSchema.shape.commento.safeParse(form.get('risposta') ?? '');
    if (!text.success) return { ok: false, message: text.error.issues[0]?.message ?? 'Scrivi la risposta.' };
    const reply = Number.isInteger(parentId)
      ? await rt.comments.reply(parentId, { text: text.data, siteName: SITE.name, actor })
      : null;
    if (!reply) return { ok: false, message: 'Questo commento non c’è più o non è da pubblicare.' };
    await rt.audit.record({ actor, action: 'comment-reply', target: String(parentId), detail: { reply: reply.id } });
    if (reply.approvedParent)
      await rt.audit.record({ actor, action: 'comment-approve', target: String(parentId), detail: {} });
    return {
      ok: true,
      message: reply.approvedParent
        ? 'Risposta pubblicata; il commento a cui rispondi è stato pubblicato con lei.'
        : 'Risposta pubblicata.',
    };
  }
  const change = STATUSES[action];
  if (!change) return { ok: false, message: 'Azione sconosciuta.' };
  const ids = form.getAll('id').map(Number).filter(Number.isInteger);
  if (!ids.length) return { ok: false, message: 'Seleziona almeno un commento.' };
  let done = 0;
  for (const id of ids) {
    if (!(await rt.comments.setStatus(id, change.status, new Date()))) continue;
    done++;
    await rt.audit.record({ actor, action: change.audit, target: String(id), detail: {} });
  }
  return { ok: true, message: `Commenti ${change.done}: ${done}.` };
}
