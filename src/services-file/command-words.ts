// A `command` written as a string is split into words as Compose splits it
// (SPEC §17): at white space, with '...' and "..." grouping and a backslash
// taking the next character as it is; no shell runs, nothing is expanded
// (["sh", "-c", "..."] is the way to a shell).

export type Words = { readonly words: string[] } | { readonly error: string };

export function commandWords(text: string): Words {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\' && quote === '"') {
      const next = text[i + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        word += next;
        i += 1;
      } else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= text.length) return { error: 'ends with a lone backslash' };
      word = (word ?? '') + text[i + 1];
      i += 1;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== undefined) return { error: `has an unclosed ${quote}` };
  if (word !== undefined) words.push(word);
  return { words };
}
