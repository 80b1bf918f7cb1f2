// We use zod/mini (small: Apps Script parses the whole bundle on every run) with our own Russian
// messages (src/contract/messages.ts), so refusals say what to fix in words people use. Import this
// module once for its effect; elsewhere import `* as z from 'zod/mini'` directly (re-exporting the
// namespace would defeat tree-shaking).
import { config } from 'zod/mini';
import { russianIssue } from './messages';

config({ localeError: russianIssue });
