// Orders (приказы): the «Сформировать приказ» sidebar and its server. The server sends what the
// sheets hold (requisites, roadmap rows, the next free number); the sidebar builds the live
// preview with core's pure order builders, and sends back what the person chose.
import * as z from 'zod/mini';
import type { Organisation } from '../core/org';
import type { OrderRow } from '../core/order';
import { spec } from './define';
import { isoDate, line, orderNumber } from './fields';

/** Requisites as typed on the «Организации» sheet (empty strings where nothing is typed). */
export type RequisitesView = Pick<
  Organisation,
  'shortName' | 'fullName' | 'place' | 'headPosition' | 'headName' | 'executorName' | 'executorPhone' | 'numberFormat'
>;

/** A roadmap row as the order needs it; `status` is '' when the sheet has none. */
export type OrderRowView = Required<OrderRow>;

export interface OrderRoadmapView {
  sheetName: string;
  title: string;
  period: { start: string; end: string } | null;
  items: OrderRowView[];
  /** Headers of the roadmap's extra columns ([] when it has none). */
  extraHeaders: string[];
}

export type OrderMode = 'approval' | 'row';

export const BASIS_VERB_VALUES = ['В соответствии с', 'Во исполнение', 'На основании'] as const;
export const ORDER_KIND_VALUES = ['named', 'appoint', 'workingGroup', 'pairs', 'regulation', 'monitoring', 'reward'] as const;

/** The basis as the form shows it: the opening words and the acts after them. */
export interface BasisView {
  verb: (typeof BASIS_VERB_VALUES)[number];
  acts: string;
}

/** Font of the order text: the organisation's choice (ГОСТ Р 7.0.97-2025 recommends 12–14 pt). */
export interface FontView {
  family: string;
  bodyPt: number;
}

export interface OrderSetup {
  mode: OrderMode;
  /** 'yyyy-MM-dd' in the spreadsheet's time zone. */
  today: string;
  requisites: RequisitesView;
  /** Missing or wrong requisites that stop the order (nothing is created while any is listed). */
  blocking: string[];
  /** Gaps that only leave something out (place, executor). */
  notes: string[];
  roadmap: OrderRoadmapView | null;
  /** Why there is no roadmap, when there is none. */
  roadmapMissing: string | null;
  /** Validation problems of the roadmap (Russian, row and column named); the person may go on. */
  roadmapProblems: string[];
  /** How many of roadmapProblems are errors (they come first); the person must confirm to go on. */
  roadmapErrorCount: number;
  /** For a single-row order: the selected row of a roadmap sheet. */
  row: { sheetName: string; sheetRow: number; item: OrderRowView } | null;
  /** The roadmap's sections, for the «chosen sections» choice. */
  sections: { number: string; text: string }[];
  nextNumber: string;
  dateStyle: 'long' | 'numeric';
  template: { id: string; url: string } | null;
  /** Why the plan's title cannot give a heading (no subject), or null. */
  planTitleProblem: string | null;
  /** Suggested from the plan's subject, or what this organisation chose last time for such a plan. */
  basis: BasisView;
  font: FontView;
  /** How many rows the roadmap has; `roadmap.items` holds only the first ones, for the preview. */
  itemsTotal: number;
  /** Rows left after «только невыполненные». */
  notDoneTotal: number;
  /** Single-row order: the kinds offered and the one the row suggests. */
  kinds: { value: (typeof ORDER_KIND_VALUES)[number]; label: string }[];
  suggestedKind: (typeof ORDER_KIND_VALUES)[number];
  /** The approval order of the plan from «Журнал приказов», cited by single-row orders. */
  approvedBy: { date: string; number: string; heading: string } | null;
  /** What Google Docs cannot do for the order (page numbers), said plainly. */
  limits: string[];
}

export interface OrderCreated {
  docId: string;
  name: string;
  url: string;
  /** A link that downloads the Doc as PDF (saving a PDF file to Drive needs the full Drive scope). */
  pdfUrl: string;
  /** The same as a Word file (.docx), Docs' own export. */
  docxUrl: string;
  number: string;
  date: string;
  /** 1-based row of «Журнал приказов». */
  journalRow: number;
  /** Non-fatal remarks, e.g. unknown placeholders left in the template. */
  warnings: string[];
  /** A single-row order: where its line and link went («Отметка о выполнении» of the row); else null. */
  mark: string | null;
}


export const orderRequestSchema = z.object({
  mode: z.enum(['approval', 'row']),
  date: isoDate,
  number: orderNumber,
  dateStyle: z.enum(['long', 'numeric']),
  heading: line(1000),
  basis: line(5000),
  points: z.array(line(5000)).check(z.minLength(1, 'добавьте хотя бы один пункт приказа'), z.maxLength(50)),
  signatory: z.object({ position: line(300), name: line(200) }),
  appendix: z.enum(['all', 'not-done', 'sections']),
  sections: z.array(line(40)).check(z.maxLength(500)),
  /** The appendix also shows the roadmap's extra columns (default: no). */
  appendixExtras: z.optional(z.boolean()),
  /** Single-row order: where the row is (the server reads it again). */
  row: z.nullable(z.object({
    sheetName: line(100),
    sheetRow: z.number().check(z.int(), z.minimum(1), z.maximum(10_000_000)),
    /** The item as the sidebar showed it: the server finds the row again if it moved, refuses if it changed. */
    number: z.optional(line(100)),
    activity: z.optional(line(5000)),
  })),
  useTemplate: z.boolean(),
  /** The person saw the roadmap's problems and chose to go on. */
  acceptRoadmapProblems: z.boolean(),
  /** The plan's title as the person corrected it in the form (the sheet is not changed). */
  planTitle: z.optional(line(500)),
  /** With `basisVerb`, `basis` holds only the acts after the opening words. */
  basisVerb: z.optional(z.enum(BASIS_VERB_VALUES)),
  kind: z.optional(z.enum(ORDER_KIND_VALUES)),
  /** Who carries out a single-row order's points. */
  addressee: z.optional(z.object({ position: line(300), name: line(200) })),
  font: z.optional(z.object({
    family: z.string().check(z.trim(), z.minLength(1, 'укажите шрифт'), z.maxLength(60)),
    bodyPt: z.number().check(z.minimum(12, 'размер шрифта — от 12 до 14 пт'), z.maximum(14, 'размер шрифта — от 12 до 14 пт')),
  })),
  /** The appendix on landscape pages (a wide plan). */
  landscapeAppendix: z.optional(z.boolean()),
});

export type OrderRequest = z.infer<typeof orderRequestSchema>;

const setupArgs = z.tuple([z.enum(['approval', 'row'])]);
const createArgs = z.tuple([orderRequestSchema]);

export const ordersApi = {
  getOrderSetup: spec<typeof setupArgs, OrderSetup>(setupArgs),
  createOrder: spec<typeof createArgs, OrderCreated>(createArgs),
  /** Creates (or re-creates) the «Шаблон приказа» Doc. */
  createOrderTemplate: spec<z.ZodMiniTuple<[]>, { id: string; name: string; url: string }>(z.tuple([])),
  /** Creates «Организации» if missing and activates it; returns the sheet's name. */
  openRequisitesSheet: spec<z.ZodMiniTuple<[]>, string>(z.tuple([])),
};
