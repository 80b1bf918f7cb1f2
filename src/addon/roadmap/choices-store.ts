// The person's corrections to recognition (column meanings, header row, row roles, plan period),
// remembered per source sheet so that «Распознать таблицу» run again gives the same result. One
// document property per sheet (by sheet id, which survives renaming), bounded well under 9 KB.
import * as z from 'zod/mini';
import type { RecognizeChoices } from '../../core';
import { columnMeaning as meaning, rowRole as role } from '../../contract/roadmap';
import { UserError } from '../endpoint';
import { parseStoredJson } from '../stored-json';

export const CHOICES_KEY_PREFIX = 'dorozhnayaKarta.recognize.choices.';
/** Characters of one stored value: the JSON is ASCII, so this is also its size in bytes. */
export const MAX_CHOICES_CHARS = 8_000;

const index = z.string().check(z.regex(/^\d{1,7}$/));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const storedSchema = z.object({
  mapping: z.optional(z.record(index, meaning)),
  headerRow: z.optional(z.number().check(z.int(), z.nonnegative())),
  firstDataRow: z.optional(z.number().check(z.int(), z.nonnegative())),
  rowRoles: z.optional(z.record(index, role)),
  plan: z.optional(z.object({ start: isoDate, end: isoDate })),
});

const keyOf = (sheetId: number): string => `${CHOICES_KEY_PREFIX}${sheetId}`;

/** True when the choices change nothing (recognition as usual). */
export function isEmptyChoices(c: RecognizeChoices): boolean {
  return (
    Object.keys(c.mapping ?? {}).length === 0 &&
    c.headerRow === undefined &&
    c.firstDataRow === undefined &&
    Object.keys(c.rowRoles ?? {}).length === 0 &&
    !c.plan
  );
}

export function loadChoices(sheetId: number, props = PropertiesService.getDocumentProperties()): RecognizeChoices | null {
  return parseStoredJson(storedSchema, props.getProperty(keyOf(sheetId))) as RecognizeChoices | null;
}

/** Stores (or, for no corrections, forgets) the choices; refuses in Russian what would not fit. */
export function saveChoices(sheetId: number, choices: RecognizeChoices, props = PropertiesService.getDocumentProperties()): void {
  if (isEmptyChoices(choices)) {
    props.deleteProperty(keyOf(sheetId));
    return;
  }
  const json = JSON.stringify(storedSchema.parse(choices));
  if (json.length > MAX_CHOICES_CHARS) {
    throw new UserError('Исправлений слишком много, чтобы их запомнить для этого листа. Исправьте строку заголовков или значения столбцов — тогда отдельные строки менять почти не придётся.');
  }
  props.setProperty(keyOf(sheetId), json);
}
