/**
 * Protobuf wire format by hand for the weight files. protobufjs copies `bytes` fields byte by byte
 * (seconds for a VGG-sized model); here a message is a list of chunks that is joined once at the end.
 */
export type Chunks = Uint8Array[];

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;

/** Unsigned varint of a non-negative integer below 2^53. */
export function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

function tag(field: number, wire: number): Uint8Array {
  return varint(field * 8 + wire);
}

function size(chunks: Chunks): number {
  return chunks.reduce((sum, chunk) => sum + chunk.length, 0);
}

/** A length-delimited field: a nested message, a string, bytes or a packed list. */
export function lengthDelimited(field: number, payload: Chunks): Chunks {
  return [tag(field, WIRE_LENGTH_DELIMITED), varint(size(payload)), ...payload];
}

export function stringField(field: number, text: string): Chunks {
  return lengthDelimited(field, [new TextEncoder().encode(text)]);
}

/** Packed repeated varints (non-negative int64 such as tensor dims). */
export function packedVarints(field: number, values: number[]): Chunks {
  return lengthDelimited(field, values.map(varint));
}

export function varintField(field: number, value: number): Chunks {
  return [tag(field, WIRE_VARINT), varint(value)];
}

/** The message as one buffer. */
export function join(chunks: Chunks): Uint8Array {
  const out = new Uint8Array(size(chunks));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
