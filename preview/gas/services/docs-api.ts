// The advanced Docs service (Google Docs API v1) in the in-memory Apps Script: `Docs.Documents.get`
// and `Docs.Documents.batchUpdate` with exactly the requests the add-on sends, applied to the same
// document models DocumentApp edits. Written from Google's reference:
//   service:   https://developers.google.com/apps-script/advanced/docs
//   get:       https://developers.google.com/docs/api/reference/rest/v1/documents/get
//   batch:     https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate
//              ("Each request is validated before being applied. If any request is not valid, then
//              the entire request will fail and nothing will be applied.")
//   requests:  https://developers.google.com/docs/api/reference/rest/v1/documents/request
//              mergeTableCells (MergeTableCellsRequest: "Any text in the cells being merged will be
//              concatenated and stored in the head cell of the range … If the range is
//              non-rectangular … a 400 bad request error is returned"), pinTableHeaderRows
//              (PinTableHeaderRowsRequest: pinnedHeaderRowsCount, tableStartLocation "where the
//              table starts"), insertSectionBreak (InsertSectionBreakRequest: "A newline character
//              will be inserted before the section break … must be inserted inside the bounds of an
//              existing Paragraph … cannot be inserted inside a table"), updateSectionStyle
//              (UpdateSectionStyleRequest: range "overlapping the sections to style", fields mask;
//              SectionStyle.flipPageOrientation), updateTextStyle (UpdateTextStyleRequest: range,
//              textStyle, fields; only `bold` is modelled).
//   indexes:   https://developers.google.com/docs/api/concepts/structure — the body starts with a
//              section break at index 0; a paragraph spans its text and its closing newline; a
//              table, each of its rows and each cell open with one index, and the table closes
//              with one more. (A page break DocumentApp appends is modelled as a paragraph holding
//              the page break element: 2 indexes.)
// Anything else the add-on does not send is refused, so a new request type needs a model here.
import type { GasContext } from '../context';
import { clone, newParagraph, paragraphLength, type BlockModel, type CellModel, type DocModel, type ParagraphModel, type TableModel } from './doc-model';
import { complete } from './partial';

export interface DocsApiState {
  readonly service: GoogleAppsScript.Docs;
}

interface Located {
  block: BlockModel;
  start: number;
  end: number;
}

/** Start and end index of every body block (the leading section break occupies [0, 1)). */
export function indexBody(doc: DocModel): Located[] {
  const out: Located[] = [];
  let i = 1;
  for (const block of doc.body.blocks) {
    const start = i;
    if (block.kind === 'paragraph' || block.kind === 'listItem') i += paragraphLength(block);
    else if (block.kind === 'pageBreak') i += 2;
    else if (block.kind === 'sectionBreak') i += 1;
    else if (block.kind === 'table') {
      i += 1;
      for (const row of block.rows) {
        i += 1;
        for (const cell of row.cells) {
          i += 1;
          for (const p of cell.children) i += paragraphLength(p);
        }
      }
      i += 1;
    }
    out.push({ block, start, end: i });
  }
  return out;
}

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

function paragraphJson(p: ParagraphModel, start: number) {
  // The text run, then each inline image as an inlineObjectElement of one index, then the newline.
  const end = start + paragraphLength(p);
  const images = (p.images ?? []).map((_, k) => ({ startIndex: start + p.text.length + k, endIndex: start + p.text.length + k + 1, inlineObjectElement: { inlineObjectId: `kix.image${start + p.text.length + k}` } }));
  const text = p.text ? [{ startIndex: start, endIndex: start + p.text.length, textRun: { content: p.text } }] : [];
  return { startIndex: start, endIndex: end, paragraph: { elements: [...text, ...images, { startIndex: end - 1, endIndex: end, textRun: { content: '\n' } }] } };
}

