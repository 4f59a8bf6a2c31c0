// The zip writer of src/docx/zip.ts writes the bytes fflate's streaming Zip
// wrote for the same deflated entries (the writer every .docx went through
// before), and what it writes reads back through an independent unzip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import { zipDeflated, type DeflatedEntry } from '../../src/docx/zip.js';

function deflated(data: Uint8Array): DeflatedEntry {
  return { size: data.length, crc: crc32(data), deflated: deflateRawSync(data, { level: 6 }) };
}

/** The framing src/docx/package.ts used before: fflate's Zip with a pass-through entry per part. */
class PassThroughEntry extends ZipPassThrough {
  static add(zip: Zip, name: string, entry: DeflatedEntry): void {
    const framed = new PassThroughEntry(name);
    framed.mtime = new Date(1980, 0, 1, 0, 0, 0);
    framed.compression = 8;
    zip.add(framed);
    framed.size = entry.size;
    framed.crc = entry.crc;
    framed.process(new Uint8Array(entry.deflated), true);
  }
}

function fflateZip(entries: Array<[string, DeflatedEntry]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, entry] of entries) PassThroughEntry.add(zip, name, entry);
  zip.end();
  return Buffer.concat(chunks);
}

describe('zip container of a .docx', () => {
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['word/document.xml', '<w:document>长寿镇2026年工作计划</w:document>'.repeat(200)],
    ['word/media/图一.png', ''],
    ['docProps/core.xml', 'x'],
  ];

  it('writes the bytes fflate wrote for the same entries, non-ASCII and empty parts included', () => {
    const entries = parts.map(([name, text]): [string, DeflatedEntry] => [name, deflated(strToU8(text))]);
    expect(Buffer.from(zipDeflated(entries)).equals(Buffer.from(fflateZip(entries)))).toBe(true);
  });

  it('reads back as the parts it was given', () => {
    const entries = parts.map(([name, text]): [string, DeflatedEntry] => [name, deflated(strToU8(text))]);
    const read = unzipSync(zipDeflated(entries));
    expect(Object.keys(read)).toEqual(parts.map(([name]) => name));
    for (const [name, text] of parts) expect(Buffer.from(read[name]!).toString('utf8')).toBe(text);
  });

  it('matches fflate for any names and contents', () => {
    const entry = fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.uint8Array({ maxLength: 2000 }));
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: ([name]) => name, maxLength: 8 }), (drawn) => {
        const entries = drawn.map(([name, data]): [string, DeflatedEntry] => [name, deflated(data)]);
        expect(Buffer.from(zipDeflated(entries)).equals(Buffer.from(fflateZip(entries)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
