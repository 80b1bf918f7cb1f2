// The smaller Apps Script classes of a spreadsheet: Protection, DataValidation(+Builder),
// ConditionalFormatRule(+Builder, BooleanCondition), NamedRange, RichTextValue(+Builder),
// EmbeddedChart(+Builder).
import { createBlob } from '../services/blob';
import { chartPng } from './chart-image';
import type { ChartData, ProtectionData, Rect, RuleData, SheetData, Validation } from './model';
import { rectA1, type Env } from './shared';

type SS = typeof GoogleAppsScript.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type User = GoogleAppsScript.Base.User;

export function userHandle(env: Env, email: string): User {
  const user = { getEmail: () => email, getUserLoginId: () => email, toString: () => email };
  return env.wrap<User, typeof user>(user, 'User');
}

const emailOf = (u: unknown): string =>
  typeof u === 'string' ? u : typeof u === 'object' && u !== null && 'getEmail' in u ? String((u as User).getEmail()) : String(u);

/** A new protection: its editors are the spreadsheet's editors plus whoever protects it. */
export function newProtection(env: Env, type: 'RANGE' | 'SHEET', sheet: SheetData, rect: Rect | null): ProtectionData {
  if (type === 'SHEET' && env.wb.protections.some((p) => !p.removed && p.type === 'SHEET' && p.sheet === sheet)) {
    throw new Error('A sheet protection already exists for this sheet.');
  }
  const data: ProtectionData = {
    type, sheet, rect, description: '', warningOnly: false,
    editors: new Set([...env.wb.editors, env.user()]), unprotected: [], domainEdit: false, removed: false, rangeName: null,
  };
  env.wb.protections.push(data);
  return data;
}

type FakeProtectionApi = Pick<Protection,
  | 'getDescription' | 'setDescription' | 'isWarningOnly' | 'setWarningOnly' | 'addEditor' | 'addEditors'
  | 'removeEditor' | 'removeEditors' | 'getEditors' | 'canEdit' | 'remove' | 'getProtectionType' | 'getRange'
  | 'setUnprotectedRanges' | 'getUnprotectedRanges' | 'setDomainEdit' | 'canDomainEdit' | 'getRangeName'
  | 'setRangeName'>;

export class FakeProtection implements FakeProtectionApi {
  constructor(private readonly env: Env, readonly data: ProtectionData) {}
  static handle(env: Env, data: ProtectionData): Protection {
    return env.wrap<Protection, FakeProtection>(new FakeProtection(env, data), 'Protection');
  }
  private self(): Protection { return this as unknown as Protection; }
  /** Only someone who can edit the protection may change it (Google throws otherwise). */
  private guard(): void {
    const user = this.env.user();
    if (user !== this.env.wb.owner && !this.data.editors.has(user)) throw new Error('You do not have permission to edit this protected range.');
  }
  getDescription(): string { return this.data.description; }
  setDescription(description: string): Protection { this.guard(); this.data.description = String(description); return this.self(); }
  isWarningOnly(): boolean { return this.data.warningOnly; }
  setWarningOnly(warningOnly: boolean): Protection { this.guard(); this.data.warningOnly = Boolean(warningOnly); return this.self(); }
  addEditor(emailAddress: string | User): Protection { this.guard(); this.data.editors.add(emailOf(emailAddress)); return this.self(); }
  addEditors(emailAddresses: string[]): Protection { this.guard(); for (const e of emailAddresses) this.data.editors.add(emailOf(e)); return this.self(); }
  // "Neither the owner of the spreadsheet nor the current user can be removed": silently kept.
  removeEditor(emailAddress: string | User): Protection { this.guard(); this.drop(emailOf(emailAddress)); return this.self(); }
  removeEditors(emailAddresses: Array<string | User>): Protection {
    this.guard();
    for (const e of emailAddresses) this.drop(emailOf(e));
    return this.self();
  }
  private drop(email: string): void {
    if (email === this.env.wb.owner || email === this.env.user()) return;
    this.data.editors.delete(email);
  }
  getEditors(): User[] {
    const emails = new Set([this.env.wb.owner, ...this.data.editors]);
    return [...emails].map((e) => userHandle(this.env, e));
  }
  canEdit(): boolean {
    const user = this.env.user();
    return user === this.env.wb.owner || this.data.editors.has(user);
  }
  remove(): void { this.guard(); this.data.removed = true; const i = this.env.wb.protections.indexOf(this.data); if (i >= 0) this.env.wb.protections.splice(i, 1); }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType { return this.data.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType; }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const s = this.data.sheet;
    return this.env.rangeHandle(s, this.data.rect ?? { row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns });
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    this.guard();
    if (this.data.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.data.unprotected = ranges.map((r) => ({ ...this.env.rangeRect(r).rect }));
    return this.self();
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.data.unprotected.map((r) => this.env.rangeHandle(this.data.sheet, r));
  }
  setDomainEdit(editable: boolean): Protection { this.data.domainEdit = Boolean(editable); return this.self(); }
  canDomainEdit(): boolean { return this.data.domainEdit; }
  getRangeName(): string | null { return this.data.rangeName; }
  setRangeName(rangeName: string): Protection { this.data.rangeName = rangeName; return this.self(); }
}

