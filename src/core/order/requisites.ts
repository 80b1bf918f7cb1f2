// Requisites of the organisation that issues orders: kept in a «Реквизиты» sheet, validated here
// with messages that name the field, so the sidebar can say exactly what to fill in.
import * as z from 'zod/mini';
import { parsePersonName } from './names';

export interface Requisites {
  /** The header block as it stands on the form, one line per line ("МКУ «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»\nМР «ДЕРБЕНТСКИЙ РАЙОН»"). */
  fullName: string;
  /** For the text and the approval stamp: "МКУ «Управление образования» МР «Дербентский район»". */
  shortName: string;
  /** "в МКУ …": the short name in the prepositional case; derived when empty. */
  shortNameIn?: string;
  /** Place of issue, "г. Дербент" (optional in ГОСТ). */
  place?: string;
  headPosition: string;
  /** "Гаджибекова Саида Алиевна" or "С.А. Гаджибекова". */
  headName: string;
  executorName?: string;
  executorPhone?: string;
  /** "{n}", "{n}/1", "{n}-од"; `{n}` is the running number, `{yyyy}` the year. */
  numberFormat: string;
}

export type RequisiteField = keyof Requisites;

/** Russian names of the fields, as the «Реквизиты» sheet and the messages show them. */
export const REQUISITE_LABELS: Record<RequisiteField, string> = {
  fullName: 'Полное наименование организации',
  shortName: 'Краткое наименование организации',
  shortNameIn: 'Наименование организации в предложном падеже («в …»)',
  place: 'Место издания',
  headPosition: 'Должность руководителя',
  headName: 'ФИО руководителя',
  executorName: 'ФИО исполнителя',
  executorPhone: 'Телефон исполнителя',
  numberFormat: 'Формат номера приказа',
};

const required = (field: RequisiteField, hint: string) =>
  z.string().check(z.trim(), z.minLength(1, `Не заполнено поле «${REQUISITE_LABELS[field]}»: ${hint}`));
const optional = () => z.optional(z.string().check(z.trim()));

export const requisitesSchema = z.object({
  fullName: required('fullName', 'укажите наименование так, как оно пишется в шапке приказа (можно в несколько строк).'),
  shortName: required('shortName', 'оно нужно для текста приказа и грифа утверждения.'),
  shortNameIn: optional(),
  place: optional(),
  headPosition: required('headPosition', 'укажите, например, «Директор» или «Начальник».'),
  headName: required('headName', 'укажите, например, «Гаджибекова Саида Алиевна» или «С.А. Гаджибекова».').check(
    z.refine(
      (v) => v.trim() === '' || parsePersonName(v) !== null,
      `Поле «${REQUISITE_LABELS.headName}» не распознано: укажите «Фамилия Имя Отчество» или «И.О. Фамилия».`,
    ),
  ),
  executorName: optional(),
  executorPhone: z.optional(
    z.string().check(
      z.trim(),
      z.refine(
        (v) => v === '' || (/^[\d\s()+\-–,.доб]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5),
        `Поле «${REQUISITE_LABELS.executorPhone}» должно содержать номер из цифр, например «8 (87240) 4-12-34».`,
      ),
    ),
  ),
  numberFormat: z._default(
    z.string().check(
      z.trim(),
      z.refine(
        (v) => v === '' || v.includes('{n}'),
        `Поле «${REQUISITE_LABELS.numberFormat}» должно содержать {n} — место для порядкового номера, например «{n}» или «{n}-од».`,
      ),
    ),
    '{n}',
  ),
});

export interface RequisiteProblem {
  field: string;
  message: string;
}

export type RequisitesResult = { ok: true; value: Requisites } | { ok: false; problems: RequisiteProblem[] };

export function validateRequisites(input: unknown): RequisitesResult {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, problems: [{ field: '', message: 'Реквизиты организации не заполнены.' }] };
  }
  const r = requisitesSchema.safeParse(input);
  if (r.success) {
    const v = r.data;
    const value: Requisites = { ...v, numberFormat: v.numberFormat === '' ? '{n}' : v.numberFormat };
    return { ok: true, value };
  }
  const problems = r.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const label = REQUISITE_LABELS[field as RequisiteField];
    const message = issue.code === 'invalid_type' && label ? `Поле «${label}» должно быть текстом.` : issue.message;
    return { field, message };
  });
  return { ok: false, problems };
}

/** What each missing requisite blocks: required ones stop the order; optional ones only leave a gap. */
const BLOCKS: Partial<Record<RequisiteField, { blocks: boolean; what: string }>> = {
  fullName: { blocks: true, what: 'шапку приказа' },
  shortName: { blocks: true, what: 'текст приказа и гриф утверждения приложения' },
  headPosition: { blocks: true, what: 'подпись руководителя' },
  headName: { blocks: true, what: 'подпись руководителя' },
  place: { blocks: false, what: 'место издания (по ГОСТ его можно не указывать)' },
  executorName: { blocks: false, what: 'отметку об исполнителе' },
  executorPhone: { blocks: false, what: 'телефон в отметке об исполнителе' },
};

export interface RequisiteGap {
  field: RequisiteField;
  /** True when the order cannot be created without it. */
  blocksOrder: boolean;
  message: string;
}

/** Missing requisites and what each one blocks, in Russian, for the sidebar. */
export function requisiteGaps(input: Partial<Requisites>): RequisiteGap[] {
  const gaps: RequisiteGap[] = [];
  for (const [field, rule] of Object.entries(BLOCKS) as [RequisiteField, { blocks: boolean; what: string }][]) {
    if ((input[field] ?? '').trim() !== '') continue;
    const label = REQUISITE_LABELS[field];
    gaps.push({
      field,
      blocksOrder: rule.blocks,
      message: rule.blocks
        ? `Не заполнено поле «${label}»: без него нельзя сформировать ${rule.what}. Приказ не будет создан.`
        : `Не заполнено поле «${label}»: в приказе не будет ${rule.what.replace(/^отметку/, 'отметки').replace(/^место/, 'места').replace(/^телефон/, 'телефона')}.`,
    });
  }
  return gaps;
}
