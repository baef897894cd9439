/** Serialises one message as a native-messaging frame: 4-byte little-endian byte length + UTF-8 JSON. */
export function encodeFrame(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  return frame;
}

export function jsonBytes(value: unknown): { json: string; bytes: number } {
  const json = JSON.stringify(value);
  return { json, bytes: Buffer.byteLength(json, 'utf8') };
}
