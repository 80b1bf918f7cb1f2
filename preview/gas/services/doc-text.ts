// Google Docs' replaceText/findText: the pattern is a string in RE2 syntax (a JavaScript RegExp
// covers what add-ons use); the replacement follows Java's Matcher.replaceAll, where `$n` inserts
// a group and `\` escapes the next character, so user text must be escaped before it goes in.
// Reference: https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)

/** Compiles a Docs search pattern. RE2's inline (?i) flag at the start is honoured. */
export function docsRegex(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'gu';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  try {
    return new RegExp(source, flags);
  } catch {
    throw new Error(`Invalid regular expression pattern ${pattern}`);
  }
}

/** Expands a Java replacement string for one match. */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\') {
      i += 1;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      i += 1;
      const d = replacement[i];
      if (d === undefined || !/[0-9]/.test(d)) throw new Error('Illegal group reference');
      let group = Number(d);
      // Like Java: take further digits while they still name an existing group.
      while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1]!) && group * 10 + Number(replacement[i + 1]) < match.length) {
        i += 1;
        group = group * 10 + Number(replacement[i]);
      }
      if (group >= match.length) throw new Error(`No group ${group}`);
      out += match[group] ?? '';
    } else {
      out += c;
    }
  }
  return out;
}

/** Replaces every match in text; returns the new text (unchanged when nothing matched). */
export function replaceAll(text: string, pattern: string, replacement: string): string {
  const re = docsRegex(pattern);
  let out = '';
  let last = 0;
  let matched = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    matched = true;
    out += text.slice(last, m.index) + expandReplacement(String(replacement), m);
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return matched ? out + text.slice(last) : text;
}

/** Escapes text for use as a literal replacement (the counterpart of Java's Matcher.quoteReplacement). */
export function quoteReplacement(text: string): string {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}
