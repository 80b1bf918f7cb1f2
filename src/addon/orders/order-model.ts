// The order model for a request, exactly as the sidebar previewed it (same core builders, same
// options): the approval order of the roadmap, or a single row's order citing the approval order
// the journal has.
import type { OrderRequest } from '../../contract/orders';
import { basisText } from '../../core/order/basis';
import { buildApprovalOrder, buildRowOrder, type AppendixRows } from '../../core/order/build';
import { GOST_FONT, type OrderDocument } from '../../core/order/model';
import { planTitleProblem } from '../../core/order/plan-title';
import type { Requisites } from '../../core/order/requisites';
import { approvalEntry } from './journal-approval';
import { UserError } from '../endpoint';
import { findRoadmap, noRoadmapMessage, readRoadmapSheet } from './sources';
import { findShownRow } from '../../core/roadmap/find-row';
import { FIELD_TITLES } from '../../core/roadmap';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function appendixRows(req: OrderRequest): AppendixRows {
  return req.appendix === 'sections' ? { sections: req.sections } : req.appendix;
}

/** The basis text the person chose: opening words + acts, or a full text typed before the verb choice existed. */
export function requestBasis(req: Pick<OrderRequest, 'basis' | 'basisVerb'>): string | undefined {
  if (!req.basis.trim()) return undefined;
  return req.basisVerb ? basisText({ verb: req.basisVerb, acts: req.basis }) : req.basis;
}

const fontOf = (req: OrderRequest) => (req.font ? { family: req.font.family, bodyPt: req.font.bodyPt, tablePt: Math.min(GOST_FONT.tablePt, req.font.bodyPt) } : undefined);

/** The roadmap row a single-row order is made for (where its mark is written). */
export interface OrderedRow {
  sheetName: string;
  sheetRow: number;
  number: string;
  activity: string;
}

export function buildRequestedOrder(
  ss: Spreadsheet, req: OrderRequest, requisites: Requisites, roadmapSheet: string, today: string, timeZone: string, journal?: string,
): { order: OrderDocument; row: OrderedRow | null } {
  const signatory = req.signatory.name.trim() ? req.signatory : undefined;
  const common = { date: req.date, number: req.number, dateStyle: req.dateStyle, heading: req.heading, basis: requestBasis(req), points: req.points, signatory, font: fontOf(req) };
  if (req.mode === 'row') {
    const { found, item, sheetRow } = rowOfRequest(ss, req, today, timeZone);
    const plan = { title: req.planTitle?.trim() || found.roadmap.title, period: found.roadmap.period };
    const approved = approvalEntry(ss, timeZone, journal);
    const addressee = req.addressee && (req.addressee.position.trim() || req.addressee.name.trim()) ? req.addressee : undefined;
    const order = buildRowOrder(item, requisites, { ...common, plan, approvedBy: approved, kind: req.kind, addressee });
    return { order, row: { sheetName: found.sheetName, sheetRow, number: item.number, activity: item.activity } };
  }
  const found = findRoadmap(ss, roadmapSheet, today, timeZone);
  if (!found) throw new UserError(noRoadmapMessage(roadmapSheet));
  if (found.errorCount > 0 && !req.acceptRoadmapProblems) {
    throw new UserError(`В дорожной карте есть ошибки (${found.errorCount}). Исправьте их или отметьте «Сформировать приказ, несмотря на ошибки».`);
  }
  const title = req.planTitle?.trim() || found.roadmap.title;
  const problem = planTitleProblem(title);
  if (problem && !req.heading.trim()) throw new UserError(`Приказ не создан. ${problem}`);
  const order = buildApprovalOrder({
    requisites,
    roadmap: { ...found.roadmap, title },
    options: { ...common, appendixRows: appendixRows(req), landscapeAppendix: req.landscapeAppendix, appendixExtras: req.appendixExtras ?? false },
  });
  return { order, row: null };
}

/**
 * The row the sidebar showed, found again: by its sheet row, or by its number and activity when rows
 * moved since; refused (nothing made) when its text changed.
 */
function rowOfRequest(ss: Spreadsheet, req: OrderRequest, today: string, timeZone: string) {
  if (!req.row) throw new UserError('Не выбрана строка дорожной карты для приказа.');
  const sheet = ss.getSheetByName(req.row.sheetName);
  const found = sheet ? readRoadmapSheet(sheet, today, timeZone) : null;
  if (!found) throw new UserError(`Лист «${req.row.sheetName}» не найден или больше не содержит дорожной карты. Приказ не создан.`);
  const at = findShownRow(found.roadmap.items, found.sheetRows, req.row, {
    sheetName: found.sheetName, numberTitle: FIELD_TITLES.number, activityTitle: FIELD_TITLES.activity,
  });
  if ('refusal' in at) throw new UserError(at.refusal);
  return { found, item: found.roadmap.items[at.index]!, sheetRow: found.sheetRows[at.index]! };
}
