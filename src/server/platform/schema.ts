/**
 * The pieces every module's contract (`<module>.schema.ts`) is made of: identifiers, instants,
 * texts in two languages, the error body. Zod only, so that the web application can import the
 * types of any contract (`import type`) without pulling server code into its bundle.
 */
import { z } from 'zod';

/** A row's identifier in a URL or a body. */
export const Uuid = z.uuid({ message: 'Mã không hợp lệ' });

/** An instant in responses: ISO-8601 in UTC ("2017-10-31T16:59:59.000Z"); services convert Dates. */
export const Instant = z.string().describe('ISO-8601, UTC');

/** A text in Vietnamese, with its English translation where there is one. */
export const TextSchema = z.object({ vi: z.string(), en: z.string().optional() });

/** A person as a screen names them. */
export const PersonRef = z.object({ id: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** A sentence for the user after an action, in both languages. */
export const Message = { message: z.string(), messageEn: z.string() };

/** The body of every error response: a machine code, the Vietnamese message, the field it concerns. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string().optional(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

/** Standard error responses for the OpenAPI description. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  503: ErrorSchema,
} as const;