// ---- data validation ----

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class FakeDataValidation implements Pick<DataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'> {
  constructor(private readonly env: Env, readonly data: Validation) {}
  static handle(env: Env, data: Validation): DataValidation {
    return env.wrap<DataValidation, FakeDataValidation>(new FakeDataValidation(env, data), 'DataValidation');
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria { return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria; }
  getCriteriaValues(): unknown[] { return [...this.data.values]; }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getHelpText(): string { return this.data.helpText; }
  copy(): DataValidationBuilder { return FakeDataValidationBuilder.handle(this.env, { ...this.data, values: [...this.data.values] }); }
}

export class FakeDataValidationBuilder implements Pick<DataValidationBuilder,
  'requireValueInList' | 'requireCheckbox' | 'setAllowInvalid' | 'setHelpText' | 'build' | 'getCriteriaType' | 'getCriteriaValues'> {
  constructor(private readonly env: Env, private data: Validation) {}
  static handle(env: Env, data?: Validation): DataValidationBuilder {
    const d = data ?? { criteria: '', values: [], showDropdown: true, allowInvalid: true, helpText: '' };
    return env.wrap<DataValidationBuilder, FakeDataValidationBuilder>(new FakeDataValidationBuilder(env, d), 'DataValidationBuilder');
  }
  private self(): DataValidationBuilder { return this as unknown as DataValidationBuilder; }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    const dropdown = showDropdown ?? true;
    this.data = { ...this.data, criteria: 'VALUE_IN_LIST', values: [values.map(String), dropdown], showDropdown: dropdown };
    return this.self();
  }
  requireCheckbox(): DataValidationBuilder {
    this.data = { ...this.data, criteria: 'CHECKBOX', values: [] };
    return this.self();
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder { this.data = { ...this.data, allowInvalid: Boolean(allowInvalidData) }; return this.self(); }
  setHelpText(helpText: string): DataValidationBuilder { this.data = { ...this.data, helpText: String(helpText) }; return this.self(); }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria { return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria; }
  getCriteriaValues(): unknown[] { return [...this.data.values]; }
  build(): DataValidation {
    if (!this.data.criteria) throw new Error('You must set a criteria for the data validation rule.');
    return FakeDataValidation.handle(this.env, { ...this.data });
  }
}

/** The values a list validation allows (for userEdit and the snapshot). */
export const listValues = (v: Validation): string[] =>
  v.criteria === 'VALUE_IN_LIST' && Array.isArray(v.values[0]) ? (v.values[0] as unknown[]).map(String) : [];

// ---- conditional formatting ----

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

export const emptyRule = (): RuleData => ({
  ranges: [], criteria: '', values: [], background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null,
});

