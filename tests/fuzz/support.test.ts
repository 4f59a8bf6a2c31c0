// The checker itself must catch what it is meant to catch.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { assertWellFormedDocx, assertWellFormedXml, hasStackTrace } from './support.js';

const docx = (document: string) =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8('<Relationships/>'), 'word/document.xml': strToU8(document) });

describe('the well-formedness check', () => {
  it('accepts a well-formed package', () => {
    expect(assertWellFormedDocx(docx('<w:document xmlns:w="urn:x"><w:body/></w:document>'))).toContain('word/document.xml');
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['an unescaped ampersand', '<a>x & y</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['a lone surrogate', '<a>\uD800</a>'],
  ])('rejects %s', (_, xml) => {
    expect(() => assertWellFormedXml(xml, 'part.xml')).toThrow(/part\.xml/);
  });

  it('finds a bad part inside the zip', () => {
    expect(() => assertWellFormedDocx(docx('<a>x & y</a>'))).toThrow(/document\.xml/);
  });

  it('rejects bytes that are not a zip', () => {
    expect(() => assertWellFormedDocx(strToU8('<a/>'))).toThrow(/zip/);
  });

  it('recognises a stack trace', () => {
    expect(hasStackTrace('TypeError: x\n    at foo (/a/b.js:1:2)')).toBe(true);
    expect(hasStackTrace('plans/a.yaml:3:1: 错误 [yaml-syntax] 这里的 YAML 写法不对')).toBe(false);
  });
});
