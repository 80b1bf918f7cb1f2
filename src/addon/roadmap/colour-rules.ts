// Conditional-format rules of a roadmap sheet. setConditionalFormatRules replaces the whole list,
// so rules that are not ours (recognised by RULE_MARK in their formula) are kept, in their order.
import { isOurRuleFormula, type RuleSpec } from '../../core/roadmap/colour';
import { isProtectionError } from '../errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function formulaOf(rule: Rule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition) return null;
  const values = condition.getCriteriaValues();
  const first: unknown = values[0];
  return typeof first === 'string' ? first : null;
}

/** Rules of the sheet that the add-on did not write. */
export function foreignRules(sheet: Sheet): Rule[] {
  return sheet.getConditionalFormatRules().filter((r) => !isOurRuleFormula(formulaOf(r)));
}

/**
 * Replaces our rules by `specs`, keeping `keep` (read with foreignRules() before any write, so reads
 * and writes do not interleave); returns how many rules are ours. Calls depend on rules, never on rows.
 */
export function applyRules(sheet: Sheet, specs: readonly RuleSpec[], keep: readonly Rule[]): number {
  const ours = specs.map((s) => {
    let builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(s.formula).setBackground(s.background);
    if (s.fontColor) builder = builder.setFontColor(s.fontColor);
    const ranges = s.columns.map((c) => sheet.getRange(s.firstRow, c, s.lastRow - s.firstRow + 1, 1));
    return builder.setRanges(ranges).build();
  });
  try {
    sheet.setConditionalFormatRules([...keep, ...ours]);
  } catch (error) {
    // A school that fills only status, date and mark may not change the sheet's rules; those the
    // district wrote at distribution stay and colour the same way (the district reapplies them
    // when it changes the threshold, and a school in that mode cannot add rows).
    if (!isProtectionError(error)) throw error;
  }
  return ours.length;
}
