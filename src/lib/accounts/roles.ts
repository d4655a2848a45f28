/**
 * Who may do what in the team area. Each member has one role; each route of the area
 * needs one permission (or only a session), and the guard checks every request against
 * this table, so a page cannot forget its check.
 */
export const ROLES = ['titolare', 'commerciale', 'redazione'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  titolare: 'titolare (tutto, gestisce le persone)',
  commerciale: 'commerciale (contatti)',
  redazione: 'redazione (commenti e contenuti)',
};

export type Permission =
  /** See and work the leads: search, pipeline, notes, owner, follow-up, CSV export. */
  | 'leads'
  /** Moderate comments and reply as the site. */
  | 'comments'
  /** Scheduled articles and publishing. */
  | 'publishing'
  /** Write articles, the test and the privacy notice in the web editor (every save is a commit). */
  | 'content'
  /** Access and erasure requests. */
  | 'privacy'
  /** Add members, change roles, disable accounts. */
  | 'people'
  /** Read and export the audit log. */
  | 'audit';

const GRANTS: Record<Role, readonly Permission[]> = {
  titolare: ['leads', 'comments', 'publishing', 'content', 'privacy', 'people', 'audit'],
  commerciale: ['leads'],
  redazione: ['comments', 'publishing', 'content'],
};

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/**
 * The routes of the team area and the permission each needs; `null`: any signed-in
 * member (the summary, their own account, signing out). Paths end with `/`.
 */
export const ADMIN_ROUTES: { pattern: RegExp; permission: Permission | null }[] = [
  { pattern: /^\/admin\/$/, permission: null },
  { pattern: /^\/admin\/account\/$/, permission: null },
  { pattern: /^\/admin\/esci\/$/, permission: null },
  { pattern: /^\/admin\/contatti\/$/, permission: 'leads' },
  { pattern: /^\/admin\/contatti\/esporta\.csv\/?$/, permission: 'leads' },
  { pattern: /^\/admin\/contatti\/[^/]+\/$/, permission: 'leads' },
  { pattern: /^\/admin\/statistiche\/$/, permission: 'leads' },
  { pattern: /^\/admin\/statistiche\/esporta\.csv\/?$/, permission: 'leads' },
  { pattern: /^\/admin\/commenti\/$/, permission: 'comments' },
  { pattern: /^\/admin\/pubblicazione\/$/, permission: 'publishing' },
  { pattern: /^\/admin\/redazione\/$/, permission: 'content' },
  { pattern: /^\/admin\/redazione\/api\/$/, permission: 'content' },
  { pattern: /^\/admin\/redazione\/anteprima\/$/, permission: 'content' },
  { pattern: /^\/admin\/privacy\/$/, permission: 'privacy' },
  { pattern: /^\/admin\/privacy\/esporta\.json\/?$/, permission: 'privacy' },
  { pattern: /^\/admin\/persone\/$/, permission: 'people' },
  { pattern: /^\/admin\/registro\/$/, permission: 'audit' },
  { pattern: /^\/admin\/registro\/esporta\.csv\/?$/, permission: 'audit' },
];

/**
 * What a path of the team area needs: a permission, `null` (a session only), or
 * `undefined` for a path the table does not know, which the guard refuses.
 */
export function permissionFor(path: string): Permission | null | undefined {
  return ADMIN_ROUTES.find((r) => r.pattern.test(path))?.permission;
}

/** Whether a member with `role` may open `path`. */
export function mayOpen(role: Role, path: string): boolean {
  const needed = permissionFor(path);
  // Stryker disable next-line ConditionalExpression: can(role, undefined) is false as well; the check is for the types.
  return needed === null || (needed !== undefined && can(role, needed));
}