class FakeBooleanCondition implements Pick<BooleanCondition,
  'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor' | 'getBold' | 'getItalic' | 'getStrikethrough' | 'getUnderline'> {
  constructor(private readonly data: RuleData) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria { return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria; }
  getCriteriaValues(): unknown[] { return [...this.data.values]; }
  getBackground(): string | null { return this.data.background; }
  getFontColor(): string | null { return this.data.fontColor; }
  getBold(): boolean | null { return this.data.bold; }
  getItalic(): boolean | null { return this.data.italic; }
  getStrikethrough(): boolean | null { return this.data.strikethrough; }
  getUnderline(): boolean | null { return this.data.underline; }
}

export class FakeConditionalFormatRule implements Pick<Rule, 'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'copy'> {
  constructor(private readonly env: Env, readonly data: RuleData) {}
  static handle(env: Env, data: RuleData): Rule {
    return env.wrap<Rule, FakeConditionalFormatRule>(new FakeConditionalFormatRule(env, data), 'ConditionalFormatRule');
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { return this.data.ranges.map((r) => this.env.rangeHandle(r.sheet, r.rect)); }
  getBooleanCondition(): BooleanCondition | null {
    return this.data.criteria ? this.env.wrap<BooleanCondition, FakeBooleanCondition>(new FakeBooleanCondition(this.data), 'BooleanCondition') : null;
  }
  getGradientCondition(): null { return null; }
  copy(): RuleBuilder { return FakeConditionalFormatRuleBuilder.handle(this.env, { ...this.data, ranges: [...this.data.ranges] }); }
}

export class FakeConditionalFormatRuleBuilder implements Pick<RuleBuilder,
  | 'whenFormulaSatisfied' | 'whenCellEmpty' | 'whenCellNotEmpty' | 'whenTextEqualTo' | 'whenTextContains'
  | 'setBackground' | 'setFontColor' | 'setBold' | 'setItalic' | 'setStrikethrough' | 'setUnderline' | 'setRanges'
  | 'getRanges' | 'getBooleanCondition' | 'build'> {
  constructor(private readonly env: Env, private readonly data: RuleData) {}
  static handle(env: Env, data?: RuleData): RuleBuilder {
    return env.wrap<RuleBuilder, FakeConditionalFormatRuleBuilder>(new FakeConditionalFormatRuleBuilder(env, data ?? emptyRule()), 'ConditionalFormatRuleBuilder');
  }
  private self(): RuleBuilder { return this as unknown as RuleBuilder; }
  private when(criteria: string, values: unknown[]): RuleBuilder { this.data.criteria = criteria; this.data.values = values; return this.self(); }
  whenFormulaSatisfied(formula: string): RuleBuilder { return this.when('CUSTOM_FORMULA', [String(formula)]); }
  whenCellEmpty(): RuleBuilder { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): RuleBuilder { return this.when('CELL_NOT_EMPTY', []); }
  whenTextEqualTo(text: string): RuleBuilder { return this.when('TEXT_EQUAL_TO', [String(text)]); }
  whenTextContains(text: string): RuleBuilder { return this.when('TEXT_CONTAINS', [String(text)]); }
  setBackground(color: string | null): RuleBuilder { this.data.background = color; return this.self(); }
  setFontColor(color: string | null): RuleBuilder { this.data.fontColor = color; return this.self(); }
  setBold(bold: boolean | null): RuleBuilder { this.data.bold = bold; return this.self(); }
  setItalic(italic: boolean | null): RuleBuilder { this.data.italic = italic; return this.self(); }
  setStrikethrough(strikethrough: boolean | null): RuleBuilder { this.data.strikethrough = strikethrough; return this.self(); }
  setUnderline(underline: boolean | null): RuleBuilder { this.data.underline = underline; return this.self(); }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): RuleBuilder {
    this.data.ranges = ranges.map((r) => this.env.rangeRect(r));
    return this.self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { return this.data.ranges.map((r) => this.env.rangeHandle(r.sheet, r.rect)); }
  getBooleanCondition(): BooleanCondition | null {
    return this.data.criteria ? this.env.wrap<BooleanCondition, FakeBooleanCondition>(new FakeBooleanCondition(this.data), 'BooleanCondition') : null;
  }
  build(): Rule {
    if (!this.data.criteria) throw new Error('Conditional format rule must have a condition.');
    return FakeConditionalFormatRule.handle(this.env, { ...this.data, ranges: [...this.data.ranges] });
  }
}

