import { fromBuffer } from 'file-type';
import type { FileKind } from '@portal/domain';

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  png: 'png',
  docx: 'docx',
  xlsx: 'xlsx',
};

/** What a file is by its content (magic numbers, the OOXML package inside a zip), never by its name. */
export async function fileKindOf(content: Buffer): Promise<FileKind | null> {
  const detected = await fromBuffer(content);
  return detected ? (BY_EXTENSION[detected.ext] ?? null) : null;
}
