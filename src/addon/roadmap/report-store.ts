// The last recognition summary, for the sidebar that opens right after the menu action. Kept in
// the user's properties (one value, ≤ 9 KB) with the spreadsheet's id, so another file never shows it.
import type { RecognitionReport } from '../../contract/roadmap';

const KEY = 'dorozhnayaKarta.lastRecognition';
const MAX_CHARS = 3_500; // Cyrillic is 2 bytes in UTF-8: stays under the 9 KB property limit.

export function saveReport(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: RecognitionReport): void {
  const clip = (t: string): string => (t.length > 300 ? `${t.slice(0, 299)}…` : t);
  const base = { ...report, warnings: [] as string[], columns: report.columns.map(clip), extraColumns: report.extraColumns.slice(0, 40).map((h) => (h.length > 80 ? `${h.slice(0, 79)}…` : h)), plan: report.plan && { ...report.plan, title: clip(report.plan.title) } };
  let size = JSON.stringify(base).length;
  for (const [i, w] of report.warnings.entries()) {
    const text = clip(w);
    if (size + text.length > MAX_CHARS) {
      base.warnings.push(`…и ещё замечаний: ${report.warnings.length - i}.`);
      break;
    }
    base.warnings.push(text);
    size += text.length + 3;
  }
  PropertiesService.getUserProperties().setProperty(KEY, JSON.stringify({ id: ss.getId(), report: base }));
}

export function loadReport(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RecognitionReport | null {
  const raw = PropertiesService.getUserProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { id?: unknown; report?: RecognitionReport };
    return parsed.id === ss.getId() && parsed.report ? parsed.report : null;
  } catch {
    return null;
  }
}
