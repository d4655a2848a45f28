/** The comments' heading: "Nessun commento" rather than a bare "0 commenti". */
export function commentCountLabel(count: number): string {
  if (count === 0) return 'Nessun commento';
  return count === 1 ? '1 commento' : `${count} commenti`;
}
