// Child element order of the WordprocessingML types plandoc writes, from the
// schema of ISO/IEC 29500-1 (wml.xsd; clause numbers are Part 1's). Word
// repairs or drops children out of this order, and Word for the web opens such
// a file read-only; LibreOffice forgives it. The package post-processing sorts
// every part by these tables (src/docx/reorder.ts) and the tests check every
// element of every generated document against them.
//
// A content model is a list of slots in schema order; names in one slot share
// its rank (an xsd:choice, or an element that repeats). ANY stands for the
// element's open content (block or run content), which has no order of its own.
// A model marked `unordered` is an xsd:choice repeated without bound: any order
// is valid, only the names are checked.

export const ANY = '*';

export interface ContentModel {
  slots: string[][];
  unordered?: boolean;
}

const seq = (...slots: Array<string | string[]>): ContentModel => ({ slots: slots.map((s) => (Array.isArray(s) ? s : [s])) });
const choice = (...names: string[]): ContentModel => ({ slots: [names], unordered: true });

/** EG_RPrBase (17.3.2), in the sequence Part 1 declares. */
const RPR_BASE = [
  'w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike', 'w:dstrike',
  'w:outline', 'w:shadow', 'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid', 'w:vanish', 'w:webHidden',
  'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz', 'w:szCs', 'w:highlight', 'w:u', 'w:effect',
  'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout',
  'w:specVanish', 'w:oMath',
];

/** CT_PPrBase (17.3.1.26). */
const PPR_BASE = [
  'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr',
  'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap',
  'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd',
  'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc',
  'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle',
];

/** CT_TblPrBase (17.4.60). */
const TBLPR_BASE = [
  'w:tblStyle', 'w:tblpPr', 'w:tblOverlap', 'w:bidiVisual', 'w:tblStyleRowBandSize', 'w:tblStyleColBandSize',
  'w:tblW', 'w:jc', 'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd', 'w:tblLayout', 'w:tblCellMar',
  'w:tblLook', 'w:tblCaption', 'w:tblDescription',
];

/** CT_TcPrBase (17.4.70). */
const TCPR_BASE = [
  'w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:tcBorders', 'w:shd', 'w:noWrap', 'w:tcMar',
  'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark', 'w:headers',
];

/** CT_TrPrBase (17.4.82) is a repeated choice. */
const TRPR_BASE = [
  'w:cnfStyle', 'w:divId', 'w:gridBefore', 'w:gridAfter', 'w:wBefore', 'w:wAfter', 'w:cantSplit', 'w:trHeight',
  'w:tblHeader', 'w:tblCellSpacing', 'w:jc', 'w:hidden',
];

