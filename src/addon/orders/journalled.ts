// One document, one journal row, no half state: the transaction orders and progress reports share.
// A Doc cannot be deleted without a Drive scope, so the journal row comes first: the row is
// reserved («создаётся…»), the Doc is made and its link written to that row at once, the Doc is
// filled, and only then is the row marked finished. A failure before the Doc exists puts the row
// back as it was (nothing is left); a failure after marks the row unfinished with the Doc's link;
// pressing again finds that row (`existing`) and fills the same Doc anew. Runs under the caller's
// document lock.
import { JOURNAL_FORMATS, STATE_CREATING, STATE_UNFINISHED, type JournalEntry } from '../../core/order/journal';
import { UserError } from '../endpoint';
import { twice } from '../atomic';
import { ensureJournalSheet, type JournalRead } from './journal';

type Document = GoogleAppsScript.Document.Document;

export interface JournalledSpec {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  journal: JournalRead;
  journalName: string;
  /** The unfinished row of this document, whose Doc is filled again; null for a new row. */
  existing: JournalEntry | null;
  /** The row's values for a link and a state ('' when finished). */
  entry: (url: string, state: string) => (string | number)[];
  /** The Doc of `existing` emptied for filling, or null when it has none. */
  reopen: (entry: JournalEntry) => Document | null;
  /** The name a new Doc has until it is filled. */
  pendingName: string;
  /** Makes and fills the Doc through `makeDoc` (called once; `url()` is its link from then on); returns warnings. */
  fill: (makeDoc: () => Document, url: () => string) => string[];
  /**
   * What else must be written once the Doc is complete and before the row is finished (e.g. a line
   * in the roadmap row's mark); its failure leaves the row unfinished, so pressing again completes it.
   */
  afterFill?: (url: string) => string[];
  /** Russian messages: nothing was kept; the reserved row may be left; the Doc is unfinished. */
  failed: (error: unknown) => string;
  rowLeft: (error: unknown, row: number) => string;
  /** `filled`: the Doc was complete, what failed was `afterFill` or finishing the row. */
  unfinished: (error: unknown, row: number, url: string, filled: boolean) => string;
}

export interface Journalled {
  url: string;
  row: number;
  warnings: string[];
}

export function journalledDocument(spec: JournalledSpec): Journalled {
  const { ss, journal, existing } = spec;
  const row = existing ? existing.row : Math.max(journal.raw.length, 1) + 1;
  const made: { sheet?: GoogleAppsScript.Spreadsheet.Sheet; doc?: Document; url?: string; filled?: boolean } = {};
  // Formats go with the row: the date a date and the rest text in any row and any locale.
  const writeRow = (values: readonly unknown[]) =>
    made.sheet!.getRange(row, 1, 1, values.length).setNumberFormats([JOURNAL_FORMATS.slice(0, values.length)]).setValues([[...values]]);

  /** Before the Doc exists: the row goes back to what it was (the journal sheet too, if this made it). */
  const takeBack = (error: unknown): UserError => {
    try {
      if (made.sheet && !journal.sheet) ss.deleteSheet(made.sheet);
      else if (made.sheet) writeRow(journal.rowValues(row));
    } catch {
      return new UserError(spec.rowLeft(error, row));
    }
    return error instanceof UserError ? error : new UserError(spec.failed(error));
  };
  /** After the Doc exists: the row keeps its link and says the Doc is unfinished. */
  const markUnfinished = (error: unknown): UserError => {
    try {
      writeRow(spec.entry(made.url!, STATE_UNFINISHED));
    } catch {
      // The row keeps the link and «создаётся…»: pressing again finishes it all the same.
    }
    return new UserError(spec.unfinished(error, row, made.url!, !!made.filled));
  };
  /** The Doc to fill: the unfinished one, or a new one, listed in the journal at once. */
  const makeDoc = (): Document => {
    // A new Doc is named only once it is filled: one whose creation Google failed to confirm carries no name.
    const doc = (existing && spec.reopen(existing)) || DocumentApp.create(spec.pendingName);
    made.url = twice(() => doc.getUrl());
    made.doc = doc;
    writeRow(spec.entry(made.url, STATE_CREATING));
    return doc;
  };

  try {
    // 1. Reserve the row (it stays «создаётся…» until the Doc is complete).
    made.sheet = ensureJournalSheet(ss, journal.raw[0], spec.journalName);
    writeRow(spec.entry(existing?.url ?? '', STATE_CREATING));
    // 2. Make and fill the Doc, then what goes with it.
    const filled = spec.fill(makeDoc, () => made.url!);
    made.filled = true;
    const warnings = [...filled, ...(spec.afterFill?.(made.url!) ?? [])];
    // 3. Finish the row.
    writeRow(spec.entry(made.url!, ''));
    return { url: made.url!, row, warnings };
  } catch (error) {
    throw made.doc ? markUnfinished(error) : takeBack(error);
  }
}
