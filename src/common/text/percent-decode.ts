/** The bytes a URL part stands for: `%XX` is a byte, anything else the byte Node read (latin1). */
export function percentDecode(text: string, plusIsSpace: boolean): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x25 && i + 2 < text.length && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes[length++] = parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      bytes[length++] = plusIsSpace && char === 0x2b ? 0x20 : char & 0xff;
    }
  }
  return bytes.subarray(0, length);
}