/** CT_Settings (17.15.1.78). */
const SETTINGS = [
  'w:writeProtection', 'w:view', 'w:zoom', 'w:removePersonalInformation', 'w:removeDateAndTime',
  'w:doNotDisplayPageBoundaries', 'w:displayBackgroundShape', 'w:printPostScriptOverText',
  'w:printFractionalCharacterWidth', 'w:printFormsData', 'w:embedTrueTypeFonts', 'w:embedSystemFonts',
  'w:saveSubsetFonts', 'w:saveFormsData', 'w:mirrorMargins', 'w:alignBordersAndEdges',
  'w:bordersDoNotSurroundHeader', 'w:bordersDoNotSurroundFooter', 'w:gutterAtTop', 'w:hideSpellingErrors',
  'w:hideGrammaticalErrors', 'w:activeWritingStyle', 'w:proofState', 'w:formsDesign', 'w:attachedTemplate',
  'w:linkStyles', 'w:stylePaneFormatFilter', 'w:stylePaneSortMethod', 'w:documentType', 'w:mailMerge',
  'w:revisionView', 'w:trackRevisions', 'w:doNotTrackMoves', 'w:doNotTrackFormatting', 'w:documentProtection',
  'w:autoFormatOverride', 'w:styleLockTheme', 'w:styleLockQFSet', 'w:defaultTabStop', 'w:autoHyphenation',
  'w:consecutiveHyphenLimit', 'w:hyphenationZone', 'w:doNotHyphenateCaps', 'w:showEnvelope', 'w:summaryLength',
  'w:clickAndTypeStyle', 'w:defaultTableStyle', 'w:evenAndOddHeaders', 'w:bookFoldRevPrinting',
  'w:bookFoldPrinting', 'w:bookFoldPrintingSheets', 'w:drawingGridHorizontalSpacing',
  'w:drawingGridVerticalSpacing', 'w:displayHorizontalDrawingGridEvery', 'w:displayVerticalDrawingGridEvery',
  'w:doNotUseMarginsForDrawingGridOrigin', 'w:drawingGridHorizontalOrigin', 'w:drawingGridVerticalOrigin',
  'w:doNotShadeFormData', 'w:noPunctuationKerning', 'w:characterSpacingControl', 'w:printTwoOnOne',
  'w:strictFirstAndLastChars', 'w:noLineBreaksAfter', 'w:noLineBreaksBefore', 'w:savePreviewPicture',
  'w:doNotValidateAgainstSchema', 'w:saveInvalidXml', 'w:ignoreMixedContent', 'w:alwaysShowPlaceholderText',
  'w:doNotDemarcateInvalidXml', 'w:saveXmlDataOnly', 'w:useXSLTWhenSaving', 'w:saveThroughXslt', 'w:showXMLTags',
  'w:alwaysMergeEmptyNamespace', 'w:updateFields', 'w:hdrShapeDefaults', 'w:footnotePr', 'w:endnotePr',
  'w:compat', 'w:docVars', 'w:rsids', 'm:mathPr', 'w:attachedSchema', 'w:themeFontLang', 'w:clrSchemeMapping',
  'w:doNotIncludeSubdocsInStats', 'w:doNotAutoCompressPictures', 'w:forceUpgrade', 'w:captions',
  'w:readModeInkLockDown', 'w:smartTagType', 'sl:schemaLibrary', 'w:shapeDefaults', 'w:doNotEmbedSmartTags',
  'w:decimalSymbol', 'w:listSeparator',
];

/** CT_Compat (17.15.3): the legacy flags, then compatSetting. */
const COMPAT_FLAGS = [
  'w:useSingleBorderforContiguousCells', 'w:wpJustification', 'w:noTabHangInd', 'w:noLeading', 'w:spaceForUL',
  'w:noColumnBalance', 'w:balanceSingleByteDoubleByteWidth', 'w:noExtraLineSpacing',
  'w:doNotLeaveBackslashAlone', 'w:ulTrailSpace', 'w:doNotExpandShiftReturn', 'w:spacingInWholePoints',
  'w:lineWrapLikeWord6', 'w:printBodyTextBeforeHeader', 'w:printColBlack', 'w:wpSpaceWidth',
  'w:showBreaksInFrames', 'w:subFontBySize', 'w:suppressBottomSpacing', 'w:suppressTopSpacing',
  'w:suppressSpacingAtTopOfPage', 'w:suppressTopSpacingWP', 'w:suppressSpBfAfterPgBrk',
  'w:swapBordersFacingPages', 'w:convMailMergeEsc', 'w:truncateFontHeightsLikeWP6', 'w:mwSmallCaps',
  'w:usePrinterMetrics', 'w:doNotSuppressParagraphBorders', 'w:wrapTrailSpaces', 'w:footnoteLayoutLikeWW8',
  'w:shapeLayoutLikeWW8', 'w:alignTablesRowByRow', 'w:forgetLastTabAlignment', 'w:adjustLineHeightInTable',
  'w:autoSpaceLikeWord95', 'w:noSpaceRaiseLower', 'w:doNotUseHTMLParagraphAutoSpacing', 'w:layoutRawTableWidth',
  'w:layoutTableRowsApart', 'w:useWord97LineBreakRules', 'w:doNotBreakWrappedTables',
  'w:doNotSnapToGridInCell', 'w:selectFldWithFirstOrLastChar', 'w:applyBreakingRules', 'w:doNotWrapTextWithPunct',
  'w:doNotUseEastAsianBreakRules', 'w:useWord2002TableStyleRules', 'w:growAutofit', 'w:useFELayout',
  'w:useNormalStyleForList', 'w:doNotUseIndentAsNumberingTabStop', 'w:useAltKinsokuLineBreakRules',
  'w:allowSpaceOfSameStyleInTable', 'w:doNotSuppressIndentation', 'w:doNotAutofitConstrainedTables',
  'w:autofitToFirstFixedWidthCell', 'w:underlineTabInNumList', 'w:displayHangulFixedWidth',
  'w:splitPgBreakAndParaMark', 'w:doNotVertAlignCellWithSp', 'w:doNotBreakConstrainedForcedTable',
  'w:doNotVertAlignInTxbx', 'w:useAnsiKerningPairs', 'w:cachedColBandSize', 'w:compatSetting',
];

