import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type FileKind,
  materialAccepts,
  type MaterialDefinition,
} from '@portal/domain';
import { AppError } from '../errors/app-error';
import { fileKindOf } from './file-kind';

/** The Content-Type a stored file is sent with. */
const MIME: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeOf(kind: FileKind): string {
  return MIME[kind];
}

/** A file kept in the upload directory under a random name, with what it is. */
export interface StoredFileFacts {
  readonly storageName: string;
  readonly fileName: string;
  readonly kind: FileKind;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * What the file is by its content, if the material takes it: 415 for another kind, 413 when it
 * is larger than the material allows.
 */
export async function acceptedKind(
  material: MaterialDefinition,
  content: Buffer,
): Promise<FileKind> {
  const kind = await fileKindOf(content);
  const verdict = kind
    ? materialAccepts(material, kind, content.length)
    : 'type';
  if (!kind || verdict !== 'ok')
    throw new AppError(
      verdict === 'size' ? 413 : 415,
      'FILE_REJECTED',
      verdict === 'size'
        ? `"${material.label.en}" may be at most ${material.maxSizeMb} MB.`
        : `"${material.label.en}" must be ${material.allowed.map((k) => k.toUpperCase()).join(', ')}; this file's content is ${kind ? kind.toUpperCase() : 'none of these'}.`,
    );
  return kind;
}

/**
 * Writes the content under a new random name, readable by the portal's user only (uploads hold
 * companies' documents). The caller records it and removes it again if the record fails.
 */
export async function storeFile(
  uploadDir: string,
  fileName: string,
  kind: FileKind,
  content: Buffer,
): Promise<StoredFileFacts> {
  const storageName = randomBytes(24).toString('hex');
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  await writeFile(join(uploadDir, storageName), content, {
    flag: 'wx',
    mode: 0o600,
  });
  return {
    storageName,
    fileName: safeFileName(fileName),
    kind,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

export function readStoredFile(
  uploadDir: string,
  storageName: string,
): Promise<Buffer> {
  return readFile(join(uploadDir, storageName));
}

export function removeStoredFile(
  uploadDir: string,
  storageName: string,
): Promise<void> {
  return rm(join(uploadDir, storageName), { force: true });
}

/** The name as the user gave it, without a path or control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 255);
}
