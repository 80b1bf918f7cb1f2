// The time model: what an operation would take in real Apps Script, from the calls the in-memory
// runtime recorded (runtime.calls.events(), in order). In memory a call costs microseconds; on
// Google it costs milliseconds, so the calls decide. Every bench file prices its operations here.
//
// Google's own figures (https://developers.google.com/apps-script/guides/support/best-practices,
// «Use batch operations»): setting the background of a 100 × 100 grid cell by cell, with a
// SpreadsheetApp.flush() after each row, takes about 70 seconds; computing the colours in memory
// and writing them with one setBackgrounds() takes about 1 second. Two equations fix two costs
// once the third is chosen:
//   10,000 queued writes + 100 round trips ≈ 70 s  →  QUEUED_MS = (70,000 − 100 × ROUND_TRIP_MS) / 10,000
//   1 round trip + 10,000 cells ≈ 1 s               →  CELL_MS  = (1,000 − ROUND_TRIP_MS) / 10,000
// Google publishes no per-call latency; ROUND_TRIP_MS = 100 is the middle of what people report
// (20–200 ms) and is the one number a live run should calibrate (the «timing» live check measures
// it: `npm run test:live`). The test in test/unit/tooling/cost-model.test.ts runs Google's two
// examples on the in-memory runtime and holds the model to 70 s and 1 s.
//
// Limits (https://developers.google.com/apps-script/guides/services/quotas): 6 minutes per
// execution; simple triggers such as onEdit stop after 30 seconds
// (https://developers.google.com/apps-script/guides/triggers#restrictions).
import type { CallEvent } from '../preview/gas';

/** A call that has to reach Google's servers and wait for the answer (a read, a flush, a lock…). */
export const ROUND_TRIP_MS = 100;
/** A write Apps Script caches and sends in bulk (setValue, setBackground, a Docs element call). */
export const QUEUED_MS = (70_000 - 100 * ROUND_TRIP_MS) / 10_000;
/** Each cell carried by a 2-D read or write (getValues, setBackgrounds…). */
export const CELL_MS = (1_000 - ROUND_TRIP_MS) / 10_000;

export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

export type CallClass = 'local' | 'queued' | 'roundTrip';

/** Calls that build an object or answer from what the script already holds: no server work. */
const LOCAL: RegExp[] = [
  /^SpreadsheetApp\.(new\w*|getActive|getActiveSpreadsheet|getUi)$/,
  /Builder\.(?!create$)/, // rule, validation and rich-text builders assemble objects locally until applied
  /^(BooleanCondition|ConditionalFormatRule|DataValidation|RichTextValue|TextStyle|GradientCondition)\./,
  /^(Logger|Utilities|Menu|HtmlService|HtmlOutput|PromptResponse|Blob)\./,
  /^(LockService|PropertiesService)\.get\w+$/, // handles; the lock and the values are fetched later
  /^Range\.(getRow|getColumn|getLastRow|getLastColumn|getNumRows|getNumColumns|getA1Notation|getGridId|getSheet|getCell|offset)$/,
  /^(Sheet|Spreadsheet)\.(getRange|getRangeList)$/, // a handle; the cells are read by the next call
  /^Session\.(getActiveUser|getEffectiveUser|getScriptTimeZone)$/,
  /^ScriptApp\.getAuthMode$/,
  /^Ui\.createMenu$/,
];

/** Calls that wait for Google's answer before the script may continue. */
const ROUND_TRIP: RegExp[] = [
  /^SpreadsheetApp\.flush$/,
  /^Lock\.(tryLock|waitLock)$/,
  /^Properties\./,
  /^User\.getEmail$/,
  /^(DocumentApp\.(create|openById|openByUrl)|Document\.saveAndClose|DriveApp\.\w+|File\.\w+|Folder\.\w+)$/,
  /^Docs\w*\./, // the advanced Docs service: one HTTP request to the Docs API per call
  /^MailApp\./, // sending, and asking for the day's remaining quota
  /^(ScriptApp\.(getProjectTriggers|getUserTriggers|deleteTrigger)|ClockTriggerBuilder\.create)$/,
  /^Trigger\./,
  /^Ui\.(alert|prompt|showSidebar|showModalDialog|showModelessDialog)$/,
  /^Spreadsheet\.(insertSheet|duplicateActiveSheet|deleteSheet|copy)$/,
  /^Sheet\.copyTo$/,
  /^(Range|Sheet)\.protect$/,
  /^(Range|Sheet|Spreadsheet|Protection|EmbeddedChart)\.(get|is|has)\w*$/, // reads of document state
];