// ---- named ranges ----

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

export class FakeNamedRange implements Pick<NamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'> {
  constructor(private readonly env: Env, private name: string) {}
  static handle(env: Env, name: string): NamedRange {
    return env.wrap<NamedRange, FakeNamedRange>(new FakeNamedRange(env, name), 'NamedRange');
  }
  private self(): NamedRange { return this as unknown as NamedRange; }
  getName(): string { return this.name; }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const r = this.env.wb.namedRanges.get(this.name);
    if (!r) throw new Error('Range not found');
    return this.env.rangeHandle(r.sheet, r.rect);
  }
  remove(): void { this.env.wb.namedRanges.delete(this.name); }
  setName(name: string): NamedRange {
    const r = this.env.wb.namedRanges.get(this.name);
    if (r) {
      this.env.wb.namedRanges.delete(this.name);
      this.env.wb.namedRanges.set(name, r);
    }
    this.name = name;
    return this.self();
  }
  setRange(range: GoogleAppsScript.Spreadsheet.Range): NamedRange {
    this.env.wb.namedRanges.set(this.name, this.env.rangeRect(range));
    return this.self();
  }
}

// ---- rich text ----
// Links and text styles over parts of a cell. Offsets are 0-based, start inclusive, end exclusive,
// relative to the cell's text; setText clears every style, links included; a run is the longest
// substring with one style (link included); getLinkUrl() is null when there is no link or the text
// carries several different links (or a link over only part of it).
// https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value
// https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value-builder
// A TextStyle here holds only what was set (an unset attribute reads null); the add-on only carries
// a run's style over to a new value, never reads its attributes.

type RichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;
type RichTextValueBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type TextStyleBuilder = GoogleAppsScript.Spreadsheet.TextStyleBuilder;

/** A linked substring of a cell's text. */
export interface LinkRun {
  start: number;
  end: number;
  url: string;
}

/** What a TextStyle sets (unset attributes are absent). */
export interface TextStyleData {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  foregroundColor?: string;
  fontSize?: number;
  fontFamily?: string;
}

/** A styled substring of a cell's text. */
export interface StyleRun {
  start: number;
  end: number;
  style: TextStyleData;
}

const sameStyle = (a: TextStyleData, b: TextStyleData): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Spans clipped to the text, sorted, without overlaps (a later span wins), equal neighbours joined. */
function normalSpans<T>(spans: readonly { start: number; end: number; value: T }[], length: number, same: (a: T, b: T) => boolean): { start: number; end: number; value: T }[] {
  const at: (T | undefined)[] = new Array<T | undefined>(length).fill(undefined);
  for (const l of spans) for (let i = Math.max(0, l.start); i < Math.min(length, l.end); i++) at[i] = l.value;
  const out: { start: number; end: number; value: T }[] = [];
  for (let i = 0; i < length; i++) {
    const value = at[i];
    if (value === undefined) continue;
    const last = out[out.length - 1];
    if (last && last.end === i && same(last.value, value)) last.end = i + 1;
    else out.push({ start: i, end: i + 1, value });
  }
  return out;
}

export function normalLinks(links: readonly LinkRun[], length: number): LinkRun[] {
  return normalSpans(links.map((l) => ({ start: l.start, end: l.end, value: l.url })), length, (a, b) => a === b).map((r) => ({ start: r.start, end: r.end, url: r.value }));
}

export function normalStyles(styles: readonly StyleRun[], length: number): StyleRun[] {
  return normalSpans(styles.map((l) => ({ start: l.start, end: l.end, value: l.style })), length, sameStyle).map((r) => ({ start: r.start, end: r.end, style: r.value }));
}

/** The one span over all of [start, end), or undefined. */
function over<R extends { start: number; end: number }>(runs: readonly R[], start: number, end: number): R | undefined {
  return end > start ? runs.find((l) => l.start <= start && l.end >= end) : undefined;
}

