/**
 * A watermark as Word writes one (Design › Watermark): a VML WordArt shape, rotated and
 * semi-transparent, in a header paragraph, inside a content control of the Watermarks gallery.
 * Word's own "Remove Watermark" finds it by the PowerPlusWaterMarkObject name.
 */
import { escapeAttribute } from './xml.ts';

/** The paragraph (block-level XML) for a header; empty text gives nothing. */
export function watermarkXml(text: string, textWidthTwips = 9026): string {
  if (text.trim() === '') return '';
  const width = Math.round(textWidthTwips / 20);
  const height = Math.min(Math.round(width / 2), Math.round((width * 3) / Math.max(text.length, 1)));
  const formulas = [
    'sum #0 0 10800',
    'prod #0 2 1',
    'sum 21600 0 @1',
    'sum 0 0 @2',
    'sum 21600 0 @3',
    'if @0 @3 0',
    'if @0 21600 @1',
    'if @0 0 @2',
    'if @0 @4 21600',
    'mid @5 @6',
    'mid @8 @5',
    'mid @7 @8',
    'mid @6 @7',
    'sum @6 0 @5',
  ]
    .map((eqn) => `<v:f eqn="${eqn}"/>`)
    .join('');
  const shapeType =
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    `<v:formulas>${formulas}</v:formulas>` +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
    '<v:textpath on="t" fitshape="t"/>' +
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>' +
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>';
  const style = [
    'position:absolute',
    'margin-left:0',
    'margin-top:0',
    `width:${width}pt`,
    `height:${height}pt`,
    'rotation:315',
    'z-index:-251657216',
    'mso-position-horizontal:center',
    'mso-position-horizontal-relative:margin',
    'mso-position-vertical:center',
    'mso-position-vertical-relative:margin',
  ].join(';');
  const shape =
    `<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" style="${style}" o:allowincell="f" fillcolor="silver" stroked="f">` +
    '<v:fill opacity=".5"/>' +
    `<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="${escapeAttribute(text)}"/>` +
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape>';
  return (
    '<w:sdt><w:sdtPr><w:id w:val="1900000001"/><w:docPartObj><w:docPartGallery w:val="Watermarks"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>${shapeType}${shape}</w:pict></w:r></w:p></w:sdtContent></w:sdt>`
  );
}
