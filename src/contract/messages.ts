// Russian messages for arguments refused by the contract's schemas: what is wrong and what to do,
// in words a person uses (no «ожидалось object, получено undefined», no English type names). The
// error map replaces zod's locale for every schema; a message given at a check takes precedence.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

const plural = (n: number, forms: [string, string, string]): string => {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
};

const EXPECTED: Record<string, string> = {
  string: 'нужен текст',
  number: 'нужно число',
  int: 'нужно целое число',
  boolean: 'нужно «да» или «нет»',
  object: 'нужен набор полей',
  array: 'нужен список',
  tuple: 'нужен список',
  null: 'нужно пустое значение',
};

const lengthOf = (input: unknown): number | null =>
  typeof input === 'string' || Array.isArray(input) ? input.length : null;

/** zod's error map: one Russian sentence per issue. */
export function russianIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'не заполнено';
      return `${EXPECTED[issue.expected] ?? 'неверный вид значения'}`;
    case 'too_big': {
      const max = Number(issue.maximum);
      const now = lengthOf(issue.input);
      const tail = now === null ? '' : ` (сейчас ${now})`;
      if (issue.origin === 'string') return `слишком длинно: не больше ${max} ${plural(max, ['знака', 'знаков', 'знаков'])}${tail}`;
      if (issue.origin === 'array') return `слишком много: не больше ${max} ${plural(max, ['элемента', 'элементов', 'элементов'])}${tail}`;
      return `слишком большое число: не больше ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'не заполнено' : `слишком коротко: не меньше ${min} ${plural(min, ['знака', 'знаков', 'знаков'])}`;
      if (issue.origin === 'array') return min <= 1 ? 'не заполнено' : `слишком мало: не меньше ${min} ${plural(min, ['элемента', 'элементов', 'элементов'])}`;
      return `слишком маленькое число: не меньше ${min}`;
    }
    case 'invalid_value':
      return 'недопустимое значение: выберите одно из предложенных';
    case 'invalid_format':
      return 'неверный формат';
    case 'invalid_union':
      return 'неверное значение';
    case 'unrecognized_keys':
      return 'лишние поля в запросе';
    default:
      return 'неверное значение';
  }
}

/** What people call the fields of the contract's requests (by the last named key of the path). */
const LABELS: Record<string, string> = {
  date: 'Дата приказа',
  number: 'Номер приказа',
  heading: 'Заголовок',
  basis: 'Основание',
  points: 'Пункты приказа',
  position: 'Должность',
  name: 'Фамилия и инициалы',
  signatory: 'Подпись',
  appendix: 'Приложение',
  sections: 'Разделы приложения',
  row: 'Строка дорожной карты',
  sheetName: 'Лист',
  sheetRow: 'Номер строки',
  mode: 'Вид приказа',
  dateStyle: 'Вид даты',
  useTemplate: '«По своему шаблону»',
  acceptRoadmapProblems: '«Несмотря на ошибки»',
  soonDays: 'Порог «срок скоро»',
  sheets: 'Листы',
  sheetId: 'Лист',
  isRoadmap: '«Дорожная карта»',
  planStart: 'Начало плана',
  planEnd: 'Окончание плана',
};

/** «Пункты приказа, пункт 3» from [0, 'points', 2]; the leading argument index is left out. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const rest = path.length && typeof path[0] === 'number' ? path.slice(1) : path;
  let label = '';
  for (const key of rest) {
    if (typeof key === 'number') label += `${label ? ', ' : ''}№ ${key + 1}`;
    else {
      const name = LABELS[String(key)];
      // After a list item, the field inside it: «Листы, № 1 — Начало плана».
      if (name) label = /№ \d+$/.test(label) ? `${label} — ${name}` : name;
    }
  }
  return label;
}

/** Russian text for zod issues: which field, what is wrong. */
export function describeIssues(error: z.core.$ZodError, what = 'Неверные данные'): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const label = fieldLabel(issue.path);
    return label ? `${label}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 5 ? ` И ещё ${error.issues.length - 5}.` : '';
  return `${what}. ${lines.map((l) => l.charAt(0).toUpperCase() + l.slice(1)).join('. ')}.${more}`.replace(/\.\./g, '.');
}
