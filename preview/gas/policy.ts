// Authorization policy of the in-memory Apps Script, after Google's "Editor add-on authorization"
// guide and the ScriptApp.AuthMode reference
// (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle,
//  https://developers.google.com/apps-script/reference/script/auth-mode):
// - NONE (onOpen of an add-on not yet used in this file): no service that needs authorization;
//   only the menu may be built.
// - LIMITED (simple triggers of an enabled add-on): the bound file may be read and written, menus
//   built, properties and locks used; no sidebars or dialogs, nothing outside the bound file.
// - FULL: everything.
import type { AuthMode, AuthPolicy } from './track';

/** Scope Google names in its "You do not have permission" message, per service class. */
const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
  DocumentApp: 'https://www.googleapis.com/auth/documents',
  DocsDocuments: 'https://www.googleapis.com/auth/documents',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
};

/** Calls that need no authorization at all: allowed even in NONE. */
const ALWAYS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Session.getActiveUserLocale',
]);
const ALWAYS_CLASSES: ReadonlySet<string> = new Set(['Menu', 'Utilities', 'Logger', 'Blob']);

/** Classes that reach beyond the bound file: FULL only. */
const FULL_ONLY_CLASSES: ReadonlySet<string> = new Set([
  'DocumentApp', 'Document', 'Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'Text',
  'HeaderSection', 'FooterSection', 'PageBreak', 'RangeElement', 'DocsDocuments', 'DriveApp', 'File', 'Folder', 'FileIterator', 'FolderIterator',
  // Sending mail and managing triggers need the person's authorization: not in a simple trigger.
  'MailApp', 'TriggerBuilder', 'ClockTriggerBuilder', 'Trigger',
]);
/** Methods of otherwise-allowed classes that show UI beyond a menu or a toast: FULL only. */
const FULL_ONLY_METHODS: ReadonlySet<string> = new Set([
  'Ui.showSidebar',
  'Ui.showModalDialog',
  'Ui.showModelessDialog',
  'Ui.alert',
  'Ui.prompt',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
  'ScriptApp.getOAuthToken',
  'Session.getEffectiveUser',
]);

function scopeFor(className: string): string {
  const service = /^(Document|Body|Paragraph|ListItem|Table|Text|HeaderSection|FooterSection|PageBreak|RangeElement)/.test(className)
    ? 'DocumentApp'
    : /^(TriggerBuilder|ClockTriggerBuilder|Trigger)$/.test(className)
      ? 'ScriptApp'
    : /^(File|Folder)/.test(className)
      ? 'DriveApp'
      : /^(Ui|Menu)$/.test(className)
        ? 'Ui'
        : className in SCOPES
          ? className
          : 'SpreadsheetApp';
  return SCOPES[service] ?? SCOPES.SpreadsheetApp!;
}

/** Google's wording when a call needs more authorization than the run has. */
export function permissionMessage(className: string, method: string): string {
  return `You do not have permission to call ${className}.${method}. Required permissions: ${scopeFor(className)}`;
}

export const editorAddonPolicy: AuthPolicy = (mode: AuthMode, className: string, method: string) => {
  if (mode === 'FULL') return null;
  const key = `${className}.${method}`;
  if (ALWAYS.has(key) || ALWAYS_CLASSES.has(className)) return null;
  if (mode === 'NONE') return permissionMessage(className, method);
  // LIMITED
  if (FULL_ONLY_CLASSES.has(className) || FULL_ONLY_METHODS.has(key)) return permissionMessage(className, method);
  return null;
};

// ---- OAuth scopes ----
// The manifest's explicit oauthScopes are all the script may use: a call whose service needs a
// scope the manifest does not declare fails in real Apps Script (per the "Authorization" section of
// each method in Google's reference). Checked in every mode, like Google does.

const G = 'https://www.googleapis.com/auth/';
const SPREADSHEET_SCOPES = [`${G}spreadsheets.currentonly`, `${G}spreadsheets`, `${G}spreadsheets.readonly`];

/** The scopes, any one of which permits `Class.method`; null when none is needed. */
export function scopesFor(className: string, method: string): string[] | null {
  const key = `${className}.${method}`;
  if (/^(SpreadsheetApp\.(openById|openByUrl|open|create))$/.test(key)) return [`${G}spreadsheets`];
  if (/^(DriveApp|File|Folder|FileIterator|FolderIterator)$/.test(className)) return [`${G}drive`, `${G}drive.readonly`];
  // The advanced Docs service (Docs API) needs the same `documents` scope.
  if (/^(DocumentApp|Document|Body|Paragraph|ListItem|Table|TableRow|TableCell|Text|HeaderSection|FooterSection|PageBreak|RangeElement|DocsDocuments)$/.test(className)) {
    return [`${G}documents`];
  }
  if (className === 'Ui' || className === 'Menu') return [`${G}script.container.ui`];
  if (key === 'Session.getActiveUser' || key === 'Session.getEffectiveUser') return [`${G}userinfo.email`];
  if ((className === 'ScriptApp' && /Trigger/.test(method)) || /^(TriggerBuilder|ClockTriggerBuilder|Trigger)$/.test(className)) return [`${G}script.scriptapp`];
  // https://developers.google.com/apps-script/reference/mail/mail-app (Authorization: script.send_mail).
  if (className === 'MailApp') return [`${G}script.send_mail`];
  if (/^(Spreadsheet|Sheet|Range|RangeList|Protection|NamedRange|EmbeddedChart|DataValidation|ConditionalFormatRule)/.test(className) || className === 'SpreadsheetApp') {
    return SPREADSHEET_SCOPES;
  }
  return null;
}

/** Refuses what the declared scopes do not cover, in Google's words. */
export function scopePolicy(declared: readonly string[]): AuthPolicy {
  const have = new Set(declared);
  return (_mode, className, method) => {
    const needed = scopesFor(className, method);
    if (!needed || needed.some((s) => have.has(s))) return null;
    return `You do not have permission to call ${className}.${method}. Required permissions: ${needed[0]}`;
  };
}

// ---- Access to the file ----
// An account that was removed from the spreadsheet's sharing cannot open it any more, also from an
// installable trigger it made earlier (which still runs as that account).

export const NO_ACCESS_MESSAGE = 'You do not have permission to access the requested document.';

/** Calls that open or read the spreadsheet. */
export function touchesSpreadsheet(className: string, method: string): boolean {
  const scopes = scopesFor(className, method);
  return !!scopes && scopes.some((s) => SPREADSHEET_SCOPES.includes(s));
}
