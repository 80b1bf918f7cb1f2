// «Отчёт о выполнении» (issue 15): the sidebar picks the period and options, previews the totals,
// then creates the report Doc. The server reads the sheets again for both: the sidebar sends only
// choices.
import * as z from 'zod/mini';
import { spec } from './define';
import { isoDate, line } from './fields';

const year = z.number().check(z.int(), z.minimum(1990, 'год — от 1990'), z.maximum(2100, 'год — до 2100'));

export const reportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quarter'), year, index: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  z.object({ kind: z.literal('half'), year, index: z.union([z.literal(1), z.literal(2)]) }),
  z.object({ kind: z.literal('year'), year }),
  z.object({ kind: z.literal('plan') }),
  z.object({ kind: z.literal('range'), start: isoDate, end: isoDate }),
]);

export const reportRequestSchema = z.object({
  /** 'sheet': the organisation's own roadmap (the sheet named); 'district': the consolidated report. */
  scope: z.enum(['sheet', 'district']),
  /** The sheet the sidebar was opened on (scope 'sheet'). */
  sheetName: line(100),
  period: reportPeriodSchema,
  /** District: each school's items after the consolidated table. */
  schoolItems: z.boolean(),
  /** District: each organisation's last recorded change of its plan (from «История изменений»), as «Свод» shows it. */
  lastChanges: z.boolean(),
  /** The progress chart after the totals (when the add-on can draw it). */
  chart: z.boolean(),
  dateStyle: z.enum(['long', 'numeric']),
  signatory: z.object({ position: line(300), name: line(200) }),
  /** The plan's title as the person corrected it in the form (the sheet is not changed). */
  planTitle: z.optional(line(500)),
});

export type ReportRequest = z.infer<typeof reportRequestSchema>;
export type ReportPeriodView = z.infer<typeof reportPeriodSchema>;

export interface ReportTotalsView {
  items: number;
  done: number;
  inProgress: number;
  overdue: number;
  cancelled: number;
  /** «45 %» or «—». */
  percent: string;
}

export interface ReportSetup {
  today: string;
  /** The sheet the report is about (scope 'sheet'), '' when the active sheet holds no roadmap. */
  sheetName: string;
  /** Why there is no roadmap to report on, or null. */
  roadmapMissing: string | null;
  /** District mode and the caller acts for the district: the consolidated report is offered. */
  districtOffered: boolean;
  /** The default scope: the district's consolidated report for the district, else the sheet. */
  scope: 'sheet' | 'district';
  plan: { start: string; end: string } | null;
  /** The plan's own title, as the sheet (or its settings) holds it. */
  planTitle: string;
  years: number[];
  period: ReportPeriodView;
  signatory: { position: string; name: string };
  dateStyle: 'long' | 'numeric';
  /** Missing requisites or a role refusal: nothing can be created while any is listed. */
  blocking: string[];
}

export interface ReportPreview {
  heading: string;
  periodText: string;
  period: ReportTotalsView;
  plan: ReportTotalsView;
  /** District: one row per school (and the district's own items first). */
  schools: ({
    name: string;
    /** «Свод»'s wording of the last recorded change, '' when none; null when `lastChanges` is off. */
    lastChange: string | null;
  } & ReportTotalsView)[];
  /** Problems of school sheets that could not be counted, Russian. */
  problems: string[];
  overdue: number;
  /** Items without a usable date, left out of the period (unless completed in it). */
  undated: number;
  /** Items of the period in the Doc's tables. */
  rows: number;
  blocking: string[];
  /** The Doc's requisites under ГОСТ Р 7.0.97-2025, checked on the report as it will be made. */
  checklist: { label: string; ok: boolean }[];
}

export interface ReportCreated {
  docId: string;
  name: string;
  url: string;
  pdfUrl: string;
  docxUrl: string;
  journalSheet: string;
  journalRow: number;
  warnings: string[];
}

const setupArgs = z.tuple([]);
const requestArgs = z.tuple([reportRequestSchema]);

export const reportApi = {
  getReportSetup: spec<typeof setupArgs, ReportSetup>(setupArgs),
  previewReport: spec<typeof requestArgs, ReportPreview>(requestArgs),
  createReport: spec<typeof requestArgs, ReportCreated>(requestArgs),
};