export function classify(key: string): CallClass {
  if (LOCAL.some((re) => re.test(key))) return 'local';
  if (ROUND_TRIP.some((re) => re.test(key))) return 'roundTrip';
  return 'queued';
}

export interface Estimate {
  calls: number;
  local: number;
  queued: number;
  roundTrips: number;
  cells: number;
  /** Modelled Apps Script time of the whole run, ms. */
  ms: number;
  /** Modelled time the document lock is held (from tryLock/waitLock to releaseLock or the end), ms. */
  lockMs: number;
}

export function costOf(event: CallEvent): number {
  const c = classify(event.key);
  const base = c === 'local' ? 0 : c === 'queued' ? QUEUED_MS : ROUND_TRIP_MS;
  return base + event.cells * CELL_MS;
}

export function estimate(events: readonly CallEvent[]): Estimate {
  const e: Estimate = { calls: events.length, local: 0, queued: 0, roundTrips: 0, cells: 0, ms: 0, lockMs: 0 };
  let locked = false;
  for (const event of events) {
    const c = classify(event.key);
    if (c === 'local') e.local += 1;
    else if (c === 'queued') e.queued += 1;
    else e.roundTrips += 1;
    e.cells += event.cells;
    const ms = costOf(event);
    e.ms += ms;
    if (event.key === 'Lock.releaseLock') locked = false;
    else if (locked) e.lockMs += ms;
    if (event.key === 'Lock.tryLock' || event.key === 'Lock.waitLock') locked = true;
  }
  return e;
}

/** Adds estimates of consecutive executions (batches of one operation). */
export function sum(estimates: readonly Estimate[]): Estimate {
  const total: Estimate = { calls: 0, local: 0, queued: 0, roundTrips: 0, cells: 0, ms: 0, lockMs: 0 };
  for (const x of estimates) for (const k of Object.keys(total) as (keyof Estimate)[]) total[k] += x[k];
  return total;
}

export type Limit = 'execution' | 'onEdit';

export interface TimedOperation {
  operation: string;
  /** The longest single execution (a batched operation runs several; each must fit the limit). */
  perExecution: Estimate;
  executions: number;
  total: Estimate;
  limit: Limit;
}

const operations: TimedOperation[] = [];

/** Records an operation for the closing table of `npm run bench`. `batches` are its executions. */
export function reportTime(operation: string, batches: readonly Estimate[], limit: Limit = 'execution'): TimedOperation {
  const perExecution = batches.reduce((a, b) => (b.ms > a.ms ? b : a));
  const op = { operation, perExecution, executions: batches.length, total: sum(batches), limit };
  operations.push(op);
  return op;
}

export function reportedTimes(): readonly TimedOperation[] {
  return operations;
}

const seconds = (ms: number): string => (ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** One row per operation: modelled time of its longest execution against its limit, and the lock. */
export function timeTable(ops: readonly TimedOperation[] = operations): Record<string, string | number>[] {
  return ops.map((op) => {
    const limitMs = op.limit === 'onEdit' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
    const share = op.perExecution.ms / limitMs;
    return {
      operation: op.operation,
      executions: op.executions,
      'calls (round trips)': `${op.total.calls} (${op.total.roundTrips})`,
      'modelled s, longest execution': seconds(op.perExecution.ms),
      limit: op.limit === 'onEdit' ? '30 s (onEdit)' : '6 min',
      'of limit': `${Math.round(share * 100)}%${share > 1 ? ' OVER' : ''}`,
      'lock held, s': seconds(op.perExecution.lockMs),
      'modelled s, all executions': seconds(op.total.ms),
    };
  });
}

export const MODEL_LEGEND =
  `Modelled Apps Script time: ${ROUND_TRIP_MS} ms a round trip (reads, flush, lock, properties, new sheets and Docs), ` +
  `${QUEUED_MS} ms a queued write, ${CELL_MS} ms a cell in a 2-D read or write, builders free ` +
  '(fitted to Google\'s «70 s cell by cell, 1 s batched» example; see bench/cost-model.ts).';
