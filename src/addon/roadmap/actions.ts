// Menu actions and sidebar endpoints of the roadmap sheet. Thin: read once, compute in core /
// analyse.ts, write once, all under the document lock; every failure reaches the person in Russian.
import type { CheckReport, RecognitionReport, RefreshReport, SettingsView } from '../../contract/roadmap';
import { UserError, describeServiceError, implement, menuAction as runMenuAction, notify, toUserError } from '../endpoint';
import { showSidebar } from '../sidebar';
import { buildCheckReport } from './check-report';
import { writeCanonicalSheet } from './canonical-sheet';
import { NEW_SHEET_NAME, parsePlanPeriod, prepareNewRoadmap } from './create';
import { OPEN_FAILED, documentIdOf, readDocumentTable } from './import-doc';
import { withDocumentLock } from '../lock';
import { hasHelperBlock, isCanonicalSheet, processRoadmapSheet, rawSheetMessage, readSheet, type Processed } from './process';
import { clockOf, recognizeInto } from './recognize';
import { alreadyOurs, readOnlyCheck, sourceInput } from './recognize-sidebar';
import { saveReport } from './report-store';
import { planOf, readSettings, requiresMark, settingsFromProperties, writeSettings } from './settings';
import { HISTORY_KEY } from './history';
import { handleEdit } from './on-edit';
import { pluralRu } from '../../core/roadmap';

export const TITLE = 'Дорожная карта';

const menuAction = (fn: (ui: GoogleAppsScript.Base.Ui) => void): void => runMenuAction(TITLE, fn);

// ---- Создать дорожную карту ----

export function createRoadmap(): void {
  menuAction((ui) => {
    const answer = ui.prompt(
      'Создать дорожную карту',
      'Период действия плана: например, «2025», «2024–2026», «2025/2026 учебный год» или «01.09.2025 – 31.08.2026». Если оставить поле пустым, будет взят текущий год.',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { today } = clockOf(ss);
    const text = answer.getResponseText().trim() || today.slice(0, 4);
    const plan = parsePlanPeriod(text);
    if (!plan) throw new UserError(`Период плана «${text}» не распознан. Укажите год («2025»), годы («2024–2026») или две даты («01.09.2025 – 31.08.2026»).`);
    const sheet = withDocumentLock(() =>
      writeCanonicalSheet(ss, NEW_SHEET_NAME, prepareNewRoadmap(plan, today), { title: NEW_SHEET_NAME, planStart: plan.start, planEnd: plan.end }),
    );
    notify(ss, `Создан лист «${sheet.getName()}». Заполните мероприятия; цвета сроков обновляются автоматически.`, TITLE);
  });
}

// ---- Распознать таблицу ----

export function recognizeTable(): void {
  menuAction((ui) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const report = withDocumentLock(() => {
      const source = ss.getActiveSheet();
      const input = sourceInput(ss, source);
      // A sheet the add-on already laid out: recognising it again would only make a copy.
      if (hasHelperBlock(input.values)) throw alreadyOurs(input.source);
      return recognizeInto(ss, input, source.getIndex());
    });
    showRecognition(ui, ss, report, 'Распознавание таблицы');
  });
}

/**
 * The summary sidebar of a recognition that is done: the new sheet exists, so a failure from here
 * on says so instead of calling the recognition failed (pressing again would only make a copy).
 */
function showRecognition(ui: GoogleAppsScript.Base.Ui, ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: RecognitionReport, title: string): void {
  try {
    saveReport(ss, report);
    showSidebar('recognize', title);
  } catch (error) {
    const message = `Таблица распознана: создан лист «${report.sheetName}» (мероприятий: ${report.items}). ` +
      `Окно со сводкой распознавания открыть не удалось: ${describeServiceError(error)} Чтобы увидеть замечания, откройте лист «${report.sheetName}» и выберите «Проверить».`;
    try {
      ui.alert(TITLE, message, ui.ButtonSet.OK);
    } catch {
      notify(ss, message, TITLE);
    }
  }
}

// ---- Импорт из Google Документа ----