/** Border sides: the transitional names (left/right) share a rank with start/end. */
const SIDES = [['w:top'], ['w:left', 'w:start'], ['w:bottom'], ['w:right', 'w:end']];

/** Block-level content (EG_BlockLevelElts) has no order of its own. */
const BLOCKS = [ANY];

export const CONTENT_MODELS: Record<string, ContentModel> = {
  // document.xml, headers, footers, notes, comments (17.2, 17.10, 17.11, 17.13.4)
  'w:document': seq('w:background', 'w:body'),
  'w:body': seq(BLOCKS, 'w:sectPr'),
  'w:hdr': seq(BLOCKS),
  'w:ftr': seq(BLOCKS),
  'w:footnote': seq(BLOCKS),
  'w:endnote': seq(BLOCKS),
  'w:comment': seq(BLOCKS),
  'w:footnotes': seq('w:footnote'),
  'w:endnotes': seq('w:endnote'),
  'w:comments': seq('w:comment'),
  // paragraphs and runs (17.3)
  'w:p': seq('w:pPr', ANY),
  'w:pPr': seq(...PPR_BASE, 'w:rPr', 'w:sectPr', 'w:pPrChange'),
  'w:r': seq('w:rPr', ANY),
  // CT_ParaRPr (17.3.1.29) and CT_RPr (17.3.2.28) in one table: the former adds the leading change marks
  'w:rPr': seq('w:ins', 'w:del', 'w:moveFrom', 'w:moveTo', ...RPR_BASE, 'w:rPrChange'),
  'w:pBdr': seq('w:top', 'w:left', 'w:bottom', 'w:right', 'w:between', 'w:bar'),
  'w:tabs': seq('w:tab'),
  'w:fldChar': seq('w:fldData', 'w:ffData', 'w:numberingChange'),
  // sections (17.6.17)
  'w:sectPr': seq(
    ['w:headerReference', 'w:footerReference'],
    'w:footnotePr', 'w:endnotePr', 'w:type', 'w:pgSz', 'w:pgMar', 'w:paperSrc', 'w:pgBorders', 'w:lnNumType',
    'w:pgNumType', 'w:cols', 'w:formProt', 'w:vAlign', 'w:noEndnote', 'w:titlePg', 'w:textDirection', 'w:bidi',
    'w:rtlGutter', 'w:docGrid', 'w:printerSettings', 'w:sectPrChange',
  ),
  'w:cols': seq('w:col'),
  'w:pgBorders': seq('w:top', 'w:left', 'w:bottom', 'w:right'),
  'w:footnotePr': seq('w:pos', 'w:numFmt', 'w:numStart', 'w:numRestart', 'w:footnote'),
  'w:endnotePr': seq('w:pos', 'w:numFmt', 'w:numStart', 'w:numRestart', 'w:endnote'),
  // tables (17.4)
  'w:tbl': seq('w:tblPr', 'w:tblGrid', ANY),
  'w:tblPr': seq(...TBLPR_BASE, 'w:tblPrChange'),
  'w:tblGrid': seq('w:gridCol', 'w:tblGridChange'),
  'w:tblBorders': seq(...SIDES, 'w:insideH', 'w:insideV'),
  'w:tblCellMar': seq(...SIDES),
  'w:tr': seq('w:tblPrEx', 'w:trPr', ANY),
  'w:trPr': choice(...TRPR_BASE, 'w:ins', 'w:del', 'w:trPrChange'),
  'w:tc': seq('w:tcPr', ANY),
  'w:tcPr': seq(...TCPR_BASE, ['w:cellIns', 'w:cellDel', 'w:cellMerge'], 'w:tcPrChange'),
  'w:tcBorders': seq(...SIDES, 'w:insideH', 'w:insideV', 'w:tl2br', 'w:tr2bl'),
  'w:tcMar': seq(...SIDES),
  // styles (17.7)
  'w:styles': seq('w:docDefaults', 'w:latentStyles', 'w:style'),
  'w:docDefaults': seq('w:rPrDefault', 'w:pPrDefault'),
  'w:rPrDefault': seq('w:rPr'),
  'w:pPrDefault': seq('w:pPr'),
  'w:latentStyles': seq('w:lsdException'),
  'w:style': seq(
    'w:name', 'w:aliases', 'w:basedOn', 'w:next', 'w:link', 'w:autoRedefine', 'w:hidden', 'w:uiPriority',
    'w:semiHidden', 'w:unhideWhenUsed', 'w:qFormat', 'w:locked', 'w:personal', 'w:personalCompose',
    'w:personalReply', 'w:rsid', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:tblStylePr',
  ),
  'w:tblStylePr': seq('w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr'),
  // numbering (17.9)
  'w:numbering': seq('w:numPicBullet', 'w:abstractNum', 'w:num', 'w:numIdMacAtCleanup'),
  'w:abstractNum': seq('w:nsid', 'w:multiLevelType', 'w:tmpl', 'w:name', 'w:styleLink', 'w:numStyleLink', 'w:lvl'),
  'w:lvl': seq(
    'w:start', 'w:numFmt', 'w:lvlRestart', 'w:pStyle', 'w:isLgl', 'w:suff', 'w:lvlText', 'w:lvlPicBulletId',
    'w:legacy', 'w:lvlJc', 'w:pPr', 'w:rPr',
  ),
  'w:num': seq('w:abstractNumId', 'w:lvlOverride'),
  'w:lvlOverride': seq('w:startOverride', 'w:lvl'),
  // fonts (17.8.3)
  'w:fonts': seq('w:font'),
  'w:font': seq(
    'w:altName', 'w:panose1', 'w:charset', 'w:family', 'w:notTrueType', 'w:pitch', 'w:sig', 'w:embedRegular',
    'w:embedBold', 'w:embedItalic', 'w:embedBoldItalic',
  ),
  // settings (17.15)
  'w:settings': seq(...SETTINGS),
  'w:compat': seq(...COMPAT_FLAGS),
};

export interface OrderIssue {
  parent: string;
  child: string;
  problem: 'order' | 'unknown';
  /** the children as written */
  sequence: string[];
}

/** Each parent's child name → slot index (ANY included). */
export const RANKS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map(
  Object.entries(CONTENT_MODELS).map(([parent, model]) => [parent, new Map(model.slots.flatMap((slot, rank) => slot.map((name) => [name, rank] as const)))]),
);

/** Rank of a child in its parent's model; -1 when the model does not name it. */
export function childRank(parent: string, child: string): number {
  const ranks = RANKS.get(parent);
  return ranks?.get(child) ?? ranks?.get(ANY) ?? -1;
}

/** Problems of one element's child sequence against its content model (none when it has no model). */
export function checkChildren(parent: string, children: string[]): OrderIssue[] {
  const model = CONTENT_MODELS[parent];
  if (!model) return [];
  const issues: OrderIssue[] = [];
  let highest = -1;
  children.forEach((child) => {
    const rank = childRank(parent, child);
    if (rank < 0) issues.push({ parent, child, problem: 'unknown', sequence: children });
    else if (!model.unordered && rank < highest) issues.push({ parent, child, problem: 'order', sequence: children });
    highest = Math.max(highest, rank);
  });
  return issues;
}
