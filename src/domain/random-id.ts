/**
 * A random UUIDv4 (RFC 9562): 122 random bits and nothing else, unlike v7 or ULID which embed
 * the time. Built from getRandomValues because randomUUID exists only in secure contexts, and
 * a kiosk on a local network may be served over plain HTTP.
 */
export function randomUuidV4(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
