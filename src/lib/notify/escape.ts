/** Text for HTML: `& < > " '` escaped, so a visitor's words stay words. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One line for an email header: no line breaks a visitor could use to add headers. */
export const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
