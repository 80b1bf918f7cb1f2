// «Проверить» offers an evident typo's correction (src/core/deadline/fix.ts) as a one-click fix.
// The person confirms it in the sidebar; this writes that one cell and nothing else, under the
// document lock, after re-reading the sheet to be sure the cell still holds the text that was
// checked (someone may have edited it meanwhile) and that the fix is the one the engine offers.
// The change is recorded in «История изменений» here: onEdit never runs for a script's writes.
import { suggestFix } from '../../core/deadline/fix';
import { cellText, looksLikeFormula } from '../../core/roadmap/text';
import { UserError, implement } from '../endpoint';
import { withDocumentLock } from '../lock';
import { locateLayout } from './analyse';
import { isCanonicalSheet, notRoadmapMessage, rawSheetMessage } from './process';
import { readSettings } from './settings';
import { datesAsText } from './values';
import { recordOwnChange } from './history';
import { byAddon, itemKey } from '../../core/roadmap/history';
import { FIELD_TITLES } from '../../core/roadmap';
import { activeEmail } from '../district/people';

const STALE = 'Запустите проверку заново.';

export const fixDeadline = implement('fixDeadline', ({ sheetId, row, column, text, fix }) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) throw new UserError(`Лист не найден: возможно, его удалили. ${STALE}`);
  return withDocumentLock(() => {
    const values = datesAsText(sheet.getDataRange().getValues(), ss.getSpreadsheetTimeZone());
    const layout = locateLayout(values, values[0]?.length ?? 0);
    if (!layout) throw new UserError(notRoadmapMessage(sheet.getName()));
    // A pasted table is the person's: its read-only check offers no fix, and none is written.
    if (!isCanonicalSheet(values, !!readSettings().sheets[String(sheetId)])) throw new UserError(rawSheetMessage(sheet.getName()));
    const deadlineColumn = layout.columns.deadline;
    if (deadlineColumn === undefined || deadlineColumn + 1 !== column || row <= layout.headerRow + 1 || row > values.length) {
      throw new UserError(`Ячейка в строке ${row}, столбце ${column} — не срок мероприятия этого листа. ${STALE}`);
    }
    const current = cellText(values[row - 1]?.[column - 1]);
    if (current !== text) {
      throw new UserError(`Срок в строке ${row} изменился после проверки (сейчас «${current}»), исправление не записано. ${STALE}`);
    }
    if (suggestFix(current) !== fix || looksLikeFormula(fix)) {
      throw new UserError(`Исправление «${fix}» не совпадает с предложенным проверкой для «${current}». ${STALE}`);
    }
    sheet.getRange(row, column).setValue(fix);
    recordOwnChange(ss, {
      who: byAddon(activeEmail(), 'исправление срока'), sheet: sheet.getName(), row,
      column: layout.titles.deadline ?? FIELD_TITLES.deadline, before: current, after: fix,
      item: layout.columns.number === undefined ? '' : itemKey(values[row - 1]?.[layout.columns.number]),
    });
    return { written: true, message: `Строка ${row}: срок «${current}» исправлен на «${fix}». Проверка повторена.` };
  });
});
