/**
 * Protobuf wire format by hand for the weight files. protobufjs copies `bytes` fields byte by byte
 * (seconds for a VGG-sized model). Two ways here: a message as a list of chunks joined once at the end
 * (small chunks as plain number arrays, big ones as Uint8Array views), or, where the sizes are easy to
 * work out first, a WireWriter that writes into one buffer of that size and allocates nothing else.
 */
import { floatBytes } from './weights.ts';

export type Chunks = Array<Uint8Array | number[]>;

const WIRE_LENGTH_DELIMITED = 2;

/** Appends the unsigned varint of a non-negative integer below 2^53. */
function pushVarint(bytes: number[], value: number): number[] {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function size(chunks: Chunks): number {
  let sum = 0;
  for (const chunk of chunks) sum += chunk.length;
  return sum;
}

/** A length-delimited field: a nested message, a string, bytes or a packed list. */
export function lengthDelimited(field: number, payload: Chunks): Chunks {
  const head = pushVarint(pushVarint([], field * 8 + WIRE_LENGTH_DELIMITED), size(payload));
  return [head, ...payload];
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

/** Bytes in the varint of a non-negative integer below 2^53. */
export function varintSize(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) bytes++;
  return bytes;
}

/** Bytes of a length-delimited field holding `payload` bytes: tag, length, payload. */
export function delimitedSize(field: number, payload: number): number {
  return varintSize(field * 8 + WIRE_LENGTH_DELIMITED) + varintSize(payload) + payload;
}

const utf8 = new TextEncoder();
/** V8 keeps typed arrays up to 64 bytes on its heap, without a buffer of their own. */
const SMALL_FLOATS_BYTES = 64;

/** UTF-8 bytes of a string, without encoding it when it is ASCII (nearly every name). */
export function utf8Size(text: string): number {
  return /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length;
}

/** Writes fields into one buffer of a size worked out beforehand; `finish` checks the sizes agreed. */
export class WireWriter {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private pos = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  private varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.pos++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.pos++] = rest;
  }

  /** The head of a length-delimited field whose `payload` bytes the caller writes next. */
  delimited(field: number, payload: number): this {
    this.varint(field * 8 + WIRE_LENGTH_DELIMITED);
    this.varint(payload);
    return this;
  }

  string(field: number, text: string): this {
    if (/^[\x00-\x7f]*$/.test(text)) {
      this.delimited(field, text.length);
      for (let i = 0; i < text.length; i++) this.bytes[this.pos++] = text.charCodeAt(i);
      return this;
    }
    return this.raw(field, utf8.encode(text));
  }

  /** A bytes field. */
  private raw(field: number, bytes: Uint8Array): this {
    return this.delimited(field, bytes.length).copy(bytes);
  }

  /**
   * A bytes field of little-endian float32 values. Small arrays are copied value by value: viewing their bytes
   * would give each of 100,000 tiny on-heap arrays a buffer of its own.
   */
  floats(field: number, values: Float32Array): this {
    this.delimited(field, values.byteLength);
    if (values.byteLength > SMALL_FLOATS_BYTES) return this.copy(floatBytes(values));
    for (const value of values) {
      this.view.setFloat32(this.pos, value, true);
      this.pos += 4;
    }
    return this;
  }

  private copy(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** Packed repeated varints (non-negative int64 such as tensor dims) whose bytes are `payload`. */
  packedVarints(field: number, values: number[], payload: number): this {
    this.delimited(field, payload);
    for (const value of values) this.varint(value);
    return this;
  }

  finish(): Uint8Array {
    if (this.pos !== this.bytes.length) throw new Error(`wire: wrote ${this.pos} bytes of ${this.bytes.length} planned`);
    return this.bytes;
  }
}
