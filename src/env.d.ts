declare namespace App {
  interface Locals {
    /** Set by the lead endpoint when the plain form must be shown again with its errors. */
    leadForm?: import('./server/leads/handle-lead.ts').FormRetry;
    /** Set by the comment endpoint when the plain comment form must be shown again with its errors. */
    commentForm?: import('./server/comments/handle-comment.ts').CommentFormRetry;
    /** The client and the body of an on-demand request, set by the gate (`server/http/gate.ts`) before any route. */
    request?: import('./server/http/gate.ts').RequestInfo;
    /** The signed-in team member, set by the team area's guard. */
    admin?: {
      user: string;
      name: string;
      role: import('./lib/accounts/roles.ts').Role;
      csrf: string;
      /** Must be replaced before anything else (set by the titolare). */
      temporaryPassword: boolean;
    };
  }
}
