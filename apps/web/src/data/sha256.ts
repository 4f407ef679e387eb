/** SHA-256 of `bytes` as lowercase hex, computed by the platform's Web Crypto (browser, worker or Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
