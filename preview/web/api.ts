// The page's client for the preview server's JSON API.
import type { ActionResult, EditRequest, MenuRequest, OpenRequest, PasteRequest, RunRequest, UserRequest } from './protocol';

async function post(route: string, body: unknown): Promise<ActionResult> {
  const response = await fetch(`/api/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const data = (await response.json()) as ActionResult | { ok: false; error: string };
  if (!('state' in data)) throw new Error(data.error);
  return data;
}

export const api = {
  state: () => post('state', undefined),
  menu: (r: MenuRequest) => post('menu', r),
  run: (r: RunRequest) => post('run', r),
  edit: (r: EditRequest) => post('edit', r),
  paste: (r: PasteRequest) => post('paste', r),
  open: (r: OpenRequest) => post('open', r),
  user: (r: UserRequest) => post('user', r),
  fireTriggers: () => post('triggers', {}),
};

export const docUrl = (id: string, download = false) => `/api/doc?id=${encodeURIComponent(id)}${download ? '&download=1' : ''}`;
