/** PyTorch target: an idiomatic `nn.Module` (NCHW) with a runnable `__main__` smoke test. */
export { emitPytorch } from './emit.ts';
