/**
 * DotProductAttention in PyTorch: one module-level function the file defines once, called from `forward`.
 * Written out rather than F.scaled_dot_product_attention, which torch 1.x does not have.
 */
import { PyCode } from '../python.ts';
import { call, type TorchLayerContext, type TorchStep } from './step.ts';

export const ATTENTION_FUNCTION = 'dot_product_attention';

const ATTENTION_SOURCE = `def ${ATTENTION_FUNCTION}(query, key, value, heads, causal=False):
    """Scaled dot-product attention without projections; the heads split the features.

    query [N, Tq, D], key [N, Tk, D], value [N, Tk, Dv] -> [N, Tq, Dv].
    """
    def split(x):  # [N, T, F] -> [N, heads, T, F / heads]
        return x.reshape(x.shape[0], x.shape[1], heads, -1).transpose(1, 2)

    q, k, v = split(query), split(key), split(value)
    scores = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5
    if causal:
        later = torch.ones(scores.shape[-2:], dtype=torch.bool, device=scores.device).triu(1)
        scores = scores.masked_fill(later, float("-inf"))
    mixed = torch.softmax(scores, dim=-1) @ v
    return mixed.transpose(1, 2).reshape(query.shape[0], query.shape[1], -1)
`;

export function dotProductAttention(ctx: TorchLayerContext): TorchStep {
  const [query, key = query, value = key] = ctx.inputs.map((name) => new PyCode(name));
  const expr = call(ATTENTION_FUNCTION, [query!, key!, value!], { heads: ctx.params.heads as number, causal: ctx.params.causal ? true : undefined });
  return { modules: [], forward: [`${ctx.out} = ${expr}`], helpers: [ATTENTION_SOURCE] };
}
