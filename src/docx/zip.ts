// The zip container of a .docx, for entries Node's zlib has already deflated.
// Writing the headers is all that is left to do, and loading a zip library for
// it cost a cold render more than the writing itself (fflate builds its
// Huffman tables and probes worker_threads when it loads). The layout is the
// one fflate's streaming Zip writes for such entries, byte for byte
// (tests/docx/zip.test.ts): sizes and CRC in a data descriptor after the
// data, general-purpose flag 8, UTF-8 flag only for non-ASCII names, every
// entry stamped 1980-01-01 00:00 (DOS time), no extra fields or comments.

/** A part as the zip stores it: deflated, with the length and CRC of the original bytes. */
export interface DeflatedEntry {
  size: number;
  crc: number;
  deflated: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
const METHOD_DEFLATE = 8;
/** 1980-01-01 00:00:00 as DOS date (high half) and time (low half). */
const DOS_EPOCH = (1 << 21) | (1 << 16);

interface Placed {
  name: Uint8Array;
  flags: number;
  entry: DeflatedEntry;
  offset: number;
}

/** The entries, in the order given, as a zip file. */
export function zipDeflated(entries: ReadonlyArray<readonly [string, DeflatedEntry]>): Uint8Array {
  const encoder = new TextEncoder();
  let offset = 0;
  const placed: Placed[] = entries.map(([name, entry]) => {
    const bytes = encoder.encode(name);
    const item = { name: bytes, flags: FLAG_DATA_DESCRIPTOR | (bytes.length !== name.length ? FLAG_UTF8_NAME : 0), entry, offset };
    offset += 30 + bytes.length + entry.deflated.length + 16;
    return item;
  });
  const directorySize = placed.reduce((sum, item) => sum + 46 + item.name.length, 0);
  const out = new Uint8Array(offset + directorySize + 22);
  const view = new DataView(out.buffer);
  for (const item of placed) writeLocalEntry(out, view, item);
  let at = offset;
  for (const item of placed) at = writeCentralHeader(out, view, item, at);
  writeEndOfDirectory(view, at, placed.length, directorySize, offset);
  return out;
}

/** Local header (sizes left zero: they follow in the data descriptor), name, data, descriptor. */
function writeLocalEntry(out: Uint8Array, view: DataView, { name, flags, entry, offset }: Placed): void {
  view.setUint32(offset, LOCAL_HEADER, true);
  view.setUint16(offset + 4, VERSION, true);
  view.setUint16(offset + 6, flags, true);
  view.setUint16(offset + 8, METHOD_DEFLATE, true);
  view.setUint32(offset + 10, DOS_EPOCH, true);
  view.setUint16(offset + 26, name.length, true);
  out.set(name, offset + 30);
  const data = offset + 30 + name.length;
  out.set(entry.deflated, data);
  const descriptor = data + entry.deflated.length;
  view.setUint32(descriptor, DATA_DESCRIPTOR, true);
  view.setUint32(descriptor + 4, entry.crc >>> 0, true);
  view.setUint32(descriptor + 8, entry.deflated.length, true);
  view.setUint32(descriptor + 12, entry.size, true);
}

function writeCentralHeader(out: Uint8Array, view: DataView, { name, flags, entry, offset }: Placed, at: number): number {
  view.setUint32(at, CENTRAL_HEADER, true);
  view.setUint16(at + 4, VERSION, true);
  view.setUint16(at + 6, VERSION, true);
  view.setUint16(at + 8, flags, true);
  view.setUint16(at + 10, METHOD_DEFLATE, true);
  view.setUint32(at + 12, DOS_EPOCH, true);
  view.setUint32(at + 16, entry.crc >>> 0, true);
  view.setUint32(at + 20, entry.deflated.length, true);
  view.setUint32(at + 24, entry.size, true);
  view.setUint16(at + 28, name.length, true);
  view.setUint32(at + 42, offset, true);
  out.set(name, at + 46);
  return at + 46 + name.length;
}

function writeEndOfDirectory(view: DataView, at: number, count: number, directorySize: number, directoryOffset: number): void {
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryOffset, true);
}
