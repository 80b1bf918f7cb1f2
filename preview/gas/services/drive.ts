// DriveApp: the files the add-on sees (the spreadsheet, created documents, blob files, copies)
// and their folders. Root folder 'Мой диск'. Reference: https://developers.google.com/apps-script/reference/drive/drive-app
import type { GasContext } from '../context';
import type { DriveFileSnapshot } from '../types';
import { blobData, createBlob, type BlobData } from './blob';
import { complete } from './partial';
import { base64Encode } from './utf8';

export interface SpreadsheetFileInfo {
  id: string;
  url: string;
  name(): string;
}

export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  url: string;
  trashed: boolean;
  /** Bytes of an uploaded file; null for Google Docs/Sheets (their content lives in their service). */
  blob: BlobData | null;
  /** Content of a Google file as a blob (getBlob/getAs), e.g. a document's PDF. */
  export?: (contentType: string) => BlobData;
  /** Copies a Google file's content into a new record (DocumentApp registers this). */
  copyContent?: (copy: FileRecord) => void;
}

export interface FolderRecord {
  id: string;
  name: string;
  parents: string[];
}

export const NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';
export const ROOT_NAME = 'Мой диск';

export class DriveStore {
  readonly files = new Map<string, FileRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly rootId = 'root-folder';
  private seq = 0;

  constructor() {
    this.folders.set(this.rootId, { id: this.rootId, name: ROOT_NAME, parents: [] });
  }

  newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${String(this.seq).padStart(6, '0')}`;
  }

  addFile(file: Omit<FileRecord, 'id' | 'url' | 'trashed' | 'parents'> & { id?: string; url?: string; parents?: string[] }): FileRecord {
    const id = file.id ?? this.newId('file');
    const record: FileRecord = {
      ...file,
      id,
      url: file.url ?? urlFor(file.mimeType, id),
      parents: file.parents ?? [this.rootId],
      trashed: false,
    };
    this.files.set(id, record);
    return record;
  }
}

function urlFor(mimeType: string, id: string): string {
  if (mimeType === 'application/vnd.google-apps.document') return `https://docs.google.com/document/d/${id}/edit`;
  if (mimeType === 'application/vnd.google-apps.spreadsheet') return `https://docs.google.com/spreadsheets/d/${id}/edit`;
  return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
}

function iterator<T>(ctx: GasContext, items: T[], className: string): { hasNext(): boolean; next(): T; getContinuationToken(): string } {
  let i = 0;
  const impl = {
    hasNext: () => i < items.length,
    next: () => {
      if (i >= items.length) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
      return items[i++]!;
    },
    getContinuationToken: () => String(i),
  };
  return ctx.tracker.wrap(impl, className);
}

export interface DriveState {
  readonly service: GoogleAppsScript.Drive.DriveApp;
  readonly store: DriveStore;
  snapshots(): DriveFileSnapshot[];
}

