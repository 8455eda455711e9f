import { readFilePart, ValidationFailedError } from '@portal/api-core';
import type { FastifyRequest } from 'fastify';
import type { IncomingFile } from '../materials/materials.service';

/** One file and its `materialKey` field from a multipart request. */
export async function readUpload(
  request: FastifyRequest,
): Promise<IncomingFile> {
  const part = await readFilePart(
    request,
    'Send the file as multipart/form-data with a materialKey field',
  );
  const materialKey = part.fields['materialKey'] ?? '';
  if (!materialKey)
    throw new ValidationFailedError([
      {
        field: 'materialKey',
        code: 'material.required',
        message:
          'Say which material this file is (send materialKey before the file)',
      },
    ]);
  return { materialKey, fileName: part.fileName, content: part.content };
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
