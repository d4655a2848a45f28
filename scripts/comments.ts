/**
 * Moderates comments from a terminal (the team area does it too; reads DATABASE_URL or DATA_DIR):
 *   npm run comments -- list [--pending]
 *   npm run comments -- approve ID | spam ID | delete ID
 */
import { parseArgs } from 'node:util';
import { cliSettings, fail, openExisting } from './lib/cli.ts';
import { CommentStore, type CommentStatus } from '../src/server/storage/comment-store.ts';
import { printable } from '../src/lib/text/characters.ts';
import { reasonLabel } from '../src/lib/abuse/reasons.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { pending: { type: 'boolean', default: false } },
});
const [command, rawId] = positionals;
const db = await openExisting(cliSettings());
const store = new CommentStore(db);

if (command === 'list') {
  const comments = await store.list({ status: values.pending ? 'pending' : undefined });
  for (const c of comments) {
    // Stored text is shown, never run: an escape sequence in a comment must not reach the terminal.
    const text = printable(c.text.replace(/\s+/g, ' '));
    console.log(
      `#${c.id} [${c.status}${c.reason ? `: ${reasonLabel(c.reason)}` : ''}] ${c.createdAt} /blog/${c.articleId}/ ${printable(c.name)} <${printable(c.email)}>${c.parentId ? ` ↳ #${c.parentId}` : ''}\n    ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`,
    );
  }
  console.log(`${comments.length} comments${values.pending ? ' pending' : ''}`);
} else if (command === 'approve' || command === 'spam' || command === 'delete') {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0)
    fail(`${command}: give the comment's number, e.g. npm run comments -- ${command} 12`);
  const status: Record<string, CommentStatus> = { approve: 'approved', spam: 'spam', delete: 'trash' };
  if (!(await store.setStatus(id, status[command], new Date()))) fail(`No comment #${id}.`);
  console.log(`#${id} → ${status[command]}`);
} else {
  fail('Usage: npm run comments -- list [--pending] | approve ID | spam ID | delete ID');
}
await db.close();