export class FakeTextStyle implements Pick<TextStyle, 'isBold' | 'isItalic' | 'isUnderline' | 'isStrikethrough' | 'getForegroundColor' | 'getFontSize' | 'getFontFamily' | 'copy'> {
  constructor(private readonly env: Env, readonly data: TextStyleData) {}
  static handle(env: Env, data: TextStyleData): TextStyle {
    return env.wrap<TextStyle, FakeTextStyle>(new FakeTextStyle(env, { ...data }), 'TextStyle');
  }
  isBold(): boolean | null { return this.data.bold ?? null; }
  isItalic(): boolean | null { return this.data.italic ?? null; }
  isUnderline(): boolean | null { return this.data.underline ?? null; }
  isStrikethrough(): boolean | null { return this.data.strikethrough ?? null; }
  getForegroundColor(): string | null { return this.data.foregroundColor ?? null; }
  getFontSize(): number | null { return this.data.fontSize ?? null; }
  getFontFamily(): string | null { return this.data.fontFamily ?? null; }
  copy(): TextStyleBuilder { return FakeTextStyleBuilder.handle(this.env, this.data); }
}

export class FakeTextStyleBuilder implements Pick<TextStyleBuilder, 'setBold' | 'setItalic' | 'setUnderline' | 'setStrikethrough' | 'setForegroundColor' | 'setFontSize' | 'setFontFamily' | 'build'> {
  constructor(private readonly env: Env, private data: TextStyleData) {}
  static handle(env: Env, data: TextStyleData = {}): TextStyleBuilder {
    return env.wrap<TextStyleBuilder, FakeTextStyleBuilder>(new FakeTextStyleBuilder(env, { ...data }), 'TextStyleBuilder');
  }
  private set<K extends keyof TextStyleData>(key: K, value: TextStyleData[K] | null): TextStyleBuilder {
    if (value === null || value === undefined) delete this.data[key];
    else this.data[key] = value;
    return this as unknown as TextStyleBuilder;
  }
  setBold(bold: boolean): TextStyleBuilder { return this.set('bold', bold); }
  setItalic(italic: boolean): TextStyleBuilder { return this.set('italic', italic); }
  setUnderline(underline: boolean): TextStyleBuilder { return this.set('underline', underline); }
  setStrikethrough(strikethrough: boolean): TextStyleBuilder { return this.set('strikethrough', strikethrough); }
  setForegroundColor(color: string): TextStyleBuilder { return this.set('foregroundColor', color); }
  setFontSize(size: number): TextStyleBuilder { return this.set('fontSize', size); }
  setFontFamily(family: string): TextStyleBuilder { return this.set('fontFamily', family); }
  build(): TextStyle { return FakeTextStyle.handle(this.env, this.data); }
}

export class FakeRichTextValue implements Pick<RichTextValue, 'getText' | 'getLinkUrl' | 'copy' | 'getRuns' | 'getStartIndex' | 'getEndIndex' | 'getTextStyle'> {
  readonly links: LinkRun[];
  readonly styles: StyleRun[];
  /** `offset`: where this value starts in its cell (a run of a longer value). */
  constructor(private readonly env: Env, readonly text: string, links: readonly LinkRun[], styles: readonly StyleRun[] = [], private readonly offset = 0) {
    this.links = normalLinks(links, text.length);
    this.styles = normalStyles(styles, text.length);
  }
  static handle(env: Env, text: string, links: readonly LinkRun[], styles: readonly StyleRun[] = [], offset = 0): RichTextValue {
    return env.wrap<RichTextValue, FakeRichTextValue>(new FakeRichTextValue(env, text, links, styles, offset), 'RichTextValue');
  }
  getText(): string { return this.text; }
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    return over(this.links, startOffset ?? 0, startOffset === undefined ? this.text.length : (endOffset ?? this.text.length))?.url ?? null;
  }
  /** The style over the whole value (or the part), attributes unset where it is not uniform. */
  getTextStyle(startOffset?: number, endOffset?: number): TextStyle {
    const style = over(this.styles, startOffset ?? 0, startOffset === undefined ? this.text.length : (endOffset ?? this.text.length))?.style ?? {};
    return FakeTextStyle.handle(this.env, style);
  }
  getStartIndex(): number { return this.offset; }
  getEndIndex(): number { return this.offset + this.text.length; }
  getRuns(): RichTextValue[] {
    const edges = [...this.links, ...this.styles].flatMap((l) => [l.start, l.end]);
    const cuts = [...new Set([0, this.text.length, ...edges])].sort((a, b) => a - b);
    const runs: RichTextValue[] = [];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k]!, cuts[k + 1]!];
      const url = over(this.links, from, to)?.url;
      const style = over(this.styles, from, to)?.style;
      runs.push(FakeRichTextValue.handle(this.env, this.text.slice(from, to), url ? [{ start: 0, end: to - from, url }] : [], style ? [{ start: 0, end: to - from, style }] : [], this.offset + from));
    }
    return runs;
  }
  copy(): RichTextValueBuilder { return FakeRichTextValueBuilder.handle(this.env, this.text, this.links, this.styles); }
}

