// What crosses between the add-on and the page: google.script.run's JSON rules, error messages,
// and the shim injected into the add-on's HTML.

/** Puts a script first in <head> (before the page's own scripts), or first in the document. */
export function injectScript(html: string, script: string): string {
  const tag = `<script>${script.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/** The message Sheets would show; errors come from the vm realm, so no instanceof. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = String((error as { message: unknown }).message);
    return message || String(error);
  }
  return String(error);
}

/**
 * google.script.run semantics: a Date anywhere in the result turns the whole response into null;
 * undefined in arrays becomes null; functions vanish.
 */
export function toWire(value: unknown): unknown {
  if (value === undefined) return null;
  if (containsDate(value, new Set())) return null;
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

function containsDate(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => containsDate(v, seen));
}