export function importFromDoc(): void {
  menuAction((ui) => {
    const answer = ui.prompt(
      'Импортировать из Google Документа',
      'Вставьте ссылку на Google Документ с таблицей дорожной карты (у вас должен быть доступ к нему).',
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const link = answer.getResponseText();
    const id = documentIdOf(link);
    if (!id) throw new UserError('Это не похоже на ссылку на Google Документ. Скопируйте ссылку из адресной строки документа (вида https://docs.google.com/document/d/…).');
    let doc: GoogleAppsScript.Document.Document;
    try {
      doc = DocumentApp.openById(id);
    } catch {
      throw new UserError(OPEN_FAILED);
    }
    const table = readDocumentTable(doc);
    if (table.tables === 0) throw new UserError(`В документе «${table.name}» нет таблицы. Дорожная карта должна быть оформлена таблицей.`);
    const notes = table.tables > 1 ? [`В документе таблиц: ${table.tables}; импортирована самая длинная (${table.tableRows} ${pluralRu(table.tableRows, ['строка', 'строки', 'строк'])}).`] : [];
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const report = withDocumentLock(() => recognizeInto(ss, { source: table.name, values: table.cells, notes, ...clockOf(ss) }));
    showRecognition(ui, ss, report, 'Импорт из документа');
  });
}

// ---- Проверить / Обновить сроки и цвета ----

export function openCheck(): void {
  menuAction(() => showSidebar('check', 'Проверка дорожной карты'));
}

export function refreshColours(): void {
  menuAction((ui) => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const outcome = withDocumentLock(() => {
      const read = readSheet(ss, ss.getActiveSheet());
      return isCanonicalSheet(read.values, !!read.own) ? refreshReport(processRoadmapSheet(ss, ss.getActiveSheet(), read)) : read;
    });
    if ('message' in outcome) {
      notify(ss, outcome.message, TITLE);
      return;
    }
    // A pasted table: nothing was written; offer to recognise it (the answer is asked outside the lock).
    const answer = ui.alert(
      TITLE,
      `${rawSheetMessage(outcome.sheetName)}\n\nРаспознать таблицу сейчас?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer === ui.Button.YES) recognizeTable();
  });
}

export function openRoadmapSettings(): void {
  menuAction(() => showSidebar('roadmap-settings', 'Настройки дорожной карты'));
}

function refreshActive(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RefreshReport {
  return refreshReport(withDocumentLock(() => processRoadmapSheet(ss, ss.getActiveSheet())));
}

function refreshReport(p: Processed): RefreshReport {
  return {
    sheetName: p.sheetName,
    rows: p.analysis.items.length,
    rules: p.rules,
    message: `Лист «${p.sheetName}»: сроки и цвета обновлены (строк: ${p.analysis.items.length}). Цвета обновляются автоматически каждый день.`,
  };
}

function reportOf(p: Processed): CheckReport {
  return buildCheckReport({
    sheetName: p.sheetName,
    sheetId: p.sheetId,
    today: p.today,
    soonDays: p.settings.soonDays,
    plan: planOf(p.settings.sheets[String(p.sheetId)]),
    analysis: p.analysis,
  });
}

// ---- onEdit ----

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

// ---- Sidebar endpoints ----

export { getRecognitionReport, previewRecognition, applyRecognition } from './recognize-sidebar';

export const checkRoadmap = implement('checkRoadmap', () => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getActiveSheet();
  return withDocumentLock(() => {
    const read = readSheet(ss, sheet);
    return isCanonicalSheet(read.values, !!read.own) ? reportOf(processRoadmapSheet(ss, sheet, read)) : readOnlyCheck(ss, sheet, read);
  });
});

export const refreshRoadmap = implement('refreshRoadmap', () => refreshActive(SpreadsheetApp.getActiveSpreadsheet()));

export const selectCell = implement('selectCell', (sheetId, row, column) => {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetById(sheetId);
  if (!sheet) throw new UserError('Лист не найден: возможно, его удалили. Запустите проверку заново.');
  if (row > sheet.getMaxRows()) throw new UserError(`На листе «${sheet.getName()}» нет строки ${row}: запустите проверку заново.`);
  sheet.activate();
  const range = column === null ? sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())) : sheet.getRange(row, column);
  range.activate();
  return true;
});

function settingsView(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsView {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const settings = settingsFromProperties(all);
  // The add-on's own hidden «История изменений» is never a roadmap: it is not offered.
  const history = Number(all[HISTORY_KEY]);
  const sheets = ss.getSheets().flatMap((s) => {
    const id = s.getSheetId();
    if (id === history) return [];
    const own = settings.sheets[String(id)];
    return [{
      sheetId: id,
      name: s.getName(),
      isRoadmap: !!own,
      planStart: own?.planStart ?? null,
      planEnd: own?.planEnd ?? null,
      title: own?.title ?? '',
    }];
  });
  return { soonDays: settings.soonDays, requireMark: requiresMark(settings), activeSheetId: ss.getActiveSheet().getSheetId(), sheets };
}

export const getRoadmapSettings = implement('getRoadmapSettings', () => settingsView(SpreadsheetApp.getActiveSpreadsheet()));

export const saveRoadmapSettings = implement('saveRoadmapSettings', (input) => {
  for (const s of input.sheets) {
    if ((s.planStart === null) !== (s.planEnd === null)) throw new UserError('Укажите обе даты периода плана или ни одной.');
    if (s.planStart && s.planEnd && s.planStart > s.planEnd) throw new UserError('Дата начала плана позже даты окончания.');
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const failures: string[] = [];
  withDocumentLock(() => {
    const settings = readSettings();
    const changed: number[] = [];
    const soonChanged = settings.soonDays !== input.soonDays;
    settings.soonDays = input.soonDays;
    // Only «Проверить» reads it: no sheet needs recomputing when it changes.
    if (input.requireMark !== undefined) settings.requireMark = input.requireMark;
    for (const s of input.sheets) {
      const key = String(s.sheetId);
      const before = settings.sheets[key];
      if (!s.isRoadmap) {
        delete settings.sheets[key];
        continue;
      }
      const title = before?.title || ss.getSheetById(s.sheetId)?.getName() || '';
      settings.sheets[key] = { ...before, title, planStart: s.planStart, planEnd: s.planEnd };
      if (!before || before.planStart !== s.planStart || before.planEnd !== s.planEnd || soonChanged) changed.push(s.sheetId);
    }
    writeSettings(settings);
    // Plan and threshold live in the helper columns and rules: recompute the sheets they changed.
    for (const id of changed) {
      const sheet = ss.getSheetById(id);
      if (!sheet) continue;
      try {
        processRoadmapSheet(ss, sheet);
      } catch (error) {
        failures.push(toUserError(error).message);
      }
    }
  });
  if (failures.length) throw new UserError(`Настройки сохранены, но не все листы обновлены: ${failures.join(' ')}`);
  return settingsView(ss);
});
