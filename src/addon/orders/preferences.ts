// What an organisation chose for its orders, remembered in the spreadsheet's document properties
// (shared by everyone who edits it; never script properties, which every user of the add-on
// shares): the date style, the font, and the basis per plan subject. One small property per
// organisation and subject keeps each value far below the 9 KB limit.
import { basisMemoryKey, suggestBasis, type Basis, type BasisVerb } from '../../core/order/basis';
import { GOST_FONT } from '../../core/order/model';
import type { BasisView, FontView } from '../../contract/orders';

const PREFIX = 'orders.';
/** The add-on's first, spreadsheet-wide date style (kept as the fallback for organisations with none yet). */
export const DATE_STYLE_PROPERTY = 'orders.dateStyle';

const props = () => PropertiesService.getDocumentProperties();
const orgKey = (organisation: string) => organisation.replace(/\s+/g, ' ').trim();

function readJson<T>(key: string): T | null {
  const raw = props().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export interface OrgPreferences {
  dateStyle: 'long' | 'numeric';
  font: FontView;
}

export function orgPreferences(organisation: string): OrgPreferences {
  const own = readJson<Partial<OrgPreferences>>(`${PREFIX}prefs.${orgKey(organisation)}`) ?? {};
  const fallback = props().getProperty(DATE_STYLE_PROPERTY) === 'numeric' ? 'numeric' : 'long';
  const font = own.font && own.font.family && own.font.bodyPt >= 12 && own.font.bodyPt <= 14 ? own.font : { family: GOST_FONT.family, bodyPt: GOST_FONT.bodyPt };
  return { dateStyle: own.dateStyle ?? fallback, font };
}

/** The basis this organisation used last for a plan on this subject, else the suggestion from the title. */
export function rememberedBasis(organisation: string, planTitle: string): BasisView {
  const own = readJson<Basis>(`${PREFIX}basis.${basisMemoryKey(organisation, planTitle)}`);
  return own && own.acts ? { verb: own.verb, acts: own.acts } : suggestBasis(planTitle);
}

/** Saved after an order is created: the next order of this organisation starts from the same choices. */
export function rememberChoices(organisation: string, planTitle: string, choice: { dateStyle: 'long' | 'numeric'; font?: FontView; basis?: { verb: BasisVerb; acts: string } }): void {
  const store = props();
  const current = orgPreferences(organisation);
  store.setProperty(`${PREFIX}prefs.${orgKey(organisation)}`, JSON.stringify({ dateStyle: choice.dateStyle, font: choice.font ?? current.font }));
  if (choice.basis && choice.basis.acts.trim()) {
    store.setProperty(`${PREFIX}basis.${basisMemoryKey(organisation, planTitle)}`, JSON.stringify({ verb: choice.basis.verb, acts: choice.basis.acts.trim().slice(0, 3000) }));
  }
}
