/** Layers Keras does not have, defined by the generated Python file itself: their source, by class name. */

/**
 * Keras has no LRN layer. This one follows Caffe / PyTorch (alpha divided by the window size) and is
 * written with keras.ops so it runs on every Keras backend, unlike a Lambda around a TensorFlow op.
 */
const LOCAL_RESPONSE_NORMALIZATION = `@keras.saving.register_keras_serializable(package="paper2net")
class LocalResponseNormalization(keras.layers.Layer):
    """Local response normalisation across channels (AlexNet, Caffe's LRN layer)."""

    def __init__(self, size=5, alpha=1e-4, beta=0.75, k=1.0, **kwargs):
        super().__init__(**kwargs)
        self.size, self.alpha, self.beta, self.k = size, alpha, beta, k

    def call(self, inputs):
        channels = inputs.shape[-1]
        before = self.size // 2
        squares = keras.ops.pad(keras.ops.square(inputs), [[0, 0], [0, 0], [0, 0], [before, self.size - 1 - before]])
        window = sum(squares[..., i : i + channels] for i in range(self.size))
        return inputs / keras.ops.power(self.k + self.alpha / self.size * window, self.beta)

    def get_config(self):
        return {**super().get_config(), "size": self.size, "alpha": self.alpha, "beta": self.beta, "k": self.k}
`;

/**
 * Keras' own attention layers carry their projections. This is the bare core, written with keras.ops so it
 * runs on every Keras backend; the heads split the features.
 */
const DOT_PRODUCT_ATTENTION = `@keras.saving.register_keras_serializable(package="paper2net")
class DotProductAttention(keras.layers.Layer):
    """Scaled dot-product attention without projections: query, key (= query), value (= key)."""

    def __init__(self, heads=1, causal=False, **kwargs):
        super().__init__(**kwargs)
        self.heads, self.causal = heads, causal

    def _split_heads(self, x):
        # [N, T, F] -> [N, heads, T, F / heads]
        return keras.ops.transpose(keras.ops.reshape(x, (-1, x.shape[1], self.heads, x.shape[2] // self.heads)), (0, 2, 1, 3))

    def call(self, query, key=None, value=None):
        key = query if key is None else key
        value = key if value is None else value
        q, k, v = self._split_heads(query), self._split_heads(key), self._split_heads(value)
        scores = keras.ops.matmul(q, keras.ops.transpose(k, (0, 1, 3, 2))) / q.shape[-1] ** 0.5
        if self.causal:
            later = keras.ops.arange(k.shape[2])[None, :] > keras.ops.arange(q.shape[2])[:, None]
            scores = keras.ops.where(later, float("-inf"), scores)
        mixed = keras.ops.matmul(keras.ops.softmax(scores, axis=-1), v)
        return keras.ops.reshape(keras.ops.transpose(mixed, (0, 2, 1, 3)), (-1, query.shape[1], value.shape[2]))

    def get_config(self):
        return {**super().get_config(), "heads": self.heads, "causal": self.causal}
`;

/**
 * An explicit element-type cast where a layer reads its input as another type: token ids read as reals
 * (a Dense or Conv on ids), or reals truncated to ids below the vocabulary (an Embedding fed reals).
 */
const CAST_ELEMENTS = `@keras.saving.register_keras_serializable(package="paper2net")
class CastElements(keras.layers.Layer):
    """Token ids as real values (to="float32"), or real values as token ids below vocab (to="int32")."""

    def __init__(self, to="float32", vocab=None, **kwargs):
        super().__init__(**kwargs)
        self.to, self.vocab = to, vocab

    def call(self, inputs):
        if self.to == "int32":
            inputs = keras.ops.clip(inputs, 0, self.vocab - 1)
        return keras.ops.cast(inputs, self.to)

    def get_config(self):
        return {**super().get_config(), "to": self.to, "vocab": self.vocab}
`;

export const LOCAL_CLASSES: Readonly<Record<string, string>> = {
  LocalResponseNormalization: LOCAL_RESPONSE_NORMALIZATION,
  CastElements: CAST_ELEMENTS,
  DotProductAttention: DOT_PRODUCT_ATTENTION,
};
