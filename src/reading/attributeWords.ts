/**
 * The words that name what a layer's numbers are, as table headers and prose legends write them ("Kernel", "# filters",
 * "Stride", "Output size", "(kernel, maps, stride)"): one vocabulary for both readers.
 */
import { normaliseLayerText } from './text.ts';

export type Attribute =
  | 'type'
  | 'filters'
  | 'kernel'
  | 'stride'
  | 'poolSize'
  | 'poolStride'
  | 'padding'
  | 'inputSize'
  | 'outputSize'
  | 'repeat'
  | 'name'
  | 'activation'
  | 'dropout'
  | 'spec';

/** Words of a header that counts a layer's width ("Filters", "# units", "Filters / Units"). */
const WIDTH_WORD = String.raw`(?:#\s*)?(?:channels|filters?|units|neurons|maps|feature maps|output channels|dim\w*)`;
const WIDTH_HEADER = new RegExp(String.raw`^${WIDTH_WORD}(?:\s*(?:\/|,|or)\s*${WIDTH_WORD})*$`);
/** "Number of filters", "No. of kernels", "Kernel number", "Filter count": a width stated as how many there are. */
const COUNTED_WIDTH =
  /^(?:(?:number|no\.?|num\.?)\s*(?:of\s*)?(?:filters|kernels|channels|units|neurons|feature maps)|(?:filter|kernel|channel|unit|neuron)s?\s*(?:number|count|num\.?))$/;
/** Headers of a column whose cells state several things of a layer ("5×5, 32", "128 filters, kernel 5"). */
const SPEC_HEADER = /^(?:configuration|config|parameters|params|details|settings?|hyper-?parameters|description|specification|spec)s?$/;
const KERNEL_WORD = /\b(?:kernel|filter size|window|receptive field|size)\b/;

/** What an attribute header names, or undefined for anything else. */
export function attributeOf(text: string): Attribute | undefined {
  const t = normaliseLayerText(text).toLowerCase();
  if (!t || t.length > 40) return undefined;
  if (SPEC_HEADER.test(t)) return 'spec';
  // "Kernel / Filters", "Filters × size": a kernel and a width in one column.
  if (KERNEL_WORD.test(t) && /\b(?:filters|channels|units|maps)\b/.test(t) && /[/,x&]|\band\b/.test(t)) return 'spec';
  // "Kernel / pool size": one window column for the convolutions and the pools alike.
  if (/\b(?:kernel|filter|window)\b/.test(t) && /\bpool/.test(t) && !/stride/.test(t)) return 'kernel';
  if (/pool\w*\s*(size|window|kernel)|^(?:max|avg|average|mean)?\s*-?\s*pool(?:ing)?$/.test(t)) return 'poolSize';
  if (/pool\w*\s*stride/.test(t)) return 'poolStride';
  if (/pad/.test(t)) return 'padding';
  // "Layer (type)": a Keras summary's first column.
  if (/^(type|operat\w*|stage|kind|layer type|op)\b|^layer\s*\(\s*type\s*\)$/.test(t)) return 'type';
  if (/(filter|kernel|receptive field|conv\.?|window|patch)\s*(size|shape|dim)|^kernels?$|^k$|^size$|^(?:kernel|window)\s*\(\s*stride\s*\)$/.test(t))
    return 'kernel';
  // "Size / stride": a window with its stride ("3×3 / 2").
  if (/^(?:size|window)\s*\/\s*stride$/.test(t)) return 'kernel';
  if (/stride|^s$/.test(t)) return 'stride';
  if (/activation|non-?linearity/.test(t)) return 'activation';
  if (/^drop-?out(?:\s*(?:rate|ratio|prob\w*|p))?$/.test(t)) return 'dropout';
  if (WIDTH_HEADER.test(t) || /#\s*(channels|filters|kernels|units|maps)|^(#\s*out\w*|width)$/.test(t) || COUNTED_WIDTH.test(t)) return 'filters';
  if (/output/.test(t)) return 'outputSize';
  if (/input/.test(t)) return 'inputSize';
  if (/^(n|repeat\w*|#\s*times|times|#\s*layers)$/.test(t)) return 'repeat';
  if (/^(layer( name)?|name|block|module)$/.test(t)) return 'name';
  return undefined;
}
