import '@fastify/multipart';
import { ValidationFailedError } from '@portal/api-core';
import type { FastifyRequest } from 'fastify';
import type { IncomingFile } from '../materials/materials.service';

/** One file and its `materialKey` field from a multipart request. */
export async function readUpload(
  request: FastifyRequest,
): Promise<IncomingFile> {
  const part = request.isMultipart() ? await request.file() : undefined;
  if (!part)
    throw new ValidationFailedError([
      {
        field: 'file',
        code: 'file.required',
        message:
          'Send the file as multipart/form-data with a materialKey field',
      },
    ]);
  const content = await part.toBuffer();
  const keyField = part.fields['materialKey'];
  const materialKey =
    keyField && !Array.isArray(keyField) && keyField.type === 'field'
      ? String(keyField.value)
      : '';
  if (!materialKey)
    throw new ValidationFailedError([
      {
        field: 'materialKey',
        code: 'material.required',
        message:
          'Say which material this file is (send materialKey before the file)',
      },
    ]);
  return { materialKey, fileName: part.filename, content };
}

/** A download, never shown inline; the UTF-8 name per RFC 6266 with an ASCII fallback. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Idempotency keys are opaque to us but bounded: 1–100 visible ASCII characters. */
export function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,100}$/.test(value))
    throw new ValidationFailedError([
      {
        field: 'Idempotency-Key',
        code: 'idempotency_key.invalid',
        message: 'Use 1 to 100 visible ASCII characters, e.g. a UUID',
      },
    ]);
  return value;
}
