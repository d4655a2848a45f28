import { describe, it, expect } from 'vitest';
import { heldCommentEmail } from '../../../src/lib/notify/comment-notification.ts';

const comment = {
  id: 7,
  articleTitle: 'Definizione di Networking',
  name: 'Anna',
  email: 'anna@example.it',
  text: 'Primo paragrafo.\n\nSecondo.',
};

describe('the email about a held comment', () => {
  it('names the article, the author and how to approve it; the text follows', () => {
    const mail = heldCommentEmail({ ...comment, site: 'https://anna.it', reason: 'primo commento' });
    expect(mail.subject).toBe('Commento da moderare su «Definizione di Networking» da Anna');
    expect(mail.text).toBe(
      [
        'Articolo: Definizione di Networking',
        'Autore: Anna',
        'Email: anna@example.it',
        'Sito: https://anna.it',
        'Motivo: primo commento',
        'Per approvarlo: npm run comments -- approve 7',
        '',
        'Primo paragrafo.',
        '',
        'Secondo.',
      ].join('\n'),
    );
    expect(mail.html.split('\n')).toEqual([
      '<h1>Commento da moderare su «Definizione di Networking» da Anna</h1>',
      '<table>',
      '<tr><th align="left">Articolo</th><td>Definizione di Networking</td></tr>',
      '<tr><th align="left">Autore</th><td>Anna</td></tr>',
      '<tr><th align="left">Email</th><td>anna@example.it</td></tr>',
      '<tr><th align="left">Sito</th><td>https://anna.it</td></tr>',
      '<tr><th align="left">Motivo</th><td>primo commento</td></tr>',
      '<tr><th align="left">Per approvarlo</th><td>npm run comments -- approve 7</td></tr>',
      '</table>',
      '<pre style="white-space:pre-wrap;font-family:inherit">Primo paragrafo.',
      '',
      'Secondo.</pre>',
    ]);
  });

  it('shows a dash for no site and no reason', () => {
    const { text } = heldCommentEmail(comment);
    expect(text).toContain('\nSito: —\nMotivo: —\n');
  });

  it('escapes what the commenter wrote, in every field', () => {
    const mail = heldCommentEmail({
      ...comment,
      articleTitle: 'Q&A',
      name: '<b>Eve</b>',
      site: 'https://x.it/?a="1"',
      text: "<img src=x onerror='alert(1)'>",
    });
    expect(mail.html).toContain('<h1>Commento da moderare su «Q&amp;A» da &lt;b&gt;Eve&lt;/b&gt;</h1>');
    expect(mail.html).toContain('<td>https://x.it/?a=&quot;1&quot;</td>');
    expect(mail.html).toContain('>&lt;img src=x onerror=&#39;alert(1)&#39;&gt;</pre>');
    expect(mail.html).not.toMatch(/<(b|img)[ >]/);
  });
});
