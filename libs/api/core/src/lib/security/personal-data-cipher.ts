import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** A key for personal data at rest: 16 bytes (SM4), named so a stored value says which key sealed it. */
export interface PersonalDataKey {
  readonly id: string;
  readonly key: Buffer;
}

const PREFIX = 'sm4';
const IV_BYTES = 16;
const TAG_BYTES = 16;

interface DerivedKey {
  readonly encryption: Buffer;
  readonly authentication: Buffer;
}

/** A value this cipher cannot open: sealed by a key it does not hold, or altered. */
export class PersonalDataSealError extends Error {}

/**
 * Personal data at rest (GB/T 22239-2019 8.1.4.8: phone numbers and the like), encrypted with
 * SM4 (GB/T 32907) in CTR mode and authenticated with HMAC-SM3 (encrypt-then-MAC; Node's
 * OpenSSL has no SM4-GCM). Both keys are derived from one configured key by HKDF-SM3. A stored
 * value reads `sm4:<key id>:<iv | ciphertext | tag>`: the first key seals, every key opens, so
 * a new key can be put first and the old one dropped once every row has been sealed again.
 * A value without the prefix is a plaintext written before encryption and is read as it is.
 */
export class PersonalDataCipher {
  private readonly keys: ReadonlyMap<string, DerivedKey>;
  private readonly current: string;

  constructor(keys: readonly PersonalDataKey[]) {
    const first = keys[0];
    if (!first) throw new Error('At least one personal-data key is needed');
    this.current = first.id;
    this.keys = new Map(
      keys.map((k) => {
        if (k.key.length !== 16)
          throw new Error(`Personal-data key ${k.id} must be 16 bytes`);
        return [
          k.id,
          {
            encryption: derive(k.key, 'portal personal data sm4', 16),
            authentication: derive(k.key, 'portal personal data sm3', 32),
          },
        ];
      }),
    );
  }

  get currentKeyId(): string {
    return this.current;
  }

  /** What a value sealed by the current key starts with. */
  get currentPrefix(): string {
    return `${PREFIX}:${this.current}:`;
  }

  seal(plain: string): string {
    const key = this.keys.get(this.current) as DerivedKey;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-ctr', key.encryption, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = this.tag(key, this.current, iv, body);
    return `${this.currentPrefix}${Buffer.concat([iv, body, tag]).toString('base64url')}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(`${PREFIX}:`)) return stored;
    const [, keyId = '', data = ''] = stored.split(':');
    const key = this.keys.get(keyId);
    if (!key)
      throw new PersonalDataSealError(
        `Sealed by personal-data key "${keyId}", which PERSONAL_DATA_KEYS does not hold`,
      );
    const bytes = Buffer.from(data, 'base64url');
    const altered = new PersonalDataSealError(
      'A sealed personal-data value was altered',
    );
    if (bytes.length < IV_BYTES + TAG_BYTES) throw altered;
    const iv = bytes.subarray(0, IV_BYTES);
    const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    if (!timingSafeEqual(tag, this.tag(key, keyId, iv, body))) throw altered;
    const decipher = createDecipheriv('sm4-ctr', key.encryption, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Whether a stored value is sealed by the current key (else it is due to be sealed again). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(this.currentPrefix);
  }

  private tag(key: DerivedKey, keyId: string, iv: Buffer, body: Buffer) {
    return createHmac('sm3', key.authentication)
      .update(keyId)
      .update(iv)
      .update(body)
      .digest()
      .subarray(0, TAG_BYTES);
  }
}

function derive(key: Buffer, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), info, length));
}

/** `k2:<32 hex>,k1:<32 hex>` → keys, the first one sealing. Throws with what is wrong. */
export function parsePersonalDataKeys(value: string): PersonalDataKey[] {
  const keys = value.split(',').map((entry) => {
    const match = /^([A-Za-z0-9_-]{1,16}):([0-9a-fA-F]{32})$/.exec(
      entry.trim(),
    );
    if (!match)
      throw new Error(
        'use comma-separated id:key pairs, each key 32 hex digits (openssl rand -hex 16), e.g. k1:9f86d081884c7d659a2feaa0c55ad015',
      );
    return {
      id: match[1] as string,
      key: Buffer.from(match[2] as string, 'hex'),
    };
  });
  const ids = keys.map((k) => k.id);
  if (new Set(ids).size !== ids.length)
    throw new Error('each key needs an id of its own');
  return keys;
}
