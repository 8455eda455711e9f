/**
 * Whether a JSON text nests arrays and objects deeper than `max`, found by one pass over its
 * characters (strings skipped, escapes honoured) before anything recurses over it: a 5 kB body
 * of 3,000 brackets otherwise overflows the stack of the DTO transformer.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
