// DocumentApp: documents as plain models (doc-model.ts), handed to the add-on through tracked
// element wrappers. Reference: https://developers.google.com/apps-script/reference/document
//
// Google's structural rules kept here because they change what a generated document looks like:
// a new document (and a cleared section, and a new table cell) holds one empty paragraph; a section
// cannot lose its last paragraph; a table appended at the end of the body is followed by an empty
// paragraph (a document always ends with a paragraph).
import type { GasContext } from '../context';
import type { DocSnapshot } from '../types';
import { blobData, createBlob, stubPdf } from './blob';
import {
  cellText, clone, docSnapshot, docText, newCell, newParagraph, newTable,
  type Attrs, type BlockModel, type CellModel, type DocModel, type InlineImageModel, type ParagraphModel, type RowModel, type SectionModel, type TableModel,
} from './doc-model';
import { docsRegex, replaceAll } from './doc-text';
import type { DriveStore, FileRecord } from './drive';
import { enumName, makeEnum } from './enum';
import { complete } from './partial';
import { pngSize } from './png';
import { base64Decode, base64Encode, utf8Encode } from './utf8';

type D = typeof GoogleAppsScript.Document;
export const ParagraphHeadingEnum = makeEnum<D['ParagraphHeading']>(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE']);
export const HorizontalAlignmentEnum = makeEnum<D['HorizontalAlignment']>(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const VerticalAlignmentEnum = makeEnum<D['VerticalAlignment']>(['BOTTOM', 'CENTER', 'TOP']);
export const GlyphTypeEnum = makeEnum<D['GlyphType']>(['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);
export const ElementTypeEnum = makeEnum<D['ElementType']>(['BODY_SECTION', 'HEADER_SECTION', 'FOOTER_SECTION', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT', 'PAGE_BREAK', 'INLINE_IMAGE', 'UNSUPPORTED']);
export const AttributeEnum = makeEnum<D['Attribute']>([
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'HEADING',
  'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT',
  'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL',
  'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER',
  'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
]);

const byName = <T>(e: T, name: string): unknown => (e as Record<string, unknown>)[name];

/** Google's daily quota for new documents on a personal account (quotas page: "Docs created 250 / day"). */
export const DOCS_PER_DAY = 250;
export const DOCS_QUOTA_MESSAGE = 'Service invoked too many times for one day: docs create.';

/** Default page of a new document: US Letter with 1-inch margins, in points. */
const LETTER = { width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 };

type Container = SectionModel | CellModel;
/**
 * Element fakes name only methods of the real interface (a typo or a method Google lacks fails to
 * compile), but their many overloads and covariant returns are not re-declared here.
 */
type Impl<T> = { [K in keyof T]?: unknown };
type Parent = Container | TableModel | RowModel;

export interface DocumentState {
  readonly service: GoogleAppsScript.Document.DocumentApp;
  /** The live model of a document (for the advanced Docs service, docs-api.ts); undefined when missing or trashed. */
  model(id: string): DocModel | undefined;
  /** After the Docs API changed a document's blocks: DocumentApp adopts them as elements. */
  adopt(doc: DocModel): void;
  snapshots(): DocSnapshot[];
  /** Sets how many more documents may be created today (quota tests). */
  setDocsQuota(remaining: number): void;
}

export function createDocumentService(ctx: GasContext, drive: DriveStore): DocumentState {
  const docs = new Map<string, DocModel>();
  const parents = new WeakMap<object, Parent>();
  const models = new WeakMap<object, object>();
  let quota = DOCS_PER_DAY;

  const track = <T extends object>(impl: Impl<T>, model: object, className: string): T => {
    const proxy = ctx.tracker.wrap(complete<T>(impl as Partial<T>, className), className);
    models.set(proxy, model);
    return proxy;
  };
  const modelOf = (x: unknown): object => {
    const m = typeof x === 'object' && x !== null ? models.get(x) : undefined;
    if (!m) throw new Error('Invalid argument: element');
    return m;
  };
  const adopt = <T extends object>(child: T, parent: Parent): T => (parents.set(child, parent), child);

  const blocksOf = (p: Parent): object[] =>
    p.kind === 'table' ? p.rows : p.kind === 'row' ? p.cells : p.kind === 'cell' ? p.children : p.blocks;

  const removeFrom = (model: object): void => {
    const parent = parents.get(model);
    if (!parent) return;
    const list = blocksOf(parent);
    const at = list.indexOf(model);
    if (at < 0) return;
    const paragraphs = list.filter((b) => (b as BlockModel).kind === 'paragraph' || (b as BlockModel).kind === 'listItem');
    if ((parent.kind === 'body' || parent.kind === 'cell') && paragraphs.length === 1 && paragraphs[0] === model) {
      throw new Error("Can't remove the last paragraph in a document section.");
    }
    list.splice(at, 1);
    parents.delete(model);
  };

  // ---- Text ----

  type TextTarget = { para: ParagraphModel; start: number; end: number | null } | { container: Container | TableModel | RowModel };

  const paragraphsIn = (m: Container | TableModel | RowModel): ParagraphModel[] => {
    const out: ParagraphModel[] = [];
    const visit = (x: object): void => {
      const k = (x as { kind: string }).kind;
      if (k === 'paragraph' || k === 'listItem') out.push(x as ParagraphModel);
      else if (k !== 'pageBreak' && k !== 'sectionBreak') for (const c of blocksOf(x as Parent)) visit(c);
    };
    visit(m);
    return out;
  };

  const textOf = (t: TextTarget): string =>
    'para' in t ? t.para.text.slice(t.start, t.end ?? undefined) : containerText(t.container);

  const rowText = (r: RowModel): string => r.cells.map(cellText).join('\t');
  const containerText = (m: Container | TableModel | RowModel): string =>
    m.kind === 'table'
      ? m.rows.map(rowText).join('\n')
      : m.kind === 'row'
        ? rowText(m)
        : m.kind === 'cell'
        ? cellText(m)
        : m.blocks.map((b) => (b.kind === 'table' ? containerText(b) : b.kind === 'pageBreak' || b.kind === 'sectionBreak' ? '' : b.text)).join('\n');

  const styleText = (t: TextTarget, key: string, args: unknown[]): void => {
    if ('container' in t) {
      if (args.length !== 1) throw new Error('Offsets are not supported on this element\'s text in the in-memory Apps Script');
      for (const p of paragraphsIn(t.container)) {
        p.attrs[key] = args[0];
        for (const r of p.runs) delete r.attrs[key];
      }
      return;
    }
    const base = t.start;
    const [start, end, value] =
      args.length >= 3 ? [base + Number(args[0]), base + Number(args[1]) + 1, args[2]] : [base, t.end ?? t.para.text.length, args[0]];
    if (start < 0 || end > t.para.text.length || start >= end) {
      if (start === end && t.para.text.length === 0) return;
      throw new Error('Index out of bounds.');
    }
    if (start === 0 && end === t.para.text.length) {
      t.para.attrs[key] = value;
      for (const r of t.para.runs) delete r.attrs[key];
    } else t.para.runs.push({ start, end, attrs: { [key]: value } });
  };

  const wrapText = (t: TextTarget): GoogleAppsScript.Document.Text => {
    const setter = (key: string) => (...args: unknown[]) => (styleText(t, key, args), self);
    const impl: Impl<GoogleAppsScript.Document.Text> = {
      getText: () => textOf(t),
      setText: (text: string) => {
        if ('container' in t) throw new Error('setText on this element is not supported in the in-memory Apps Script');
        t.para.text = t.para.text.slice(0, t.start) + String(text) + (t.end === null ? '' : t.para.text.slice(t.end));
        t.para.runs = [];
        if (t.end !== null) t.end = t.start + String(text).length;
        return self;
      },
      appendText: ((text: string) => {
        if ('container' in t) throw new Error('appendText on this element is not supported in the in-memory Apps Script');
        const start = t.para.text.length;
        t.para.text += String(text);
        return wrapText({ para: t.para, start, end: t.para.text.length });
      }) as GoogleAppsScript.Document.Text['appendText'],
      insertText: ((offset: number, text: string) => {
        if ('container' in t) throw new Error('insertText on this element is not supported in the in-memory Apps Script');
        const at = t.start + offset;
        t.para.text = t.para.text.slice(0, at) + String(text) + t.para.text.slice(at);
        for (const r of t.para.runs) {
          if (r.start >= at) r.start += String(text).length;
          if (r.end > at) r.end += String(text).length;
        }
        return self;
      }) as GoogleAppsScript.Document.Text['insertText'],
      deleteText: (start: number, endInclusive: number) => {
        if ('container' in t) throw new Error('deleteText on this element is not supported in the in-memory Apps Script');
        const [s, e] = [t.start + start, t.start + endInclusive + 1];
        t.para.text = t.para.text.slice(0, s) + t.para.text.slice(e);
        t.para.runs = t.para.runs.filter((r) => r.end <= s);
        return self;
      },
      setBold: setter('BOLD') as GoogleAppsScript.Document.Text['setBold'],
      setItalic: setter('ITALIC') as GoogleAppsScript.Document.Text['setItalic'],
      setUnderline: setter('UNDERLINE') as GoogleAppsScript.Document.Text['setUnderline'],
      setStrikethrough: setter('STRIKETHROUGH') as GoogleAppsScript.Document.Text['setStrikethrough'],
      setFontSize: setter('FONT_SIZE') as GoogleAppsScript.Document.Text['setFontSize'],
      setFontFamily: setter('FONT_FAMILY') as GoogleAppsScript.Document.Text['setFontFamily'],
      setForegroundColor: setter('FOREGROUND_COLOR') as GoogleAppsScript.Document.Text['setForegroundColor'],
      setBackgroundColor: setter('BACKGROUND_COLOR') as GoogleAppsScript.Document.Text['setBackgroundColor'],
      setLinkUrl: setter('LINK_URL') as GoogleAppsScript.Document.Text['setLinkUrl'],
      setAttributes: ((...args: unknown[]) => {
        const attrs = normaliseAttrs(args[args.length - 1]);
        for (const [k, v] of Object.entries(attrs)) styleText(t, k, args.length >= 3 ? [args[0], args[1], v] : [v]);
        return self;
      }) as GoogleAppsScript.Document.Text['setAttributes'],
      isBold: ((offset?: number) => {
        if ('container' in t) return paragraphsIn(t.container).every((p) => p.attrs.BOLD === true);
        const at = t.start + (offset ?? 0);
        const run = [...t.para.runs].reverse().find((r) => r.start <= at && r.end > at && 'BOLD' in r.attrs);
        return (run ? run.attrs.BOLD : t.para.attrs.BOLD) === true;
      }) as GoogleAppsScript.Document.Text['isBold'],
      getParent: () => ('para' in t ? paragraphHandle(t.para) : anyHandle(t.container)) as unknown as GoogleAppsScript.Document.ContainerElement,
      getType: () => ElementTypeEnum.TEXT,
      // Element.asText(): the cast of an element whose type is TEXT (a findText match's element) is the Text itself.
      asText: () => self,
      replaceText: (pattern: string, replacement: string) => {
        if ('para' in t) replaceInParagraph(t.para, pattern, replacement);
        else for (const p of paragraphsIn(t.container)) replaceInParagraph(p, pattern, replacement);
        return self;
      },
      findText: ((pattern: string, from?: GoogleAppsScript.Document.RangeElement) =>
        findIn('para' in t ? [t.para] : paragraphsIn(t.container), pattern, from)) as GoogleAppsScript.Document.Text['findText'],
    };
    const self = track<GoogleAppsScript.Document.Text>(impl, 'para' in t ? t.para : t.container, 'Text');
    return self;
  };

  const replaceInParagraph = (p: ParagraphModel, pattern: string, replacement: string): void => {
    const next = replaceAll(p.text, pattern, replacement);
    if (next === p.text) return;
    // Styling of replaced ranges is approximated: runs past the first change are dropped.
    const re = docsRegex(pattern);
    const first = re.exec(p.text)?.index ?? 0;
    p.runs = p.runs.filter((r) => r.end <= first);
    p.text = next;
  };

  /** Google's findText: the next match after `from`, in document order, or null. */
  const rangeStarts = new WeakMap<object, { para: ParagraphModel; start: number }>();
  const findIn = (paras: ParagraphModel[], pattern: string, from?: unknown): GoogleAppsScript.Document.RangeElement | null => {
    const after = from ? rangeStarts.get(from as object) : undefined;
    let started = !after;
    for (const p of paras) {
      let offset = 0;
      if (!started) {
        if (p !== after!.para) continue;
        started = true;
        offset = after!.start + 1;
      }
      const re = docsRegex(pattern);
      re.lastIndex = offset;
      const m = re.exec(p.text);
      if (m && m[0].length > 0) {
        const start = m.index;
        const end = m.index + m[0].length - 1;
        const impl: Impl<GoogleAppsScript.Document.RangeElement> = {
          getElement: () => wrapText({ para: p, start: 0, end: null }) as unknown as GoogleAppsScript.Document.Element,
          getStartOffset: () => start,
          getEndOffsetInclusive: () => end,
          isPartial: () => !(start === 0 && end === p.text.length - 1),
        };
        const range = track<GoogleAppsScript.Document.RangeElement>(impl, p, 'RangeElement');
        rangeStarts.set(range, { para: p, start });
        return range;
      }
    }
    return null;
  };

  // ---- Attributes ----

  const normaliseAttrs = (attrs: unknown): Attrs => {
    const out: Attrs = {};
    if (typeof attrs !== 'object' || attrs === null) throw new Error('Invalid argument: attributes');
    for (const [k, v] of Object.entries(attrs)) out[k] = enumName(v) ?? v;
    return out;
  };

  const PARAGRAPH_KEYS: Record<string, string> = { HEADING: 'heading' };
  const applyParagraphAttrs = (p: ParagraphModel, attrs: Attrs): void => {
    for (const [k, v] of Object.entries(attrs)) {
      if (k in PARAGRAPH_KEYS) p.heading = String(v);
      else if (k === 'NESTING_LEVEL') p.nesting = Number(v);
      else if (k === 'GLYPH_TYPE') p.glyph = String(v);
      else {
        p.attrs[k] = v;
        for (const r of p.runs) delete r.attrs[k];
      }
    }
  };

  // ---- Paragraphs and list items ----

  const siblings = (model: object): { list: object[]; at: number } => {
    const parent = parents.get(model);
    const list = parent ? blocksOf(parent) : [];
    return { list, at: list.indexOf(model) };
  };

  const anyHandle = (m: object): GoogleAppsScript.Document.Element => {
    const k = (m as { kind: string }).kind;
    const h =
      k === 'paragraph' || k === 'listItem'
        ? paragraphHandle(m as ParagraphModel)
        : k === 'table'
          ? tableHandle(m as TableModel)
          : k === 'row'
            ? rowHandle(m as RowModel)
            : k === 'cell'
              ? cellHandle(m as CellModel)
              : k === 'pageBreak'
                ? pageBreakHandle(m as BlockModel)
                : containerHandle(m as Container);
    return h as unknown as GoogleAppsScript.Document.Element;
  };

  const common = (model: object, type: unknown) => ({
    getType: () => type,
    getParent: () => {
      const p = parents.get(model);
      return (p ? anyHandle(p) : null) as GoogleAppsScript.Document.ContainerElement;
    },
    getNextSibling: () => {
      const { list, at } = siblings(model);
      const n = list[at + 1];
      return (n ? anyHandle(n) : null) as GoogleAppsScript.Document.Element;
    },
    getPreviousSibling: () => {
      const { list, at } = siblings(model);
      const n = at > 0 ? list[at - 1] : undefined;
      return (n ? anyHandle(n) : null) as GoogleAppsScript.Document.Element;
    },
    isAtDocumentEnd: () => {
      const { list, at } = siblings(model);
      return at === list.length - 1 && parents.get(model)?.kind === 'body';
    },
  });

  const paragraphHandle = (p: ParagraphModel): GoogleAppsScript.Document.Paragraph => {
    const className = p.kind === 'listItem' ? 'ListItem' : 'Paragraph';
    const set = (key: string) => (v: unknown) => (applyParagraphAttrs(p, { [key]: enumName(v) ?? v }), self);
    const getEnum = <T>(e: T, name: string | undefined): unknown => (name === undefined ? null : byName(e, name));
    const impl: Impl<GoogleAppsScript.Document.ListItem> = {
      ...common(p, p.kind === 'listItem' ? ElementTypeEnum.LIST_ITEM : ElementTypeEnum.PARAGRAPH),
      getText: () => p.text,
      setText: (text: string) => void ((p.text = String(text)), (p.runs = [])),
      appendText: ((text: string) => {
        const start = p.text.length;
        p.text += String(text);
        return wrapText({ para: p, start, end: p.text.length });
      }) as GoogleAppsScript.Document.Paragraph['appendText'],
      editAsText: () => wrapText({ para: p, start: 0, end: null }),
      clear: () => ((p.text = ''), (p.runs = []), self),
      copy: () => paragraphHandle(clone(p)),
      setHeading: set('HEADING') as GoogleAppsScript.Document.Paragraph['setHeading'],
      getHeading: () => getEnum(ParagraphHeadingEnum, p.heading) as GoogleAppsScript.Document.ParagraphHeading,
      setAlignment: set('HORIZONTAL_ALIGNMENT') as GoogleAppsScript.Document.Paragraph['setAlignment'],
      getAlignment: () => getEnum(HorizontalAlignmentEnum, p.attrs.HORIZONTAL_ALIGNMENT as string | undefined) as GoogleAppsScript.Document.HorizontalAlignment,
      setIndentFirstLine: set('INDENT_FIRST_LINE') as GoogleAppsScript.Document.Paragraph['setIndentFirstLine'],
      setIndentStart: set('INDENT_START') as GoogleAppsScript.Document.Paragraph['setIndentStart'],
      setIndentEnd: set('INDENT_END') as GoogleAppsScript.Document.Paragraph['setIndentEnd'],
      setSpacingAfter: set('SPACING_AFTER') as GoogleAppsScript.Document.Paragraph['setSpacingAfter'],
      setSpacingBefore: set('SPACING_BEFORE') as GoogleAppsScript.Document.Paragraph['setSpacingBefore'],
      setLineSpacing: set('LINE_SPACING') as GoogleAppsScript.Document.Paragraph['setLineSpacing'],
      setLinkUrl: set('LINK_URL') as GoogleAppsScript.Document.Paragraph['setLinkUrl'],
      getIndentFirstLine: () => (p.attrs.INDENT_FIRST_LINE as number | undefined) ?? null!,
      getIndentStart: () => (p.attrs.INDENT_START as number | undefined) ?? null!,
      getSpacingAfter: () => (p.attrs.SPACING_AFTER as number | undefined) ?? null!,
      getSpacingBefore: () => (p.attrs.SPACING_BEFORE as number | undefined) ?? null!,
      getLineSpacing: () => (p.attrs.LINE_SPACING as number | undefined) ?? null!,
      setAttributes: (attrs: unknown) => (applyParagraphAttrs(p, normaliseAttrs(attrs)), self),
      getAttributes: () => ({ ...p.attrs, HEADING: p.heading }),
      replaceText: (pattern: string, replacement: string) => (replaceInParagraph(p, pattern, replacement), self),
      findText: ((pattern: string, from?: unknown) => findIn([p], pattern, from)) as GoogleAppsScript.Document.Paragraph['findText'],
      removeFromParent: () => (removeFrom(p), self),
      // Children: the text (when there is any), then the inline images.
      getNumChildren: () => (p.text ? 1 : 0) + (p.images?.length ?? 0),
      getChild: (i: number) => {
        const texts = p.text ? 1 : 0;
        const image = p.images?.[i - texts];
        if (i === 0 && texts) return wrapText({ para: p, start: 0, end: null }) as unknown as GoogleAppsScript.Document.Element;
        if (!image || i < texts) throw new Error('Child index (' + i + ') must be less than the number of child elements (' + (texts + (p.images?.length ?? 0)) + ').');
        return imageHandle(image, p) as unknown as GoogleAppsScript.Document.Element;
      },
      appendInlineImage: ((image: unknown) => {
        const img = imageArg(image);
        (p.images ??= []).push(img);
        return imageHandle(img, p);
      }) as GoogleAppsScript.Document.Paragraph['appendInlineImage'],
      appendPageBreak: () => {
        // Modelled as a page-break block right after the paragraph.
        const { list, at } = siblings(p);
        const br = adopt<BlockModel>({ kind: 'pageBreak' }, parents.get(p)!);
        (list as BlockModel[]).splice(at + 1, 0, br);
        return pageBreakHandle(br);
      },
      asParagraph: () => self as unknown as GoogleAppsScript.Document.Paragraph,
      asListItem: () => {
        if (p.kind !== 'listItem') throw new Error('Cannot cast a Paragraph to a ListItem.');
        return self;
      },
      setNestingLevel: (n: number) => ((p.nesting = Number(n)), self),
      getNestingLevel: () => p.nesting,
      setGlyphType: (g: unknown) => ((p.glyph = enumName(g) ?? String(g)), self),
      getGlyphType: () => byName(GlyphTypeEnum, p.glyph) as GoogleAppsScript.Document.GlyphType,
    };
    const self = track<GoogleAppsScript.Document.ListItem>(impl, p, className);
    return self as unknown as GoogleAppsScript.Document.Paragraph;
  };

  const pageBreakHandle = (b: BlockModel): GoogleAppsScript.Document.PageBreak => {
    const impl: Impl<GoogleAppsScript.Document.PageBreak> = {
      ...common(b, ElementTypeEnum.PAGE_BREAK),
      removeFromParent: () => (removeFrom(b), self),
    };
    const self = track<GoogleAppsScript.Document.PageBreak>(impl, b, 'PageBreak');
    return self;
  };

  // ---- Inline images (https://developers.google.com/apps-script/reference/document/inline-image) ----

  /** A blob (or BlobSource) as an image; sizes in pixels, read from the PNG header. */
  const imageArg = (x: unknown): InlineImageModel => {
    const source = typeof x === 'object' && x !== null ? x as { getBlob?: () => object } : null;
    const data = source ? blobData(source) ?? (source.getBlob ? blobData(source.getBlob()) : null) : null;
    if (!data) throw new Error('Invalid argument: image');
    const size = pngSize(data.bytes);
    // Google takes BMP, GIF, JPEG and PNG; only PNG (what the add-on's charts give) is modelled.
    if (!size) throw new Error('Invalid image data (the in-memory Apps Script reads PNG images only).');
    return { kind: 'inlineImage', contentType: 'image/png', base64: base64Encode(data.bytes), width: size.width, height: size.height, altTitle: null, altDescription: null };
  };

  const imageHandle = (img: InlineImageModel, para: ParagraphModel): GoogleAppsScript.Document.InlineImage => {
    const blob = () => createBlob(ctx, { bytes: base64Decode(img.base64), contentType: img.contentType, name: null });
    const impl: Impl<GoogleAppsScript.Document.InlineImage> = {
      getType: () => ElementTypeEnum.INLINE_IMAGE,
      getParent: () => paragraphHandle(para) as unknown as GoogleAppsScript.Document.ContainerElement,
      getBlob: blob,
      getAs: (contentType: string) => blob().getAs(contentType),
      getWidth: () => img.width,
      getHeight: () => img.height,
      // Pixels, as the reference says; the picture is scaled, its bytes are unchanged.
      setWidth: (w: number) => ((img.width = Math.round(Number(w))), self),
      setHeight: (h: number) => ((img.height = Math.round(Number(h))), self),
      getAltTitle: () => img.altTitle!,
      setAltTitle: (t: string) => ((img.altTitle = String(t)), self),
      getAltDescription: () => img.altDescription!,
      setAltDescription: (t: string) => ((img.altDescription = String(t)), self),
      removeFromParent: () => {
        para.images = (para.images ?? []).filter((i) => i !== img);
        return self;
      },
    };
    const self = track<GoogleAppsScript.Document.InlineImage>(impl, img, 'InlineImage');
    return self;
  };

  // ---- Tables ----

  const toCells = (x: unknown): string[][] | undefined => {
    if (x === undefined) return undefined;
    if (!Array.isArray(x) || !x.every(Array.isArray)) throw new Error('Invalid argument: cells');
    const rows = x as unknown[][];
    const width = rows[0]?.length ?? 0;
    // Google requires a rectangular array of strings.
    if (rows.some((r) => r.length !== width)) throw new Error('All rows must have the same number of cells.');
    return rows.map((r) => r.map((c) => String(c)));
  };

  const tableHandle = (t: TableModel): GoogleAppsScript.Document.Table => {
    const rowAt = (i: number): RowModel => {
      const r = t.rows[i];
      if (!r) throw new Error('Child index (' + i + ') must be less than the number of child elements (' + t.rows.length + ').');
      return r;
    };
    const impl: Impl<GoogleAppsScript.Document.Table> = {
      ...common(t, ElementTypeEnum.TABLE),
      appendTableRow: ((row?: unknown) => {
        const m: RowModel = row ? clone(modelOf(row) as RowModel) : { kind: 'row', cells: [], attrs: {} };
        t.rows.push(adopt(m, t));
        for (const c of m.cells) adopt(c, m);
        return rowHandle(m);
      }) as GoogleAppsScript.Document.Table['appendTableRow'],
      insertTableRow: ((i: number) => {
        const m: RowModel = adopt({ kind: 'row', cells: [], attrs: {} }, t);
        t.rows.splice(i, 0, m);
        return rowHandle(m);
      }) as GoogleAppsScript.Document.Table['insertTableRow'],
      getRow: (i: number) => rowHandle(rowAt(i)),
      getNumRows: () => t.rows.length,
      getNumChildren: () => t.rows.length,
      getChild: (i: number) => rowHandle(rowAt(i)) as unknown as GoogleAppsScript.Document.Element,
      removeRow: (i: number) => {
        const r = rowAt(i);
        t.rows.splice(i, 1);
        return rowHandle(r);
      },
      getCell: (r: number, c: number) => {
        const cell = rowAt(r).cells[c];
        if (!cell) throw new Error('Child index (' + c + ') must be less than the number of child elements (' + rowAt(r).cells.length + ').');
        return cellHandle(cell);
      },
      setColumnWidth: (i: number, w: number) => {
        while (t.columnWidths.length <= i) t.columnWidths.push(null);
        t.columnWidths[i] = Number(w);
        return self;
      },
      getColumnWidth: (i: number) => t.columnWidths[i] ?? null!,
      setBorderWidth: (w: number) => ((t.attrs.BORDER_WIDTH = Number(w)), self),
      getBorderWidth: () => (t.attrs.BORDER_WIDTH as number | undefined) ?? null!,
      setBorderColor: (c: string) => ((t.attrs.BORDER_COLOR = c), self),
      setAttributes: (attrs: unknown) => {
        const a = normaliseAttrs(attrs);
        for (const [k, v] of Object.entries(a)) {
          if (k === 'BORDER_WIDTH' || k === 'BORDER_COLOR') t.attrs[k] = v;
          else for (const r of t.rows) for (const c of r.cells) applyCellAttrs(c, { [k]: v });
        }
        return self;
      },
      getText: () => containerText(t),
      editAsText: () => wrapText({ container: t }),
      replaceText: (pattern: string, replacement: string) => {
        for (const p of paragraphsIn(t)) replaceInParagraph(p, pattern, replacement);
        return self;
      },
      findText: ((pattern: string, from?: unknown) => findIn(paragraphsIn(t), pattern, from)) as GoogleAppsScript.Document.Table['findText'],
      removeFromParent: () => (removeFrom(t), self),
      copy: () => tableHandle(clone(t)),
      asTable: () => self,
    };
    const self = track<GoogleAppsScript.Document.Table>(impl, t, 'Table');
    return self;
  };

  const rowHandle = (r: RowModel): GoogleAppsScript.Document.TableRow => {
    const impl: Impl<GoogleAppsScript.Document.TableRow> = {
      ...common(r, ElementTypeEnum.TABLE_ROW),
      appendTableCell: ((text?: unknown) => {
        const c = adopt(newCell(typeof text === 'string' ? text : ''), r);
        for (const p of c.children) adopt(p, c);
        r.cells.push(c);
        const table = parents.get(r);
        if (table?.kind === 'table' && table.columnWidths.length < r.cells.length) table.columnWidths.push(null);
        return cellHandle(c);
      }) as GoogleAppsScript.Document.TableRow['appendTableCell'],
      getCell: (i: number) => {
        const c = r.cells[i];
        if (!c) throw new Error('Child index (' + i + ') must be less than the number of child elements (' + r.cells.length + ').');
        return cellHandle(c);
      },
      getNumCells: () => r.cells.length,
      getNumChildren: () => r.cells.length,
      getText: () => rowText(r),
      // The row's cells as one Text: styles set on it reach every paragraph of every cell.
      editAsText: () => wrapText({ container: r }),
      setAttributes: (attrs: unknown) => {
        for (const c of r.cells) applyCellAttrs(c, normaliseAttrs(attrs));
        return self;
      },
      setMinimumHeight: (h: number) => ((r.attrs.MINIMUM_HEIGHT = Number(h)), self),
      getParentTable: () => tableHandle(parents.get(r) as TableModel),
      removeFromParent: () => (removeFrom(r), self),
      replaceText: (pattern: string, replacement: string) => {
        for (const p of paragraphsIn(r)) replaceInParagraph(p, pattern, replacement);
        return self;
      },
    };
    const self = track<GoogleAppsScript.Document.TableRow>(impl, r, 'TableRow');
    return self;
  };

  const TEXT_KEYS = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'LINK_URL', 'HORIZONTAL_ALIGNMENT', 'LINE_SPACING', 'SPACING_AFTER', 'SPACING_BEFORE', 'INDENT_FIRST_LINE', 'INDENT_START', 'INDENT_END']);
  const applyCellAttrs = (c: CellModel, attrs: Attrs): void => {
    for (const [k, v] of Object.entries(attrs)) {
      c.attrs[k] = v;
      // Text styles set on a cell reach its text, as in Docs.
      if (TEXT_KEYS.has(k)) for (const p of c.children) applyParagraphAttrs(p, { [k]: v });
    }
  };

  const cellHandle = (c: CellModel): GoogleAppsScript.Document.TableCell => {
    const impl: Impl<GoogleAppsScript.Document.TableCell> = {
      ...common(c, ElementTypeEnum.TABLE_CELL),
      ...containerMethods(c),
      getText: () => cellText(c),
      setText: (text: string) => {
        const p = adopt(newParagraph(String(text)), c);
        // The first paragraph keeps its styling, as Docs does when a cell's text is replaced.
        const first = c.children[0];
        if (first) Object.assign(p.attrs, first.attrs);
        c.children = [p];
        return self;
      },
      setBackgroundColor: (color: string) => ((c.attrs.BACKGROUND_COLOR = color), self),
      getBackgroundColor: () => (c.attrs.BACKGROUND_COLOR as string | undefined) ?? null!,
      setAttributes: (attrs: unknown) => (applyCellAttrs(c, normaliseAttrs(attrs)), self),
      getAttributes: () => ({ ...c.attrs }),
      setWidth: (w: number) => ((c.attrs.WIDTH = Number(w)), self),
      setVerticalAlignment: (v: unknown) => ((c.attrs.VERTICAL_ALIGNMENT = enumName(v) ?? v), self),
      setPaddingTop: (v: number) => ((c.attrs.PADDING_TOP = v), self),
      setPaddingBottom: (v: number) => ((c.attrs.PADDING_BOTTOM = v), self),
      setPaddingLeft: (v: number) => ((c.attrs.PADDING_LEFT = v), self),
      setPaddingRight: (v: number) => ((c.attrs.PADDING_RIGHT = v), self),
      getColSpan: () => c.colSpan,
      getParentRow: () => rowHandle(parents.get(c) as RowModel),
      getParentTable: () => tableHandle(parents.get(parents.get(c) as RowModel) as TableModel),
      merge: () => {
        // Merges into the preceding cell of the row: one cell spanning both columns.
        const row = parents.get(c) as RowModel;
        const at = row.cells.indexOf(c);
        const prev = row.cells[at - 1];
        if (!prev) throw new Error('Element does not have a previous sibling of the same type.');
        prev.colSpan += c.colSpan;
        const extra = c.children.filter((p) => p.text !== '');
        for (const p of extra) prev.children.push(adopt(p, prev));
        row.cells.splice(at, 1);
        return cellHandle(prev);
      },
    };
    const self = track<GoogleAppsScript.Document.TableCell>(impl, c, 'TableCell');
    return self;
  };

  // ---- Sections (body, header, footer) and table cells: containers of blocks ----

  const insertBlock = (container: Container, index: number | null, block: BlockModel): void => {
    const list = (container.kind === 'cell' ? container.children : container.blocks) as BlockModel[];
    const at = index === null ? list.length : index;
    if (at < 0 || at > list.length) throw new Error('Index (' + at + ') must be less than or equal to the number of child elements (' + list.length + ').');
    list.splice(at, 0, block);
    adopt(block, container);
    if (block.kind === 'table') {
      for (const r of block.rows) {
        adopt(r, block);
        for (const c of r.cells) {
          adopt(c, r);
          for (const p of c.children) adopt(p, c);
        }
      }
      // A document section cannot end with a table: Docs adds an empty paragraph after it.
      if (container.kind === 'body' && at === list.length - 1) insertBlock(container, null, newParagraph());
    }
  };

  const paragraphArg = (x: unknown, kind: 'paragraph' | 'listItem'): ParagraphModel =>
    typeof x === 'string' || typeof x === 'number'
      ? newParagraph(String(x), kind)
      : { ...clone(modelOf(x) as ParagraphModel), kind };
  const tableArg = (x: unknown): TableModel =>
    x === undefined || Array.isArray(x) ? newTable(toCells(x)) : clone(modelOf(x) as TableModel);

  function containerMethods(container: Container) {
    const list = (): BlockModel[] => (container.kind === 'cell' ? container.children : container.blocks) as BlockModel[];
    return {
      appendParagraph: (x: unknown) => {
        const p = paragraphArg(x, 'paragraph');
        insertBlock(container, null, p);
        return paragraphHandle(p);
      },
      insertParagraph: (i: number, x: unknown) => {
        const p = paragraphArg(x, 'paragraph');
        insertBlock(container, i, p);
        return paragraphHandle(p);
      },
      appendListItem: (x: unknown) => {
        const p = paragraphArg(x, 'listItem');
        insertBlock(container, null, p);
        return paragraphHandle(p) as unknown as GoogleAppsScript.Document.ListItem;
      },
      insertListItem: (i: number, x: unknown) => {
        const p = paragraphArg(x, 'listItem');
        insertBlock(container, i, p);
        return paragraphHandle(p) as unknown as GoogleAppsScript.Document.ListItem;
      },
      // Body.appendImage: "Creates and inserts a new InlineImage from the specified image blob", in a
      // paragraph of its own (https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)).
      appendImage: (x: unknown) => {
        const img = imageArg(x);
        const p = { ...newParagraph(), images: [img] };
        insertBlock(container, null, p);
        return imageHandle(img, p);
      },
      insertImage: (i: number, x: unknown) => {
        const img = imageArg(x);
        const p = { ...newParagraph(), images: [img] };
        insertBlock(container, i, p);
        return imageHandle(img, p);
      },
      appendTable: (x?: unknown) => {
        const t = tableArg(x);
        insertBlock(container, null, t);
        return tableHandle(t);
      },
      insertTable: (i: number, x?: unknown) => {
        const t = tableArg(x);
        insertBlock(container, i, t);
        return tableHandle(t);
      },
      getNumChildren: () => list().length,
      getChild: (i: number) => {
        const b = list()[i];
        if (!b) throw new Error('Child index (' + i + ') must be less than the number of child elements (' + list().length + ').');
        return anyHandle(b);
      },
      getChildIndex: (child: unknown) => {
        const at = (list() as object[]).indexOf(modelOf(child));
        if (at < 0) throw new Error('Element is not a child of this container.');
        return at;
      },
      removeChild: (child: unknown) => {
        removeFrom(modelOf(child));
        return containerHandle(container);
      },
      getParagraphs: () => paragraphsIn(container).map(paragraphHandle),
      getTables: () => {
        const out: TableModel[] = [];
        const visit = (blocks: BlockModel[]): void => {
          for (const b of blocks) {
            if (b.kind === 'table') {
              out.push(b);
              for (const r of b.rows) for (const c of r.cells) visit(c.children);
            }
          }
        };
        visit(list());
        return out.map(tableHandle);
      },
      getListItems: () => paragraphsIn(container).filter((p) => p.kind === 'listItem').map((p) => paragraphHandle(p)),
      clear: () => {
        const empty = adopt(newParagraph(), container);
        if (container.kind === 'cell') container.children = [empty];
        else container.blocks = [empty];
        return containerHandle(container);
      },
      getText: () => containerText(container),
      editAsText: () => wrapText({ container }),
      replaceText: (pattern: string, replacement: string) => {
        for (const p of paragraphsIn(container)) replaceInParagraph(p, pattern, replacement);
        return containerHandle(container);
      },
      findText: (pattern: string, from?: unknown) => findIn(paragraphsIn(container), pattern, from),
    };
  }

  const sectionDocs = new WeakMap<SectionModel, DocModel>();

  function containerHandle(container: Container | TableModel): GoogleAppsScript.Document.Body {
    if (container.kind === 'table') return tableHandle(container) as unknown as GoogleAppsScript.Document.Body;
    if (container.kind === 'cell') return cellHandle(container) as unknown as GoogleAppsScript.Document.Body;
    const doc = sectionDocs.get(container);
    const page = (key: keyof DocModel['page']) => ({
      set: (v: number) => {
        if (doc) doc.page[key] = Number(v);
        return self;
      },
      get: () => (doc ? doc.page[key] : 0),
    });
    const [mt, mb, ml, mr, pw, ph] = [page('marginTop'), page('marginBottom'), page('marginLeft'), page('marginRight'), page('width'), page('height')];
    const type = container.kind === 'body' ? ElementTypeEnum.BODY_SECTION : container.kind === 'header' ? ElementTypeEnum.HEADER_SECTION : ElementTypeEnum.FOOTER_SECTION;
    const impl: Impl<GoogleAppsScript.Document.Body> = {
      ...containerMethods(container),
      getType: () => type,
      appendPageBreak: () => {
        const br: BlockModel = { kind: 'pageBreak' };
        insertBlock(container, null, br);
        return pageBreakHandle(br);
      },
      insertPageBreak: (i: number) => {
        const br: BlockModel = { kind: 'pageBreak' };
        insertBlock(container, i, br);
        return pageBreakHandle(br);
      },
      setMarginTop: mt.set, getMarginTop: mt.get,
      setMarginBottom: mb.set, getMarginBottom: mb.get,
      setMarginLeft: ml.set, getMarginLeft: ml.get,
      setMarginRight: mr.set, getMarginRight: mr.get,
      setPageWidth: pw.set, getPageWidth: pw.get,
      setPageHeight: ph.set, getPageHeight: ph.get,
      setAttributes: (attrs: unknown) => {
        const a = normaliseAttrs(attrs);
        const map: Record<string, keyof DocModel['page']> = {
          MARGIN_TOP: 'marginTop', MARGIN_BOTTOM: 'marginBottom', MARGIN_LEFT: 'marginLeft', MARGIN_RIGHT: 'marginRight', PAGE_WIDTH: 'width', PAGE_HEIGHT: 'height',
        };
        for (const [k, v] of Object.entries(a)) {
          const key = map[k];
          if (key && doc) doc.page[key] = Number(v);
          else for (const p of paragraphsIn(container)) applyParagraphAttrs(p, { [k]: v });
        }
        return self;
      },
    };
    const className = container.kind === 'body' ? 'Body' : container.kind === 'header' ? 'HeaderSection' : 'FooterSection';
    const self = track<GoogleAppsScript.Document.Body>(impl, container, className);
    return self;
  }

  // ---- Documents ----

  const section = (doc: DocModel, kind: SectionModel['kind']): SectionModel => {
    const s: SectionModel = { kind, blocks: [] };
    sectionDocs.set(s, doc);
    insertBlock(s, null, newParagraph());
    return s;
  };

  const adoptTree = (doc: DocModel): void => {
    for (const s of [doc.body, doc.header, doc.footer]) {
      if (!s) continue;
      sectionDocs.set(s, doc);
      for (const b of s.blocks) {
        parents.set(b, s);
        if (b.kind === 'table') {
          for (const r of b.rows) {
            parents.set(r, b);
            for (const c of r.cells) {
              parents.set(c, r);
              for (const p of c.children) parents.set(p, c);
            }
          }
        }
      }
    }
  };

  const register = (record: FileRecord, doc: DocModel): void => {
    docs.set(doc.id, doc);
    record.export = (contentType) => {
      if (contentType !== 'application/pdf') throw new Error(`Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
      return { bytes: utf8Encode(stubPdf(`${record.name}\n${docText(doc)}`)), contentType, name: `${record.name}.pdf` };
    };
    record.copyContent = (copy) => {
      const model: DocModel = { ...clone({ page: doc.page, body: doc.body, header: doc.header, footer: doc.footer }), id: copy.id, file: copy };
      adoptTree(model);
      register(copy, model);
    };
  };

  const documentHandle = (doc: DocModel): GoogleAppsScript.Document.Document => {
    const record = drive.files.get(doc.id)!;
    const impl: Impl<GoogleAppsScript.Document.Document> = {
      getId: () => doc.id,
      getName: () => record.name,
      setName: (name: string) => ((record.name = String(name)), self),
      getUrl: () => record.url,
      getBody: () => containerHandle(doc.body),
      getHeader: () => (doc.header ? (containerHandle(doc.header) as unknown as GoogleAppsScript.Document.HeaderSection) : null!),
      addHeader: () => {
        if (doc.header) throw new Error('Document tab already contains a header.');
        doc.header = section(doc, 'header');
        return containerHandle(doc.header) as unknown as GoogleAppsScript.Document.HeaderSection;
      },
      getFooter: () => (doc.footer ? (containerHandle(doc.footer) as unknown as GoogleAppsScript.Document.FooterSection) : null!),
      addFooter: () => {
        if (doc.footer) throw new Error('Document tab already contains a footer.');
        doc.footer = section(doc, 'footer');
        return containerHandle(doc.footer) as unknown as GoogleAppsScript.Document.FooterSection;
      },
      saveAndClose: () => {
        closed = true;
      },
      getAs: (contentType: string) => createBlob(ctx, record.export!(contentType)),
      getBlob: () => createBlob(ctx, record.export!('application/pdf')),
    };
    // «A closed Document can't be edited. Use DocumentApp.openById() to open a given document for
    // editing» (https://developers.google.com/apps-script/reference/document/document#saveAndClose()).
    // What getId/getUrl do after it is not documented, so this handle refuses every call but
    // another saveAndClose; the add-on reads what it needs first (the live check shows Google's way).
    let closed = false;
    for (const [name, fn] of Object.entries(impl) as [string, (...a: unknown[]) => unknown][]) {
      if (name === 'saveAndClose') continue;
      (impl as Record<string, unknown>)[name] = (...args: unknown[]) => {
        if (closed) throw new Error('Document is closed, its contents cannot be updated.');
        return fn(...args);
      };
    }
    const self = track<GoogleAppsScript.Document.Document>(impl, doc, 'Document');
    return self;
  };

  const byIdOrThrow = (id: string): DocModel => {
    const d = docs.get(String(id));
    if (!d || drive.files.get(d.id)?.trashed) throw new Error(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
    return d;
  };

  const impl: Partial<GoogleAppsScript.Document.DocumentApp> = {
    ParagraphHeading: ParagraphHeadingEnum,
    HorizontalAlignment: HorizontalAlignmentEnum,
    VerticalAlignment: VerticalAlignmentEnum,
    GlyphType: GlyphTypeEnum,
    ElementType: ElementTypeEnum,
    Attribute: AttributeEnum,
    create(name: string) {
      if (quota <= 0) throw new Error(DOCS_QUOTA_MESSAGE);
      quota -= 1;
      const record = drive.addFile({ id: drive.newId('doc'), name: String(name), mimeType: 'application/vnd.google-apps.document', blob: null });
      const doc: DocModel = { id: record.id, file: record, page: { ...LETTER }, body: { kind: 'body', blocks: [] }, header: null, footer: null };
      doc.body = section(doc, 'body');
      register(record, doc);
      return documentHandle(doc);
    },
    openById: (id: string) => documentHandle(byIdOrThrow(id)),
    openByUrl: (url: string) => {
      const m = /\/document\/d\/([^/]+)/.exec(String(url));
      if (!m) throw new Error('Invalid argument: url');
      return documentHandle(byIdOrThrow(m[1]!));
    },
    // A Sheets add-on has no active document.
    getActiveDocument: () => null!,
  };

  return {
    service: ctx.tracker.wrap(complete<GoogleAppsScript.Document.DocumentApp>(impl, 'DocumentApp'), 'DocumentApp'),
    snapshots: () => [...docs.values()].filter((d) => !drive.files.get(d.id)?.trashed).map(docSnapshot),
    model: (id) => (docs.has(id) && !drive.files.get(id)?.trashed ? docs.get(id) : undefined),
    adopt: (doc) => adoptTree(doc),
    setDocsQuota: (n) => void (quota = n),
  };
}
