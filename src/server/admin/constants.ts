/** The team area's session cookie. */
export const SESSION_COOKIE = 'sv_admin';
/** The sign-in page, the one team-area page open without a session. */
export const LOGIN_PATH = '/admin/accesso/';
/** Each member's own page: password, daily summary, signing out everywhere. */
export const ACCOUNT_PATH = '/admin/account/';
