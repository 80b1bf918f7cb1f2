// Room in the spreadsheet for the schools' sheets. Google Sheets holds at most 10 million cells per
// spreadsheet, counted over every sheet's whole grid (rows × columns, blank or not):
// https://support.google.com/drive/answer/37603 . A default new sheet is 1000 × 26 = 26,000 cells,
// so school sheets are sized to their rows instead, and a district that would not fit is told so
// before anything is created.

export const SPREADSHEET_CELL_LIMIT = 10_000_000;
/** Blank rows below a new school sheet's last item, for rows the school adds (Sheets adds more on request). */
export const SPARE_ROWS = 20;

/** 1 234 567: digits grouped as Russian text does (a no-break space between groups). */
export const groupDigits = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

export interface Capacity {
  /** Cells of every sheet of the spreadsheet now. */
  used: number;
  /** School sheets still to create, and the cells each takes. */
  newSheets: number;
  perSheet: number;
  /** Cells the run itself needs for a while (the prepared sheet it copies). */
  scratch: number;
}

/** The Russian reason the new sheets do not fit, with the numbers; null when they do. */
export function capacityProblem(c: Capacity, limit = SPREADSHEET_CELL_LIMIT): string | null {
  const needed = c.newSheets * c.perSheet + c.scratch;
  if (c.used + needed <= limit) return null;
  const free = Math.max(0, limit - c.used - c.scratch);
  const fits = Math.floor(free / Math.max(1, c.perSheet));
  return `В таблице не хватит места для листов всех школ. Google Таблицы вмещают не более ${groupDigits(limit)} ячеек на файл; ` +
    `сейчас занято ${groupDigits(c.used)}, а ${c.newSheets} новых листов школ займут ещё ${groupDigits(c.newSheets * c.perSheet)} (по ${groupDigits(c.perSheet)} на лист). ` +
    `Поместится ещё листов: ${fits}. Удалите ненужные листы или лишние пустые строки и столбцы на больших листах либо разделите район на несколько таблиц — и запустите рассылку снова. Ничего не создано.`;
}
