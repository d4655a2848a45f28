/**
 * Creates a draft article with today's date (Europe/Rome) and the file name from its title:
 *   npm run nuovo-articolo -- "Il valore delle relazioni"
 * It never overwrites an existing article.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newArticle } from '../src/lib/articles/new-article.ts';
import { isoDay } from '../src/lib/format/date.ts';
import { articlePath } from '../src/lib/paths.ts';

const folder = path.join(process.env.CONTENT_ROOT ?? 'content', 'articles');
const result = newArticle(process.argv.slice(2).join(' '), isoDay(new Date()));
if ('error' in result) {
  console.error(result.error);
  process.exit(2);
}
const file = path.join(folder, result.file);
try {
  await writeFile(file, result.text, { flag: 'wx' });
} catch (error) {
  const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
  console.error(exists ? `${file} esiste già: scegli un altro titolo o apri quel file.` : String(error));
  process.exit(1);
}
console.log(`Creato ${file} (bozza, visibile solo in anteprima: npm run dev → ${articlePath(result.id)}).`);
