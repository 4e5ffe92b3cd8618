// The whole-process pdf.js floor for one PDF: load pdf.js (legacy build, as the extractor does in Node), open the
// file with the extractor's getDocument parameters and read the text content and the operator list of every page.
// `node bench/lib/pdfjsFloor.mjs paper.pdf` prints the page count; bench/extractRatio.ts times it as a process.
import { readFileSync } from 'node:fs';

const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({
  data,
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  stopAtErrors: false,
  verbosity: VerbosityLevel.ERRORS,
}).promise;
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  await page.getTextContent();
  await page.getOperatorList();
  page.cleanup();
}
console.log(pdf.numPages);
await pdf.destroy();
