// Shared shapes of the core API. Names and shapes are public (acceptance checks call them).

/** A calendar day, 'YYYY-MM-DD'. */
export type ISODate = string;

export interface PlanContext {
  planStart: ISODate;
  planEnd: ISODate;
}

/** Inclusive on both ends. */
export interface Period {
  start: ISODate;
  end: ISODate;
}

export type DeadlineKind =
  | 'date'
  | 'by'
  | 'period'
  | 'recurring'
  | 'throughout'
  | 'external'
  | 'empty'
  | 'unrecognized';

export interface Deadline {
  kind: DeadlineKind;
  periods: Period[];
  /** Russian, for people. */
  warnings: string[];
}

export type DeadlineStatus =
  | 'done'
  | 'overdue'
  | 'soon'
  | 'active'
  | 'upcoming'
  | 'ongoing'
  | 'nodate'
  | 'invalid';

export type Field = 'number' | 'activity' | 'deadline' | 'responsible' | 'result' | 'status' | 'doneDate';

export interface RecognizedItem {
  number: string;
  level: number;
  isSection: boolean;
  activity: string;
  deadline: string;
  responsible: string;
  result: string;
  /** 0-based rows of the recognised cells. */
  sourceRows: number[];
}

export interface Problem {
  /** Index in items. */
  item: number;
  field?: Field;
  severity: 'error' | 'warning';
  code: string;
  /** Russian, names the row and the column. */
  message: string;
}

export interface Recognition {
  headerRow: number;
  /** 0-based column of each field found. */
  columns: Partial<Record<Field, number>>;
  plan: { title: string; start: string; end: string } | null;
  items: RecognizedItem[];
  warnings: string[];
}
