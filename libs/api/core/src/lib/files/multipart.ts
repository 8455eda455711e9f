import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/app-error';

/** The one file of a multipart request, with the text fields sent before it. */
export interface FilePart {
  readonly fileName: string;
  readonly content: Buffer;
  readonly fields: Readonly<Record<string, string>>;
}

/** Reads the request's file (fields must come first, as a browser's form sends them); 400 without one. */
export async function readFilePart(
  request: FastifyRequest,
  hint = 'Send the file as multipart/form-data',
): Promise<FilePart> {
  const part = request.isMultipart() ? await request.file() : undefined;
  if (!part)
    throw new ValidationFailedError([
      { field: 'file', code: 'file.required', message: hint },
    ]);
  const content = await part.toBuffer();
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(part.fields))
    if (field && !Array.isArray(field) && field.type === 'field')
      fields[name] = String(field.value);
  return { fileName: part.filename, content, fields };
}

/** A download, never shown inline; the UTF-8 name per RFC 6266 with an ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
