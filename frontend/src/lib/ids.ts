/** A DOM-id-safe token for any string (context names hold ':', '/', spaces…). */
export function domId(prefix: string, s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return `${prefix}-${(h >>> 0).toString(36)}`;
}
