/** The zod form of the one ISO-date check, for every schema that reads a date at a boundary. */
import { z } from 'zod';
import { isIsoDate } from './dates';

/** A calendar date written yyyy-mm-dd; `message` is what a reader sees when it is not. */
export const isoDateSchema = (message = 'must be a date in the form YYYY-MM-DD') =>
  z.string().refine(isIsoDate, { message });
