const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;
// Mainland mobile numbers (11 digits from 13x to 19x) standing alone, not part of an id or a
// longer number.
const MOBILE = /(?<![\w-])1[3-9]\d{9}(?![\w-])/g;

/**
 * Log text with e-mail addresses and mobile numbers masked: "zhang@example.com" → "***@example.com",
 * "13812345678" → "138****5678". Applied to every message the portal logs, so a line that names
 * a recipient (an SMTP error, a mail written to disk) keeps the domain for diagnosis and loses
 * the person.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, (address) => `***${address.slice(address.indexOf('@'))}`)
    .replace(MOBILE, (phone) => `${phone.slice(0, 3)}****${phone.slice(-4)}`);
}