export class FakeRichTextValueBuilder implements Pick<RichTextValueBuilder, 'setText' | 'setLinkUrl' | 'setTextStyle' | 'build'> {
  private links: LinkRun[];
  private styles: StyleRun[];
  constructor(private readonly env: Env, private text: string, links: readonly LinkRun[], styles: readonly StyleRun[]) {
    this.links = [...links];
    this.styles = [...styles];
  }
  static handle(env: Env, text = '', links: readonly LinkRun[] = [], styles: readonly StyleRun[] = []): RichTextValueBuilder {
    return env.wrap<RichTextValueBuilder, FakeRichTextValueBuilder>(new FakeRichTextValueBuilder(env, text, links, styles), 'RichTextValueBuilder');
  }
  private self(): RichTextValueBuilder { return this as unknown as RichTextValueBuilder; }
  /** Sets the text and clears every existing style, links included (Google's reference). */
  setText(text: string): RichTextValueBuilder {
    this.text = String(text);
    this.links = [];
    this.styles = [];
    return this.self();
  }
  private range(start: number, end: number): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > this.text.length || start > end) {
      throw new Error(`Invalid argument: offsets ${start}–${end} are outside the text (length ${this.text.length}).`);
    }
  }
  setLinkUrl(...args: [string | null] | [number, number, string | null]): RichTextValueBuilder {
    const [start, end, url] = args.length === 1 ? [0, this.text.length, args[0]] : args;
    this.range(start, end);
    // Clearing is a link of nobody: cut [start, end) out of every link, then add the new one.
    const kept = this.links.flatMap((l) => [
      ...(l.start < start ? [{ ...l, end: Math.min(l.end, start) }] : []),
      ...(l.end > end ? [{ ...l, start: Math.max(l.start, end) }] : []),
    ]);
    this.links = url ? [...kept, { start, end, url }] : kept;
    return this.self();
  }
  /** Applies a style to a part (or all) of the text; null does nothing (Google's reference). */
  setTextStyle(...args: [TextStyle | null] | [number, number, TextStyle | null]): RichTextValueBuilder {
    const [start, end, style] = args.length === 1 ? [0, this.text.length, args[0]] : args;
    this.range(start, end);
    if (!style) return this.self();
    const data = this.env.unwrap(style, FakeTextStyle, 'textStyle').data;
    // Attributes the new style sets override; the others stay as they were.
    const base = new FakeRichTextValue(this.env, this.text, [], this.styles);
    const pieces: StyleRun[] = [];
    for (let i = start; i < end; i++) {
      const was = base.styles.find((s) => s.start <= i && s.end > i)?.style ?? {};
      pieces.push({ start: i, end: i + 1, style: { ...was, ...data } });
    }
    this.styles = [...this.styles, ...pieces];
    return this.self();
  }
  build(): RichTextValue { return FakeRichTextValue.handle(this.env, this.text, this.links, this.styles); }
}

// ---- embedded charts ----

