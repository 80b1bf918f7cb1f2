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
  /** Times of day written beside the date ("14:30"); they do not change the periods. */
  times?: string[];
  /** Text that is not part of the date and was left aside: brackets, weekdays ("(9 дней)", "суббота"). */
  notes?: string[];
  /** The repeat rule when the periods are its occurrences within the plan ("каждый понедельник"). */
  repeat?: DeadlineRepeat;
  /** The text with an evident typo corrected («иголь» → «июль», «01.13.2023» → «13.01.2023»), to offer as a fix. */
  fix?: string;
}

export interface DeadlineRepeat {
  every: 'week' | 'month' | 'quarter' | 'year' | 'term';
  /** 1 = Monday … 7 = Sunday, for weekly rules. */
  weekdays?: number[];
  /** Day of the month ("20 числа"), for monthly and quarterly rules. */
  day?: number;
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
  /** Texts of Recognition.extraColumns for this item, in the same order. */
  extras?: string[];
  /** Note rows that belong to this item («(в ред. приказа от …)», «* …»), joined by line breaks. */
  note?: string;
}

/** A column a problem can point at: a person's field, or «Отметка о выполнении». */
export type ProblemField = Field | 'mark';

export interface Problem {
  /** Index in items. */
  item: number;
  field?: ProblemField;
  severity: 'error' | 'warning';
  code: string;
  /** Russian, names the row and the column. */
  message: string;
  /** The cell's text with an evident typo corrected, offered as a one-click fix («иголь» → «июль»). */
  fix?: string;
}

export interface Recognition {
  headerRow: number;
  /** 0-based column of each field found. */
  columns: Partial<Record<Field, number>>;
  plan: { title: string; start: string; end: string } | null;
  items: RecognizedItem[];
  warnings: string[];
  /** Every source column, with what it was taken to mean (or what the person chose). */
  sourceColumns?: SourceColumn[];
  /** The plan's title from the rows above the header, also when no plan period could be read from it. */
  title?: string;
  /** Source columns kept as extra columns of the canonical sheet, in source order. */
  extraColumns?: ExtraColumn[];
  /** The list of abbreviations under the title («ЦМН – целевая модель наставничества»), one a line. */
  abbreviations?: string[];
  /** What each non-empty body row was taken as, for the person to switch. */
  rowRoles?: { row: number; role: RowRole }[];
}

/**
 * What a source column means: a canonical field, a stage column whose text heads the rows beside
 * and below it as sections («Наименование этапа»), an extra column kept as it is, or nothing.
 */
export type ColumnMeaning = Field | 'section' | 'extra' | 'skip';

export interface SourceColumn {
  /** 0-based column in the cells. */
  column: number;
  header: string;
  meaning: ColumnMeaning;
  /** The first few non-empty cells below the header, for the person to recognise the column. */
  sample: string[];
}

export interface ExtraColumn {
  /** 0-based column in the cells. */
  column: number;
  header: string;
}

/** How a body row was read. */
export type RowRole = 'item' | 'section' | 'note' | 'continuation' | 'skip';

/** The person's corrections, remembered per sheet; recognition re-runs with them. */
export interface RecognizeChoices {
  /** 0-based source column → meaning; columns not named here are recognised as usual. */
  mapping?: Record<number, ColumnMeaning>;
  /** 0-based row of the (last) header row. */
  headerRow?: number;
  /** 0-based first data row (defaults to the row after the header). */
  firstDataRow?: number;
  /** 0-based source row → role, overriding what recognition decided. */
  rowRoles?: Record<number, RowRole>;
  plan?: { start: ISODate; end: ISODate };
}