/** documents.get: the parts of the Document resource the add-on reads (body content with indexes, page style). */
function documentJson(doc: DocModel) {
  const content: object[] = [{ startIndex: 0, endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS' } } }];
  for (const { block, start, end } of indexBody(doc)) {
    if (block.kind === 'paragraph' || block.kind === 'listItem') content.push(paragraphJson(block, start));
    else if (block.kind === 'pageBreak') content.push({ startIndex: start, endIndex: end, paragraph: { elements: [{ startIndex: start, endIndex: start + 1, pageBreak: {} }, { startIndex: start + 1, endIndex: end, textRun: { content: '\n' } }] } });
    else if (block.kind === 'sectionBreak') content.push({ startIndex: start, endIndex: end, sectionBreak: { sectionStyle: { sectionType: 'NEXT_PAGE', flipPageOrientation: block.flipPageOrientation } } });
    else if (block.kind === 'table') {
      let i = start + 1;
      const tableRows = block.rows.map((row) => {
        const rowStart = i++;
        const tableCells = row.cells.map((cell) => {
          const cellStart = i++;
          const cellContent = cell.children.map((p) => {
            const json = paragraphJson(p, i);
            i += paragraphLength(p);
            return json;
          });
          return { startIndex: cellStart, endIndex: i, content: cellContent, tableCellStyle: { rowSpan: cell.rowSpan ?? 1, columnSpan: cell.covered ? 0 : cell.colSpan } };
        });
        return { startIndex: rowStart, endIndex: i, tableCells };
      });
      content.push({
        startIndex: start,
        endIndex: end,
        table: { rows: block.rows.length, columns: Math.max(0, ...block.rows.map((r) => r.cells.length)), tableRows, tableStyle: { pinnedHeaderRowsCount: block.pinnedHeaderRows ?? 0 } },
      });
    }
  }
  return {
    documentId: doc.id,
    title: doc.file.name,
    body: { content },
    documentStyle: {
      pageSize: { width: pt(doc.page.width), height: pt(doc.page.height) },
      marginTop: pt(doc.page.marginTop),
      marginBottom: pt(doc.page.marginBottom),
      marginLeft: pt(doc.page.marginLeft),
      marginRight: pt(doc.page.marginRight),
    },
  };
}

class BadRequest extends Error {}

/** Indexes of one document state, computed once and reused until a request shifts them. */
class Layout {
  private blocksCache: Located[] | null = null;
  private paragraphsCache: { p: ParagraphModel; start: number; end: number }[] | null = null;
  constructor(readonly doc: DocModel) {}
  get blocks(): Located[] {
    return (this.blocksCache ??= indexBody(this.doc));
  }
  get paragraphs(): { p: ParagraphModel; start: number; end: number }[] {
    return (this.paragraphsCache ??= paragraphsWithIndex(this.doc));
  }
  /** After an insertion: indexes after it moved. */
  shifted(): void {
    this.blocksCache = null;
    this.paragraphsCache = null;
  }
}

/** The request types modelled here, as the Docs API reference names their fields. */
interface Location {
  index?: number;
  segmentId?: string;
}
interface DocsRequest {
  mergeTableCells?: { tableRange?: { tableCellLocation?: { tableStartLocation?: Location; rowIndex?: number; columnIndex?: number }; rowSpan?: number; columnSpan?: number } };
  pinTableHeaderRows?: { tableStartLocation?: Location; pinnedHeaderRowsCount?: number };
  insertSectionBreak?: { location?: Location; sectionType?: string };
  updateSectionStyle?: { range?: { startIndex?: number; endIndex?: number; segmentId?: string }; sectionStyle?: { flipPageOrientation?: boolean }; fields?: string };
  updateTextStyle?: { range?: { startIndex?: number; endIndex?: number; segmentId?: string }; textStyle?: { bold?: boolean }; fields?: string };
}

/** Every paragraph of the body with its index range, table cells included. */
function paragraphsWithIndex(doc: DocModel): { p: ParagraphModel; start: number; end: number }[] {
  const out: { p: ParagraphModel; start: number; end: number }[] = [];
  for (const { block, start } of indexBody(doc)) {
    if (block.kind === 'paragraph' || block.kind === 'listItem') out.push({ p: block, start, end: start + paragraphLength(block) });
    else if (block.kind === 'table') {
      let i = start + 1;
      for (const row of block.rows) {
        i += 1;
        for (const cell of row.cells) {
          i += 1;
          for (const p of cell.children) {
            out.push({ p, start: i, end: i + paragraphLength(p) });
            i += paragraphLength(p);
          }
        }
      }
    }
  }
  return out;
}

function updateTextStyle(layout: Layout, r: NonNullable<DocsRequest['updateTextStyle']>, where: string): void {
  const fields = (r.fields ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.length === 0) throw new BadRequest(`Invalid requests[${where}]: fields is required.`);
  if (fields.some((f) => f !== 'bold')) throw new BadRequest(`Invalid requests[${where}]: only bold is modelled in the in-memory Apps Script.`);
  const start = r.range?.startIndex ?? 0;
  const end = r.range?.endIndex ?? start;
  if (end <= start) throw new BadRequest(`Invalid requests[${where}]: The range must not be empty.`);
  const bold = !!r.textStyle?.bold;
  const paragraphs = layout.paragraphs;
  // Paragraphs are in index order: binary search for the first one ending after `start`.
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < paragraphs.length && paragraphs[k]!.start < end; k++) {
    const { p, start: ps, end: pe } = paragraphs[k]!;
    const from = Math.max(start, ps) - ps;
    const to = Math.min(end, pe - 1) - ps; // the closing newline carries no text
    if (to <= from) continue;
    if (from === 0 && to >= p.text.length) {
      p.attrs.BOLD = bold;
      for (const run of p.runs) delete run.attrs.BOLD;
    } else p.runs.push({ start: from, end: to, attrs: { BOLD: bold } });
  }
}

function tableAt(layout: Layout, location: Location | undefined, where: string): TableModel {
  const index = location?.index;
  if (typeof index !== 'number') throw new BadRequest(`Invalid requests[${where}]: tableStartLocation.index is required.`);
  const found = layout.blocks.find((l) => l.start === index);
  if (!found || found.block.kind !== 'table') throw new BadRequest(`Invalid requests[${where}]: The table start location must specify the start index of a table.`);
  return found.block;
}

function mergeCells(layout: Layout, r: NonNullable<DocsRequest['mergeTableCells']>, where: string): void {
  const range = r.tableRange;
  const loc = range?.tableCellLocation;
  const table = tableAt(layout, loc?.tableStartLocation, where);
  const row0 = loc?.rowIndex ?? 0;
  const col0 = loc?.columnIndex ?? 0;
  const rowSpan = range?.rowSpan ?? 1;
  const colSpan = range?.columnSpan ?? 1;
  if (rowSpan < 1 || colSpan < 1 || row0 + rowSpan > table.rows.length) throw new BadRequest(`Invalid requests[${where}]: The table range is out of bounds.`);
  const cells: CellModel[][] = [];
  for (let r0 = row0; r0 < row0 + rowSpan; r0++) {
    const row = table.rows[r0]!;
    if (col0 + colSpan > row.cells.length) throw new BadRequest(`Invalid requests[${where}]: The table range is out of bounds.`);
    const slice = row.cells.slice(col0, col0 + colSpan);
    // Covered cells or a head already spanning beyond the range make it non-rectangular: 400.
    if (slice.some((c, k) => c.covered || (k > 0 && (c.colSpan > 1 || (c.rowSpan ?? 1) > 1)))) throw new BadRequest(`Invalid requests[${where}]: The table range is non-rectangular.`);
    cells.push(slice);
  }
  const head = cells[0]![0]!;
  const text = cells.flat().slice(1).flatMap((c) => c.children.filter((p) => p.text !== ''));
  for (const p of text) head.children.push(clone(p));
  for (const c of cells.flat().slice(1)) {
    c.covered = true;
    c.children = [newParagraph()];
  }
  head.colSpan = colSpan;
  head.rowSpan = rowSpan;
  // Covered cells lost their text: later indexes moved.
  if (text.length) layout.shifted();
}

function pinHeader(layout: Layout, r: NonNullable<DocsRequest['pinTableHeaderRows']>, where: string): void {
  const table = tableAt(layout, r.tableStartLocation, where);
  const n = r.pinnedHeaderRowsCount ?? 0;
  if (n < 0 || n > table.rows.length) throw new BadRequest(`Invalid requests[${where}]: pinnedHeaderRowsCount is out of range.`);
  table.pinnedHeaderRows = n;
}

function insertSectionBreak(layout: Layout, r: NonNullable<DocsRequest['insertSectionBreak']>, where: string): void {
  const doc = layout.doc;
  if (r.location?.segmentId) throw new BadRequest(`Invalid requests[${where}]: Section breaks can only be inserted inside the body.`);
  if (r.sectionType !== 'NEXT_PAGE' && r.sectionType !== 'CONTINUOUS') throw new BadRequest(`Invalid requests[${where}]: sectionType must be NEXT_PAGE or CONTINUOUS.`);
  const index = r.location?.index;
  const at = layout.blocks.findIndex((l) => l.start === index);
  const target = doc.body.blocks[at];
  // The model inserts at a paragraph's start only (all the add-on needs): the newline inserted
  // before the break ends an empty paragraph, then the section break, then the paragraph.
  if (at < 0 || !target || (target.kind !== 'paragraph' && target.kind !== 'listItem')) {
    throw new BadRequest(`Invalid requests[${where}]: The insertion index must be inside the bounds of an existing paragraph.`);
  }
  doc.body.blocks.splice(at, 0, newParagraph(), { kind: 'sectionBreak', flipPageOrientation: false });
  layout.shifted();
}

function updateSectionStyle(layout: Layout, r: NonNullable<DocsRequest['updateSectionStyle']>, where: string): void {
  const fields = (r.fields ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (fields.length === 0) throw new BadRequest(`Invalid requests[${where}]: fields is required.`);
  if (fields.some((f) => f !== 'flipPageOrientation' && f !== '*')) throw new BadRequest(`Invalid requests[${where}]: only flipPageOrientation is modelled in the in-memory Apps Script.`);
  const start = r.range?.startIndex ?? 0;
  const end = r.range?.endIndex ?? start;
  if (end <= start) throw new BadRequest(`Invalid requests[${where}]: The range must not be empty.`);
  const located = layout.blocks;
  const breaks = located.filter((l) => l.block.kind === 'sectionBreak');
  const total = located[located.length - 1]?.end ?? 1;
  // Sections span [break, next break); the first one (index 0) keeps the document's page style.
  breaks.forEach((b, k) => {
    const sectionEnd = breaks[k + 1]?.start ?? total;
    if (start < sectionEnd && end > b.start && b.block.kind === 'sectionBreak') b.block.flipPageOrientation = !!r.sectionStyle?.flipPageOrientation;
  });
}

/** `changed` lets DocumentApp adopt the blocks the API added (so a later openById sees them as elements). */
export function createDocsApi(ctx: GasContext, model: (id: string) => DocModel | undefined, changed: (doc: DocModel) => void): DocsApiState {
  const byId = (id: string): DocModel => {
    const doc = model(String(id));
    if (!doc) throw new Error(`API call to docs.documents.get failed with error: Requested entity was not found.`);
    return doc;
  };
  const documents: Partial<GoogleAppsScript.Docs.Collection.DocumentsCollection> = {
    get: ((id: string) => documentJson(byId(id))) as GoogleAppsScript.Docs.Collection.DocumentsCollection['get'],
    batchUpdate: ((resource: { requests?: DocsRequest[] }, id: string) => {
      const doc = byId(id);
      const requests = resource?.requests ?? [];
      const apply = (target: DocModel) => {
        const layout = new Layout(target);
        requests.forEach((req, k) => {
          const kinds = Object.keys(req);
          if (kinds.length !== 1) throw new BadRequest(`Invalid requests[${k}]: exactly one request kind per Request.`);
          if (req.mergeTableCells) mergeCells(layout, req.mergeTableCells, `${k}.mergeTableCells`);
          else if (req.pinTableHeaderRows) pinHeader(layout, req.pinTableHeaderRows, `${k}.pinTableHeaderRows`);
          else if (req.insertSectionBreak) insertSectionBreak(layout, req.insertSectionBreak, `${k}.insertSectionBreak`);
          else if (req.updateSectionStyle) updateSectionStyle(layout, req.updateSectionStyle, `${k}.updateSectionStyle`);
          else if (req.updateTextStyle) updateTextStyle(layout, req.updateTextStyle, `${k}.updateTextStyle`);
          else throw new Error(`Docs API request "${kinds[0]}" is not modelled in the in-memory Apps Script`);
        });
      };
      // Atomic: validated on a copy first; the document changes only when every request applies.
      try {
        apply({ ...doc, body: clone(doc.body) });
      } catch (error) {
        if (error instanceof BadRequest) throw new Error(`API call to docs.documents.batchUpdate failed with error: ${error.message}`);
        throw error;
      }
      apply(doc);
      changed(doc);
      return { documentId: doc.id, replies: requests.map(() => ({})) };
    }) as unknown as GoogleAppsScript.Docs.Collection.DocumentsCollection['batchUpdate'],
  };
  const Documents = ctx.tracker.wrap(complete<GoogleAppsScript.Docs.Collection.DocumentsCollection>(documents, 'Docs.Documents'), 'DocsDocuments');
  const service = complete<GoogleAppsScript.Docs>({ Documents } as Partial<GoogleAppsScript.Docs>, 'Docs');
  return { service };
}