type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export class FakeEmbeddedChart implements Pick<EmbeddedChart, 'getChartId' | 'getRanges' | 'getOptions' | 'modify' | 'getContainerInfo' | 'getAs' | 'getBlob'> {
  constructor(private readonly env: Env, readonly data: ChartData) {}
  static handle(env: Env, data: ChartData): EmbeddedChart {
    return env.wrap<EmbeddedChart, FakeEmbeddedChart>(new FakeEmbeddedChart(env, data), 'EmbeddedChart');
  }
  getChartId(): number { return this.data.id; }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { return this.data.ranges.map((r) => this.env.rangeHandle(r.sheet, r.rect)); }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { get: (option: string) => this.data.options.get(option) ?? null };
    return this.env.wrap<GoogleAppsScript.Charts.ChartOptions, typeof options>(options, 'ChartOptions');
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.data.position;
    const info = {
      getAnchorRow: () => p.anchorRow, getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY,
    };
    return this.env.wrap<GoogleAppsScript.Spreadsheet.ContainerInfo, typeof info>(info, 'ContainerInfo');
  }
  modify(): EmbeddedChartBuilder {
    return FakeEmbeddedChartBuilder.handle(this.env, { ...this.data, ranges: [...this.data.ranges], options: new Map(this.data.options) });
  }
  /**
   * The chart as a picture, drawn from its ranges' current values (chart-image.ts). Google's
   * reference: "Return the data inside this object as a blob converted to the specified content
   * type"; for images 'image/png' (and bmp, gif, jpeg) are valid
   * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getAs(String)).
   * Only PNG is modelled; the blob's name is not documented, ours is the title with ".png".
   */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'image/png') throw new Error(`Converting a chart to ${contentType} is not modelled by the in-memory runtime (only image/png).`);
    const columns = this.data.ranges.map((r) => this.env.rangeHandle(r.sheet, r.rect).getValues());
    const height = Math.max(0, ...columns.map((c) => c.length));
    const values = Array.from({ length: height }, (_, i) => columns.flatMap((c) => c[i] ?? []));
    const bytes = chartPng({ type: this.data.type, options: this.data.options, values });
    const title = this.data.options.get('title');
    return createBlob(this.env.ctx, { bytes: [...bytes], contentType: 'image/png', name: `${typeof title === 'string' && title ? title : 'chart'}.png` });
  }
  /** The chart's own type is an image: getBlob() is getAs('image/png'). */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('image/png');
  }
}

export class FakeEmbeddedChartBuilder implements Pick<EmbeddedChartBuilder,
  | 'asColumnChart' | 'asBarChart' | 'asPieChart' | 'asLineChart' | 'setChartType' | 'addRange' | 'removeRange'
  | 'clearRanges' | 'getRanges' | 'setPosition' | 'setOption' | 'getChartType' | 'build'> {
  constructor(private readonly env: Env, readonly data: ChartData) {}
  static handle(env: Env, data: ChartData): EmbeddedChartBuilder {
    return env.wrap<EmbeddedChartBuilder, FakeEmbeddedChartBuilder>(new FakeEmbeddedChartBuilder(env, data), 'EmbeddedChartBuilder');
  }
  private self(): never { return this as never; }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder { this.data.type = 'COLUMN'; return this.self(); }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder { this.data.type = 'BAR'; return this.self(); }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder { this.data.type = 'PIE'; return this.self(); }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder { this.data.type = 'LINE'; return this.self(); }
  setChartType(type: GoogleAppsScript.Charts.ChartType): EmbeddedChartBuilder { this.data.type = String(type); return this.self(); }
  getChartType(): GoogleAppsScript.Charts.ChartType { return this.data.type as unknown as GoogleAppsScript.Charts.ChartType; }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): EmbeddedChartBuilder { this.data.ranges.push(this.env.rangeRect(range)); return this.self(); }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range): EmbeddedChartBuilder {
    const { sheet, rect } = this.env.rangeRect(range);
    this.data.ranges = this.data.ranges.filter((r) => !(r.sheet === sheet && rectA1(r.rect) === rectA1(rect)));
    return this.self();
  }
  clearRanges(): EmbeddedChartBuilder { this.data.ranges = []; return this.self(); }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] { return this.data.ranges.map((r) => this.env.rangeHandle(r.sheet, r.rect)); }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    this.data.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder { this.data.options.set(option, value); return this.self(); }
  build(): EmbeddedChart { return FakeEmbeddedChart.handle(this.env, { ...this.data, ranges: [...this.data.ranges], options: new Map(this.data.options) }); }
}

export type { SS };
