import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from '@portal/api-testing';

/** Every mail to `to` the mail jobs wrote as .eml files so far: subject and plain text. */
export function mailsTo(
  dir: string,
  to: string,
): { subject: string; text: string }[] {
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .filter((raw) => raw.includes(`To: ${to}`))
    .map((raw) => ({
      subject: decodeSubject(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1]),
      text: plainText(raw),
    }));
}

/** Waits until `to` has more than `already` mails and returns the newest. */
export async function nextMailTo(
  dir: string,
  to: string,
  already = 0,
): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 100; i++) {
    const mails = mailsTo(dir, to);
    if (mails.length > already) return mails[mails.length - 1] as never;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail ${already + 1} to ${to} within 10 s`);
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / ?Q?) to text. */
function decodeSubject(raw: string | undefined): string {
  if (!raw) return '';
  return raw
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?utf-8\?([bq])\?([^?]*)\?=/gi,
      (_, enc: string, data: string) =>
        enc.toLowerCase() === 'b'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeURIComponent(
              data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'),
            ),
    );
}
