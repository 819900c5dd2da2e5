/**
 * Text from Cal.com, AISquare or the user between FSI and PDI, isolated (as `<bdi>`) inside a label's
 * sentence. Every call site of a label function applies it, so an override receives it isolated too.
 */
export function isolate(text: string): string {
  // A PDI in the text with no isolate of its own to close would close this one, and an override
  // after it would reverse the rest of the sentence: such a PDI is dropped, and isolates the text
  // opens are closed before this one is. (Embeddings and overrides end at the closing PDI anyway.)
  let open = 0;
  let out = '';
  for (const char of text) {
    if (char === '\u2069') {
      if (open === 0) continue;
      open -= 1;
    } else if (char >= '\u2066' && char <= '\u2068') open += 1;
    out += char;
  }
  return `\u2068${out}${'\u2069'.repeat(open)}\u2069`;
}