export function createDriveService(ctx: GasContext, spreadsheet: SpreadsheetFileInfo): DriveState {
  const store = new DriveStore();
  const sheetFile = store.addFile({
    id: spreadsheet.id,
    url: spreadsheet.url,
    name: spreadsheet.name(),
    mimeType: 'application/vnd.google-apps.spreadsheet',
    blob: null,
  });
  // The spreadsheet's name lives in the spreadsheet service (renames happen there).
  Object.defineProperty(sheetFile, 'name', { get: () => spreadsheet.name(), set: () => undefined, enumerable: true });

  const fileById = (id: string): FileRecord => {
    const f = store.files.get(String(id));
    if (!f) throw new Error(NOT_FOUND);
    return f;
  };
  const folderById = (id: string): FolderRecord => {
    const f = store.folders.get(String(id));
    if (!f) throw new Error(NOT_FOUND);
    return f;
  };

  const wrapFolder = (folder: FolderRecord): GoogleAppsScript.Drive.Folder => {
    const impl: Partial<GoogleAppsScript.Drive.Folder> = {
      getId: () => folder.id,
      getName: () => folder.name,
      setName: (n: string) => ((folder.name = String(n)), wrapFolder(folder)),
      getUrl: () => `https://drive.google.com/drive/folders/${folder.id}`,
      getParents: () => iterator(ctx, folder.parents.map((p) => wrapFolder(folderById(p))), 'FolderIterator') as unknown as GoogleAppsScript.Drive.FolderIterator,
      createFile: ((a: unknown, content?: string, mimeType?: string) => createFileIn(folder.id, a, content, mimeType)) as GoogleAppsScript.Drive.Folder['createFile'],
      createFolder: (name: string) => wrapFolder(addFolder(name, folder.id)),
      getFiles: () => filesIn(folder.id, null),
      getFilesByName: (name: string) => filesIn(folder.id, name),
      getFolders: () =>
        iterator(ctx, [...store.folders.values()].filter((f) => f.parents.includes(folder.id)).map(wrapFolder), 'FolderIterator') as unknown as GoogleAppsScript.Drive.FolderIterator,
    };
    return ctx.tracker.wrap(complete<GoogleAppsScript.Drive.Folder>(impl, 'Folder'), 'Folder');
  };

  const filesIn = (folderId: string | null, name: string | null): GoogleAppsScript.Drive.FileIterator =>
    iterator(
      ctx,
      [...store.files.values()]
        .filter((f) => !f.trashed && (folderId === null || f.parents.includes(folderId)) && (name === null || f.name === name))
        .map(wrapFile),
      'FileIterator',
    ) as unknown as GoogleAppsScript.Drive.FileIterator;

  const addFolder = (name: string, parent: string): FolderRecord => {
    const folder: FolderRecord = { id: store.newId('folder'), name: String(name), parents: [parent] };
    store.folders.set(folder.id, folder);
    return folder;
  };

  const createFileIn = (folderId: string, a: unknown, content?: string, mimeType?: string): GoogleAppsScript.Drive.File => {
    let data: BlobData;
    if (typeof a === 'string') {
      const blob = createBlob(ctx, { bytes: [], contentType: mimeType ?? 'text/plain', name: a });
      ctx.tracker.internal(() => blob.setDataFromString(content ?? ''));
      data = blobData(blob)!;
    } else {
      const d = typeof a === 'object' && a !== null ? blobData(a) : null;
      if (!d) throw new Error('Invalid argument: blob');
      data = { ...d, bytes: [...d.bytes] };
    }
    const record = store.addFile({
      name: data.name ?? 'Untitled',
      mimeType: data.contentType ?? 'application/octet-stream',
      blob: data,
      parents: [folderId],
    });
    return wrapFile(record);
  };

  const wrapFile = (file: FileRecord): GoogleAppsScript.Drive.File => {
    const blobOf = (contentType?: string): GoogleAppsScript.Base.Blob => {
      if (file.blob) {
        const b = createBlob(ctx, { ...file.blob, bytes: [...file.blob.bytes] });
        return contentType ? ctx.tracker.internal(() => b.getAs(contentType)) : b;
      }
      if (!file.export) throw new Error(`Converting from ${file.mimeType} to ${contentType ?? 'a blob'} is not supported.`);
      return createBlob(ctx, file.export(contentType ?? 'application/pdf'));
    };
    const impl: Partial<GoogleAppsScript.Drive.File> = {
      getId: () => file.id,
      getName: () => file.name,
      setName: (n: string) => ((file.name = String(n)), wrapFile(file)),
      getUrl: () => file.url,
      getMimeType: () => file.mimeType,
      getParents: () => iterator(ctx, file.parents.map((p) => wrapFolder(folderById(p))), 'FolderIterator') as unknown as GoogleAppsScript.Drive.FolderIterator,
      getBlob: () => blobOf(),
      getAs: (contentType: string) => blobOf(contentType),
      isTrashed: () => file.trashed,
      setTrashed: (t: boolean) => ((file.trashed = Boolean(t)), wrapFile(file)),
      moveTo(destination: GoogleAppsScript.Drive.Folder) {
        const target = folderById(ctx.tracker.internal(() => destination.getId()));
        file.parents = [target.id];
        return wrapFile(file);
      },
      makeCopy: ((a?: unknown, b?: unknown) => {
        const name = typeof a === 'string' ? a : `Copy of ${file.name}`;
        const folder = (typeof a === 'object' && a !== null ? a : b) as GoogleAppsScript.Drive.Folder | undefined;
        const parents = folder ? [folderById(ctx.tracker.internal(() => folder.getId())).id] : [...file.parents];
        const copy = store.addFile({
          name,
          mimeType: file.mimeType,
          blob: file.blob ? { ...file.blob, bytes: [...file.blob.bytes], name } : null,
          parents,
        });
        file.copyContent?.(copy);
        return wrapFile(copy);
      }) as GoogleAppsScript.Drive.File['makeCopy'],
    };
    return ctx.tracker.wrap(complete<GoogleAppsScript.Drive.File>(impl, 'File'), 'File');
  };

  const impl: Partial<GoogleAppsScript.Drive.DriveApp> = {
    getFileById: (id: string) => wrapFile(fileById(id)),
    getFolderById: (id: string) => wrapFolder(folderById(id)),
    getRootFolder: () => wrapFolder(folderById(store.rootId)),
    createFile: ((a: unknown, content?: string, mimeType?: string) => createFileIn(store.rootId, a, content, mimeType)) as GoogleAppsScript.Drive.DriveApp['createFile'],
    createFolder: (name: string) => wrapFolder(addFolder(name, store.rootId)),
    getFilesByName: (name: string) => filesIn(null, name),
  };

  return {
    service: ctx.tracker.wrap(complete<GoogleAppsScript.Drive.DriveApp>(impl, 'DriveApp'), 'DriveApp'),
    store,
    snapshots: () =>
      [...store.files.values()]
        .filter((f) => !f.trashed)
        .map((f) => ({
          id: f.id,
          name: f.name,
          mimeType: f.mimeType,
          url: f.url,
          parents: [...f.parents],
          ...(f.blob ? { base64: base64Encode(f.blob.bytes) } : {}),
        })),
  };
}
