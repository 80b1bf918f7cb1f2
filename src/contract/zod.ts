// We use zod/mini (small: Apps Script parses the whole bundle on every run) with zod's Russian
// messages, so validation errors read naturally to our users. Import this module once for its
// effect; elsewhere import `* as z from 'zod/mini'` directly (re-exporting the namespace would
// defeat tree-shaking and pull in every locale).
import { config } from 'zod/mini';
import ru from 'zod/v4/locales/ru.js';

config(ru());
