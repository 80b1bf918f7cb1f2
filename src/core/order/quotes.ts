// Russian quotation marks: «ёлочки» outside, „лапки“ inside (the typographic rule for a quote
// within a quote), so «Подготовка приказа «О внедрении …»» reads «Подготовка приказа „О внедрении …“».

/** Wraps text in «…», turning the quotes inside it into „…“ (straight quotes become proper ones). */
export function quote(text: string): string {
  return `«${nestInner(text)}»`;
}

/** Quotes inside an already quoted text: «…» and "…" → „…“. */
export function nestInner(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '«' || (ch === '"' && depth === 0)) {
      depth++;
      out += '„';
    } else if ((ch === '»' || ch === '"') && depth > 0) {
      depth--;
      out += '“';
    } else out += ch;
  }
  return out;
}
