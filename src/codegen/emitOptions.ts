/** Options every emitter takes. */
import type { Analysis } from '../graph/index.ts';

export interface EmitOptions {
  /**
   * analyseGraph of this very graph, unchanged since, when the caller has one: validating and then emitting
   * every target works the graph out once instead of once per target (see bundleFiles).
   */
  analysis?: Analysis;
}
