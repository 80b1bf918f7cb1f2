// Sidebar endpoints of district mode (issue 7): distribution to schools in resumable batches, the
// summary, the check of every school sheet, and a school's own view. Wire-safe results only.
import * as z from 'zod/mini';
import { spec } from './define';
import type { CheckReport } from './roadmap';

export interface DistrictSchoolView {
  row: number;
  name: string;
  sheetName: string;
  /** The sheet exists already. */
  exists: boolean;
  editors: number;
}

export interface DistributionProgress {
  total: number;
  done: number;
  finished: boolean;
  /** What was done so far, one Russian sentence a line. */
  lines: string[];
  message: string;
}

export interface DistrictState {
  /** 'district': may distribute; 'school': a school's editor (sees own sheet only); 'none': neither (or Google gave no e-mail). */
  role: 'district' | 'school' | 'none';
  districtName: string;
  schools: DistrictSchoolView[];
  /** Registry problems, Russian, with the row and column. */
  problems: { row: number; severity: 'error' | 'warning'; message: string }[];
  /** Roadmap sheets that can serve as the template. */
  templates: { sheetId: number; name: string }[];
  defaultTemplateId: number | null;
  /** An unfinished distribution (resume it), or null. */
  pending: DistributionProgress | null;
  /** What schools may change on their sheets: everything, or only status, completion date and mark. */
  schoolsEdit: 'all' | 'progress';
}

export interface SchoolItem {
  row: number;
  number: string;
  activity: string;
  deadline: string;
  status: string;
  /** Deadline colour today: 'overdue' | 'soon' | 'active' | 'done' | 'nodate' | 'invalid' | ''. */
  colour: string;
}

export interface SchoolCheck {
  school: string;
  sheetName: string;
  /** A school's own view lists its items; the district's view leaves this empty (size). */
  items: SchoolItem[];
  /** null when the sheet is missing or is not a roadmap (see note). */
  report: CheckReport | null;
  note: string | null;
}

export interface CheckAllReport {
  today: string;
  schools: SchoolCheck[];
  /** Registry problems (the registry is part of what is checked). */
  registry: string[];
}

export interface SummaryResult {
  sheetName: string;
  rows: number;
  message: string;
}

const noArgs = z.tuple([]);
type NoArgs = typeof noArgs;
/** (template sheet id, what schools may change — kept as it is when left out). */
const startArgs = z.tuple([z.number().check(z.int(), z.nonnegative()), z.optional(z.enum(['all', 'progress']))]);

export const districtApi = {
  getDistrictState: spec<NoArgs, DistrictState>(noArgs),
  /** (template sheet id, schools' edits): checks the registry, stores a checkpoint and does the first batch. */
  startDistribution: spec<typeof startArgs, DistributionProgress>(startArgs),
  /** The next batch of schools from the checkpoint. */
  distributeNext: spec<NoArgs, DistributionProgress>(noArgs),
  buildDistrictSummary: spec<NoArgs, SummaryResult>(noArgs),
  checkAllSchools: spec<NoArgs, CheckAllReport>(noArgs),
};
