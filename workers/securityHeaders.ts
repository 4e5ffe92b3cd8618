/**
 * Response headers that make the app cross-origin isolated (so onnxruntime-web can use threads via
 * SharedArrayBuffer) and lock it down. Used by the dev/preview server and by the service worker,
 * which adds them to every response of the deployed app.
 */
export const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Nothing leaves the machine and nothing is loaded from elsewhere. 'wasm-unsafe-eval' lets wasm
 * compile (onnxruntime, OpenCV, tesseract) without allowing JS eval; inline styles are needed by
 * the node editor's positioning.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy of the Web Workers. protobufjs (ONNX and Caffe model files) compiles its encoders with
 * `new Function`, so workers may evaluate code; they have no DOM, so text from a PDF still cannot become
 * markup, and they may load nothing from elsewhere.
 */
export const WORKER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "img-src 'self' data: blob:",
].join('; ');

/** The CSP for a response, from what the browser will use it for (`Sec-Fetch-Dest` or `Request.destination`). */
export function policyFor(destination: string | undefined): string | undefined {
  if (destination === 'document' || destination === 'iframe') return CONTENT_SECURITY_POLICY;
  if (destination === 'worker' || destination === 'sharedworker' || destination === 'serviceworker') return WORKER_CONTENT_SECURITY_POLICY;
  return undefined;
}
