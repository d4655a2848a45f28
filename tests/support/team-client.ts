/**
 * A browser-like client of the team area over HTTP: keeps its session cookie, sends the
 * site's Origin, posts forms, finds the page's CSRF token. `seen` collects every body it
 * read, for tests that check what pages never show.
 */
export function teamClient(base: () => string, seen: string[] = []) {
  let cookie = '';
  return {
    async fetch(p: string, init: RequestInit = {}) {
      const res = await fetch(base() + p, {
        redirect: 'manual',
        ...init,
        headers: { Origin: base(), ...(cookie && { Cookie: cookie }), ...(init.headers as Record<string, string>) },
      });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0].endsWith('=') ? '' : set.split(';')[0];
      return res;
    },
    async text(p: string, init: RequestInit = {}) {
      const res = await this.fetch(p, init);
      const body = await res.text();
      seen.push(body);
      return { res, body };
    },
    async post(p: string, fields: Record<string, string | string[]>) {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
      return this.text(p, {
        method: 'POST',
        body: form.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    },
    async signIn(user: string, password: string) {
      return this.post('/admin/accesso/', { utente: user, password });
    },
    async csrf(p = '/admin/') {
      const found = /name="csrf" value="([^"]+)"/.exec((await this.text(p)).body);
      if (!found) throw new Error(`no CSRF token on ${p}`);
      return found[1];
    },
  };
}

export type TeamClient = ReturnType<typeof teamClient>;
