// The user's own order template: documented {{placeholders}} and their values from the model, and
// the escaping that makes values come out exactly as typed.
//
// Body.replaceText(searchPattern, replacement) in DocumentApp (Google's reference): the search
// pattern is a *string holding a regular expression* in Google's RE2 dialect (not a JS RegExp, so
// backslashes must be escaped; capture groups and mode modifiers are not fully supported), matched
// independently against each text element. The reference does not define the replacement string's
// syntax (our search found no authoritative statement); the server is Java-based, and community
// reports of "$" in values breaking replaceText match java.util.regex.Matcher, where `$n` and `\`
// are special. So, defensively:
//   - escapeForReplaceText(literal) backslash-escapes every RE2 metacharacter of a literal;
//   - escapeReplacement(value) backslash-escapes `\` and `$` (what Matcher.quoteReplacement does);
//   - the path the renderer should prefer avoids the replacement string entirely:
//     body.findText(escapeForReplaceText(token)) → el.asText().deleteText(start, endInclusive)
//     + insertText(start, value), repeated with findText(pattern, from) — literal by construction.
//     `fillPlaceholders` below does the same on plain strings (preview, in-memory Apps Script).
import type { OrderDocument, ParagraphBlock, ParagraphRole } from './model';
import { blockToText } from './text';

export interface PlaceholderSpec {
  /** The text in the template, "{{Дата}}". */
  token: string;
  /** Russian description for the template's legend and the help. */
  description: string;
}

export const PLACEHOLDERS = {
  organisation: { token: '{{Организация}}', description: 'Полное наименование организации (шапка приказа, в несколько строк)' },
  organisationShort: { token: '{{Организация кратко}}', description: 'Краткое наименование организации' },
  date: { token: '{{Дата}}', description: 'Дата приказа: «7 февраля 2023 г.» или «07.02.2023» (по настройке)' },
  number: { token: '{{Номер}}', description: 'Номер приказа без знака №, например «1982» или «12-од»' },
  place: { token: '{{Место}}', description: 'Место издания, например «г. Дербент»' },
  heading: { token: '{{Заголовок}}', description: 'Заголовок к тексту: «Об утверждении …»' },
  basis: { token: '{{Основание}}', description: 'Основание: «В соответствии с …»' },
  points: { token: '{{Пункты}}', description: 'Пункты приказа с номерами, каждый с новой строки' },
  position: { token: '{{Должность}}', description: 'Должность того, кто подписывает приказ' },
  signature: { token: '{{Подпись}}', description: 'Инициалы и фамилия того, кто подписывает: «С.А. Гаджибекова»' },
  executor: { token: '{{Исполнитель}}', description: 'Отметка об исполнителе: ФИО и телефон' },
  appendixMark: { token: '{{Приложение}}', description: 'Отметка о приложении: «Приложение № 1 к приказу … от … № …»' },
  approvalStamp: { token: '{{Гриф}}', description: 'Гриф утверждения: «УТВЕРЖДЕН приказом … от … № …»' },
  planTitle: { token: '{{Название плана}}', description: 'Название плана мероприятий (заголовок приложения)' },
  table: { token: '{{Таблица}}', description: 'Место таблицы плана мероприятий: абзац с этой меткой заменяется таблицей' },
} as const satisfies Record<string, PlaceholderSpec>;

export type PlaceholderKey = keyof typeof PLACEHOLDERS;

const paragraphText = (order: Pick<OrderDocument, 'blocks'>, role: ParagraphRole): string =>
  order.blocks
    .filter((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === role)
    .map((b) => b.text)
    .join('\n');

/** Values for every placeholder token ("{{Дата}}" → "7 февраля 2023 г."); {{Таблица}} maps to ''. */
export function placeholderValues(order: OrderDocument): Record<string, string> {
  const points = order.blocks.find((b) => b.kind === 'points');
  const signature = order.blocks.find((b) => b.kind === 'signature');
  const values: Record<PlaceholderKey, string> = {
    organisation: paragraphText(order, 'organisation'),
    organisationShort: order.meta.organisation,
    date: order.meta.dateText,
    number: order.meta.number,
    place: paragraphText(order, 'place'),
    heading: order.meta.heading,
    basis: paragraphText(order, 'basis'),
    points: points ? blockToText(points) : '',
    position: signature?.kind === 'signature' ? signature.position : '',
    signature: signature?.kind === 'signature' ? signature.name : '',
    executor: paragraphText(order, 'executor'),
    appendixMark: paragraphText(order, 'appendixMark'),
    approvalStamp: paragraphText(order, 'approvalStamp'),
    planTitle: paragraphText(order, 'appendixTitle'),
    table: '',
  };
  const out: Record<string, string> = {};
  for (const key of Object.keys(PLACEHOLDERS) as PlaceholderKey[]) out[PLACEHOLDERS[key].token] = values[key];
  return out;
}

/** A literal string as an RE2 pattern for replaceText / findText: every metacharacter escaped. */
export function escapeForReplaceText(literal: string): string {
  return literal.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&');
}

/** A value as a replaceText replacement that inserts exactly itself (`\` and `$` escaped). */
export function escapeReplacement(value: string): string {
  return value.replace(/[\\$]/g, '\\$&');
}

/** Literal replacement of every occurrence, with no pattern or replacement syntax at all. */
export function literalReplace(text: string, token: string, value: string): string {
  if (token === '') return text;
  return text.split(token).join(value);
}

/**
 * Fills every placeholder in one pass, literally: a value that itself contains "{{Номер}}" or "$&"
 * is inserted as typed and never re-read (preview, in-memory template filling).
 */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  const tokens = Object.keys(values).filter(Boolean).sort((a, b) => b.length - a.length);
  if (tokens.length === 0) return text;
  const any = new RegExp(tokens.map((t) => t.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|'), 'g');
  // A replacer function's return value is used verbatim (no $-patterns).
  return text.replace(any, (token) => values[token] ?? token);
}

/** Placeholder-looking tokens in a template that we do not know (typos such as {{Дата приказа}}). */
export function unknownPlaceholders(templateText: string): string[] {
  const known = new Set<string>(Object.values(PLACEHOLDERS).map((p) => p.token));
  const found = templateText.match(/\{\{[^{}]*\}\}/g) ?? [];
  return [...new Set(found.filter((t) => !known.has(t)))];
}
