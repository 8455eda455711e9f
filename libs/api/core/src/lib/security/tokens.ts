import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** 256 random bits, URL-safe: session ids and other bearer secrets. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a bearer token: a leaked table does not leak sessions. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** AES-256-GCM with a key derived from the app secret: for secrets the server must read back (TOTP). */
export function sealSecret(
  appSecret: string,
  purpose: string,
  plain: string,
): string {
  const key = createHash('sha256').update(`${purpose}:${appSecret}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed]
    .map((b) => b.toString('base64url'))
    .join('.');
}

export function openSecret(
  appSecret: string,
  purpose: string,
  sealed: string,
): string {
  const [iv, tag, data] = sealed
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) throw new Error('Malformed sealed secret');
  const key = createHash('sha256').update(`${purpose}:${appSecret}`).digest();
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString(
    'utf8',
  );
}
