/**
 * The most frequent English words, plus the commonest words of machine-learning papers: on a page of real
 * text a fair share of the words is among them; in text read through a wrong encoding almost none is.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above after again all also although among an and another any are as at be because been before
  being below between both but by can could did do does done down during each either else even every few
  first for from further given had has have having he her here high his how however if in into is it its
  just large last less low made make many may more most much must new no non nor not now of off often on
  once one only or other our out over own per same second several she should show shown since so some such
  than that the their them then there these they this those three through thus to too two under until up
  upon us use used using very was we well were what when where whether which while who whose why will
  with within without would yet you your
  accuracy algorithm approach architecture average based batch better block channel channels classification
  compared convolution convolutional data dataset deep different each error example experiments feature
  features figure fully function image images input large layer layers learning loss method methods model
  models network networks neural number output parameters performance pooling results sample section set
  size small table test time training trained units value values weights work`
    .split(/\s+/)
    .filter(Boolean),
);
