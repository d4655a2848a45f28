/**
 * Posts a comment on the founding article as a reader's browser would (JSON, same origin, with the start token
 * its comments page hands out and the notice version it shows), and returns the endpoint's answer.
 */
export async function postComment(siteUrl: string, fields: Record<string, string>): Promise<Response> {
  const page = await (await fetch(`${siteUrl}/blog/definizione-di-networking/commenti/`)).text();
  const start_token = /name="start_token" value="([^"]+)"/.exec(page)![1];
  return fetch(`${siteUrl}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: siteUrl },
    body: JSON.stringify({
      articolo: 'definizione-di-networking',
      privacy_version: '2026-11-29',
      ...fields,
      start_token,
    }),
  });
}
