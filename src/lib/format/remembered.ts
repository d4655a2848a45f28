/**
 * `format`, remembering its answer for each instant: formatting a date with ICU costs ~5 µs, and a build prints
 * every article's date a few times (~0.5 s at 5,000 articles). Forgets everything once it holds `size` instants,
 * so a long-running server, which formats every comment's date, does not grow it for ever.
 */
export function rememberedByInstant(format: (date: Date) => string, size = 10_000): (date: Date) => string {
  const known = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = known.get(time);
    if (text === undefined) {
      if (known.size >= size) known.clear();
      text = format(date);
      known.set(time, text);
    }
    return text;
  };
}
