import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

// zod/mini ships without messages ("Invalid input"); people fixing a form or a request need the reason.
z.config(en());
