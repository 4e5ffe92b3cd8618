/**
 * Architecture descriptions written the ways papers write them (counted groups with width lists, "each
 * followed by" lists, named layers, arrow and dash chains, repeated blocks, layer-size phrases, outputs sized by
 * the task), read through the whole prose front end. The sentences are written here, in no paper's words; each
 * gives the layer tokens a reader of the text would write down (C conv, U transposed conv, P max pool, A global
 * average pool, F fully connected, E embedding, L LSTM; other layers are not counted).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/paper/index.ts';
import { proseToGraphs } from '../../src/prose/index.ts';

/** A page holding the text as lines of about 90 characters, as a column of a paper would. */
function pageOf(text: string): Page {
  const lines = text.match(/.{1,90}(\s|$)/g)!.map((s) => s.trim());
  return {
    number: 1,
    width: 612,
    height: 792,
    texts: lines.map((str, i) => ({ str, box: [72, 72 + i * 12, 540, 82 + i * 12], size: 10, font: 'F', rotated: false })),
    paths: [],
    images: [],
  };
}

const TOKEN: Record<string, string> = {
  Conv2D: 'C',
  Conv1D: 'C',
  MaxPool1D: 'P',
  GlobalMaxPool1D: 'P',
  GlobalAvgPool1D: 'A',
  Conv2DTranspose: 'U',
  MaxPool2D: 'P',
  GlobalAvgPool2D: 'A',
  Dense: 'F',
  Embedding: 'E',
  LSTM: 'L',
  GRU: 'G',
  AvgPool2D: 'P',
  AvgPool1D: 'A',
};

function tokensOf(text: string): string[] {
  return proseToGraphs([pageOf(text)]).map((d) =>
    d.graph.layers
      .filter((l) => TOKEN[l.type])
      .map((l) => {
        const width = l.params?.filters ?? l.params?.units ?? l.params?.dim;
        return `${TOKEN[l.type]}${TOKEN[l.type] === 'P' || TOKEN[l.type] === 'A' ? '' : (width ?? '')}`;
      })
      .join(' '),
  );
}

const FORMS: Array<[string, string]> = [
  [
    'Our network takes a 32 × 32 RGB image as input. It consists of four convolutional layers with 32, 64, 128 and 256 filters respectively, each followed by batch normalization, ReLU and 2 × 2 max pooling. The convolutional layers are followed by two fully connected layers with 512 and 10 units.',
    'C32 P C64 P C128 P C256 P F512 F10',
  ],
  [
    'We use a CNN with two convolutional layers of 20 and 50 filters of size 5 × 5, each followed by 2 × 2 max-pooling, and a fully connected layer of 500 hidden units, followed by a softmax output layer with 10 units. The input images are 28 × 28.',
    'C20 P C50 P F500 F10',
  ],
  [
    'The input to the network is an 84 × 84 × 4 image. The first hidden layer has 32 filters of 8 × 8 with stride 4 and applies a rectifier nonlinearity. The second hidden layer has 64 filters of 4 × 4 with stride 2, again followed by a rectifier. This is followed by a third convolutional layer with 64 filters of 3 × 3 with stride 1. The final hidden layer is fully connected with 512 rectifier units. The output layer is a fully connected linear layer with a single output for each of the 18 valid actions.',
    'C32 C64 C64 F512 F18',
  ],
  [
    'The classifier is a multilayer perceptron with three hidden layers of 1000 units each and ReLU activations, and a softmax output over 10 classes. Inputs are 784-dimensional.',
    'F1000 F1000 F1000 F10',
  ],
  [
    'The discriminator takes 64 × 64 × 3 images and consists of four convolutional layers with kernel size 4 × 4 and stride 2, with 64, 128, 256 and 512 channels, each followed by batch normalization and leaky ReLU, and a final fully connected layer with one output.',
    'C64 C128 C256 C512 F1',
  ],
  ['The network for MNIST is 784-500-500-10 with rectified linear units.', 'F500 F500 F10'],
  [
    'Our encoder is a 2-layer LSTM with 512 hidden units per layer, on top of a 300-dimensional word embedding with a vocabulary of 20,000 words. A softmax layer over 5 classes follows.',
    'E300 L512 L512 F5',
  ],
  [
    'The model consists of three convolutional blocks. Each block contains two 3 × 3 convolutional layers followed by a 2 × 2 max pooling layer. The blocks have 64, 128 and 256 filters. After the last block, a global average pooling layer and a fully connected layer with 10 outputs produce the prediction. The input is 32 × 32 × 3.',
    'C64 C64 P C128 C128 P C256 C256 P A F10',
  ],
  [
    'The network input is 224 × 224 × 3. conv1 has 96 filters of size 11 × 11 with stride 4, followed by max pooling. conv2 has 256 filters of size 5 × 5, followed by max pooling. conv3, conv4 and conv5 have 384, 384 and 256 filters of size 3 × 3. fc6 and fc7 have 4096 units each and fc8 has 1000 units.',
    'C96 P C256 P C384 C384 C256 F4096 F4096 F1000',
  ],
  [
    'The architecture is as follows: conv(5×5, 32) → max-pool(2×2) → conv(5×5, 64) → max-pool(2×2) → fc(1024) → fc(10). Input images are 28 × 28 grayscale.',
    'C32 P C64 P F1024 F10',
  ],
  [
    'We use 1D convolutions on the raw waveform: three convolutional layers with 128 filters of width 3, each followed by max pooling of size 3, then a dense layer with 256 units and a softmax layer for the 50 tags. The input has 59049 samples.',
    'C128 P C128 P C128 P F256 F50',
  ],
  [
    'Each image (28 × 28) is fed to a convolutional layer with 32 feature maps and 3 × 3 kernels, a second convolutional layer with 64 feature maps, a 2 × 2 max-pooling layer, dropout with rate 0.25, a dense layer of 128 neurons, dropout with rate 0.5 and a softmax layer with 10 neurons.',
    'C32 C64 P F128 F10',
  ],
  [
    'The generator takes a 100-dimensional noise vector and consists of four transposed convolutional layers with 512, 256, 128 and 3 filters of size 4 × 4 and stride 2.',
    'U512 U256 U128 U3',
  ],
  [
    'The network has 5 layers: 3 convolutional layers and 2 fully connected layers. The convolutional layers have 64, 128 and 256 filters of size 3 × 3, and the fully connected layers have 1024 and 10 units. The input is a 32 × 32 × 3 image.',
    'C64 C128 C256 F1024 F10',
  ],
  [
    'Layers: Conv2D(32, 3 × 3) – ReLU – MaxPool(2 × 2) – Conv2D(64, 3 × 3) – ReLU – MaxPool(2 × 2) – Dense(128) – Dense(10). The input is 28 × 28 × 1.',
    'C32 P C64 P F128 F10',
  ],
  [
    'The architecture of our CNN is as follows: two convolutional layers (32 and 64 filters, 3 × 3 kernels), a max-pooling layer (2 × 2), a dropout layer (0.25), a fully connected layer (128 units) and a softmax layer (10 units). Inputs are 28 × 28 grayscale images.',
    'C32 C64 P F128 F10',
  ],
  [
    'The first layer is a convolutional layer with 64 filters of size 7 × 7 and stride 2, followed by a 3 × 3 max pooling with stride 2. The second layer is a convolutional layer with 128 filters of size 3 × 3. The last layer is a fully connected layer with 1000 units. The input is a 224 × 224 RGB image.',
    'C64 P C128 F1000',
  ],
  [
    'All convolutional layers use 3 × 3 kernels. The network has 8 convolutional layers with 64, 64, 128, 128, 256, 256, 512 and 512 filters, and max pooling after every two convolutional layers, followed by two fully connected layers with 1024 units and a softmax over 100 classes. Images are 32 × 32.',
    'C64 C64 P C128 C128 P C256 C256 P C512 C512 P F1024 F1024 F100',
  ],
  ['We use a four-layer MLP with 256, 128, 64 and 10 units.', 'F256 F128 F64 F10'],
  [
    'The CNN has three convolutional layers with 16, 32 and 64 kernels of size 5 × 5, each followed by a 2 × 2 max pooling layer, and two fully connected layers of 500 and 2 neurons. The input patches are 64 × 64 pixels.',
    'C16 P C32 P C64 P F500 F2',
  ],
  ['The model is composed of an embedding layer of size 128, a bidirectional LSTM layer with 64 units, and a dense layer with 1 sigmoid unit.', 'E128 L64 F1'],
  [
    'Our model is a convolutional neural network with three convolution layers of 32, 32 and 64 channels, all with 5 × 5 kernels and each followed by 3 × 3 max-pooling with stride 2. A fully connected layer with 10 outputs is used for classification on CIFAR-10.',
    'C32 P C32 P C64 P F10',
  ],
  [
    'The baseline CNN consists of two convolutional layers (with 6 and 16 filters of size 5 × 5) and three fully-connected layers with 120, 84 and 10 units.',
    'C6 C16 F120 F84 F10',
  ],
  [
    'For text classification we use a GRU with 128 hidden units, preceded by an embedding layer of dimension 100, and followed by a fully connected output layer for the 4 classes.',
    'E100 G128 F4',
  ],
  ['The actor network has two hidden layers with 400 and 300 units respectively, and an output layer of 4 units with tanh activation.', 'F400 F300 F4'],
  [
    'Our encoder has four stages; each stage consists of two 3 × 3 convolutions followed by a 2 × 2 max pooling. The stages have 32, 64, 128 and 256 channels. Input images are 128 × 128.',
    'C32 C32 P C64 C64 P C128 C128 P C256 C256 P',
  ],
  [
    'Specifically, the network has the following layers: Conv(3x3, 16), Conv(3x3, 16), MaxPool(2x2), Conv(3x3, 32), Conv(3x3, 32), MaxPool(2x2), FC(256), FC(10). The inputs are 32 × 32 RGB images.',
    'C16 C16 P C32 C32 P F256 F10',
  ],
  ['We train a network consisting of an input layer of 784 units, two hidden layers of 800 units each, and an output layer of 10 units.', 'F800 F800 F10'],
  [
    'The first convolutional layer applies 64 filters of size 3 × 3, followed by a second convolutional layer with 128 filters of size 3 × 3 and a max pooling layer of size 2 × 2. Then two fully connected layers of size 512 and 43 produce the traffic sign class scores. The input images are 48 × 48.',
    'C64 C128 P F512 F43',
  ],
  [
    'The critic takes 64 × 64 images and applies four 4 × 4 convolutions with stride 2 and 64, 128, 256 and 512 filters, then a linear layer that outputs a single scalar.',
    'C64 C128 C256 C512 F1',
  ],
  [
    'We adopt a simple architecture: the input 28 × 28 image passes through a convolutional layer with 10 kernels of size 5 × 5, a 2 × 2 max-pooling, a convolutional layer with 20 kernels of size 5 × 5, another 2 × 2 max-pooling, a fully-connected layer with 50 units and a final 10-way softmax.',
    'C10 P C20 P F50 F10',
  ],
  [
    'The Q-network is a multilayer perceptron with two hidden layers of 64 units and ReLU activations; its output layer has one unit per action, and the environment has 4 actions.',
    'F64 F64 F4',
  ],
  [
    'Our 1D CNN for ECG classification has four convolutional layers with 32, 64, 128 and 128 filters of width 7, each followed by batch normalization, ReLU and max-pooling of size 2, then a global average pooling layer and a dense softmax layer over the 5 rhythm classes.',
    'C32 P C64 P C128 P C128 P A F5',
  ],
  [
    'The network consists of 3 residual blocks with 16, 32 and 64 filters respectively. Each residual block contains two 3 × 3 convolutional layers. The network ends with global average pooling and a 10-way fully connected layer.',
    'C16 C16 C32 C32 C64 C64 A F10',
  ],
  [
    'The segmentation network is a fully convolutional network with five convolutional layers having 16, 32, 64, 32 and 2 filters; the kernel size is 3 × 3 for all layers.',
    'C16 C32 C64 C32 C2',
  ],
  [
    'For the policy we use a network with three convolutional layers (32 filters of 8×8 with stride 4, 64 filters of 4×4 with stride 2, and 64 filters of 3×3 with stride 1), followed by a fully connected layer of 512 units and a softmax over the 6 actions.',
    'C32 C64 C64 F512 F6',
  ],
  ['The model uses two stacked bidirectional LSTM layers with 128 units each, followed by a dropout layer and a dense layer with 3 outputs.', 'L128 L128 F3'],
  ['The discriminator is a 4-layer CNN whose layers have 64, 128, 256 and 1 output channels, with 4 × 4 kernels and stride 2.', 'C64 C128 C256 C1'],
  [
    'Each input patch of 32 × 32 pixels is processed by conv1 (5 × 5, 32 maps), pool1 (2 × 2), conv2 (5 × 5, 64 maps), pool2 (2 × 2), fc1 (1024 units) and fc2 (2 units).',
    'C32 P C64 P F1024 F2',
  ],
  [
    'Our classifier stacks three convolution layers of 48, 96 and 192 feature maps. Every convolution uses a 3 × 3 kernel with stride 1 and is followed by 2 × 2 max-pooling. Two dense layers of 512 and 100 neurons complete the network, which operates on 32 × 32 colour images.',
    'C48 P C96 P C192 P F512 F100',
  ],
  [
    'The network is as follows. Layer 1: convolution with 20 filters of size 9 × 9. Layer 2: max pooling of size 2 × 2. Layer 3: convolution with 40 filters of size 5 × 5. Layer 4: max pooling of size 2 × 2. Layer 5: fully connected with 100 units. Layer 6: softmax with 2 outputs.',
    'C20 P C40 P F100 F2',
  ],
  [
    'We use a standard LeNet-like network on 28 × 28 inputs: 5 × 5 convolutions with 32 and 64 channels, each followed by 2 × 2 max pooling, then a fully connected layer with 1024 hidden units and a 10-unit output layer.',
    'C32 P C64 P F1024 F10',
  ],
  [
    'The value network consists of two fully connected layers of 128 units with tanh activations followed by a linear output layer with a single unit.',
    'F128 F128 F1',
  ],
  [
    'The student model is a small convolutional network: two convolutional layers with 16 filters each (3 × 3), a max-pooling layer, and a fully connected layer with 100 units, followed by the 10-way output layer. It takes 28 × 28 images.',
    'C16 C16 P F100 F10',
  ],
  [
    'The base network has 4 convolutional layers, with the number of feature maps being 32, 32, 64 and 64. Each pair of convolutional layers is followed by a 2 × 2 max-pooling layer. A fully connected layer of 512 units and a softmax layer for 10 classes are on top. The input is 32 × 32 × 3.',
    'C32 C32 P C64 C64 P F512 F10',
  ],
  [
    'The network takes 64 × 64 × 3 inputs and is composed of five convolutional layers with 3 × 3 kernels and 32, 64, 128, 256 and 512 channels, each using stride 2, followed by a fully connected layer that outputs the 40 attribute scores.',
    'C32 C64 C128 C256 C512 F40',
  ],
  [
    'The proposed model contains two convolutional layers with 64 and 128 filters (kernel size 3), two max pooling layers, and two fully connected layers with 256 and 10 units; the convolutional and pooling layers alternate.',
    'C64 P C128 P F256 F10',
  ],
  [
    'The feature extractor is made up of four blocks, each comprising a 3 × 3 convolution with 64 filters, batch normalization, a ReLU nonlinearity and 2 × 2 max-pooling. It is applied to 84 × 84 images.',
    'C64 P C64 P C64 P C64 P',
  ],
  [
    'We employ an MLP of three hidden layers (1024, 512 and 256 units) with ReLU activation and dropout, and a softmax output over the 20 newsgroups classes.',
    'F1024 F512 F256 F20',
  ],
  [
    'The architecture comprises 2 convolutional layers followed by 3 fully connected layers. The convolutional layers use 5 × 5 kernels with 20 and 50 output channels, and the fully connected layers have 500, 100 and 10 neurons.',
    'C20 C50 F500 F100 F10',
  ],
  [
    'Images of size 96 × 96 are fed into three consecutive convolutional layers with 32, 64 and 128 filters of size 3 × 3, each of which is followed by a max-pooling layer; the output of the last pooling layer is flattened and fed into a dense layer with 128 neurons and an output layer with 2 neurons.',
    'C32 P C64 P C128 P F128 F2',
  ],
  [
    'The Siamese branch is a CNN consisting of 4 convolutional layers with 64, 128, 128 and 256 filters, of size 10 × 10, 7 × 7, 4 × 4 and 4 × 4 respectively, followed by a fully connected layer with 4096 units.',
    'C64 C128 C128 C256 F4096',
  ],
  [
    'Our model for CIFAR-10 follows the all-convolutional design: three stages of two 3 × 3 convolutional layers with 96, 192 and 192 filters respectively, a 1 × 1 convolution with 10 filters, and global average pooling.',
    'C96 C96 C192 C192 C192 C192 C10 A',
  ],
  [
    'The convolutional part has 6 layers, each with 3 × 3 kernels: 32, 32, 64, 64, 128 and 128 filters, and max-pooling after the 2nd, 4th and 6th layers. Two fully connected layers of 512 units and a 10-way softmax follow.',
    'C32 C32 P C64 C64 P C128 C128 P F512 F512 F10',
  ],
  [
    'A small ConvNet is used as the baseline: 2 conv layers (32 and 64 filters of size 3 × 3), a 2 × 2 max pooling, a dense layer of 128 units and an output layer with 10 units.',
    'C32 C64 P F128 F10',
  ],
  [
    'The visual encoder uses five convolutional layers, whose numbers of kernels are 24, 36, 48, 64 and 64, with 5 × 5 kernels and stride 2 in the first three layers and 3 × 3 kernels in the last two, followed by fully connected layers with 100, 50 and 10 neurons and a single output that predicts the steering angle.',
    'C24 C36 C48 C64 C64 F100 F50 F10 F1',
  ],
  ['We train a 5-layer fully connected network with 2000, 1000, 500, 250 and 10 units.', 'F2000 F1000 F500 F250 F10'],
  [
    'Our recurrent model stacks an embedding layer (vocabulary 10000, 256 dimensions), two GRU layers of 512 units each and a linear output layer over the vocabulary of 10000 words.',
    'E256 G512 G512 F10000',
  ],
  ['The detector head consists of two 3 × 3 convolutions with 256 channels followed by a 1 × 1 convolution that outputs 18 channels.', 'C256 C256 C18'],
  [
    'Our model (Table 2) is a ConvNet with four layers: two convolutional layers with 32 and 64 5 × 5 filters, each followed by 2 × 2 max-pooling, and two fully connected layers with 512 and 10 neurons.',
    'C32 P C64 P F512 F10',
  ],
  [
    'The convolutional encoder has 4 layers with 3 × 3 kernels and stride 2; the number of channels doubles at each layer starting from 32. A fully connected layer produces the 64-dimensional latent code.',
    'C32 C64 C128 C256 F64',
  ],
  ['A multi-layer perceptron with one hidden layer of 800 units and a softmax output layer with 10 units was trained on the raw pixels.', 'F800 F10'],
  [
    'The model takes 227 × 227 RGB crops. Its first layer convolves the input with 64 kernels of 7 × 7 at stride 2, after which a 3 × 3 max pooling with stride 2 is applied. Then come two more convolutional layers with 128 and 256 kernels of size 3 × 3, a second max pooling, and finally two fully connected layers of 1024 units and a 101-way softmax.',
    'C64 P C128 C256 P F1024 F1024 F101',
  ],
  [
    'We employ a shallow network: one convolutional layer of 100 filters of size 7 × 7, a max pooling layer with a 2 × 2 window, one fully connected layer of 300 units, and an output layer of 3 units.',
    'C100 P F300 F3',
  ],
  [
    'The classifier has three hidden layers with 512, 256 and 128 neurons respectively, each followed by dropout with probability 0.5; its output layer has 2 neurons.',
    'F512 F256 F128 F2',
  ],
  [
    'The architecture follows VGG: it has 5 blocks of 3 × 3 convolutions with 64, 128, 256, 512 and 512 channels; each block has two convolutions and ends with 2 × 2 max-pooling. The classifier is a single fully connected layer with 10 outputs.',
    'C64 C64 P C128 C128 P C256 C256 P C512 C512 P C512 C512 P F10',
  ],
  [
    'Input sequences of 100 time steps are processed by two stacked LSTMs with 64 hidden units, and the last hidden state is mapped by a dense layer to the 6 activity classes.',
    'L64 L64 F6',
  ],
  [
    'The generator is composed of 3 fully connected layers with 256, 512 and 1024 units followed by an output layer of 784 units with tanh activation.',
    'F256 F512 F1024 F784',
  ],
  [
    'The convolutional layers have 96, 256 and 384 kernels with sizes 11 × 11, 5 × 5 and 3 × 3 respectively; there are three of them, followed by two fully connected layers with 4096 neurons each and an output layer of 1000 neurons.',
    'C96 C256 C384 F4096 F4096 F1000',
  ],
  [
    'The encoder of our autoencoder uses three convolutional layers (16, 32 and 64 channels, stride 2), and the bottleneck is a dense layer with 32 units.',
    'C16 C32 C64 F32',
  ],
  [
    'A convolutional neural network with two layers of convolution (32 and 64 filters of size 3 × 3) each followed by max pooling, then a flatten and a dense layer with 128 neurons, and a sigmoid output neuron, was trained for the binary task.',
    'C32 P C64 P F128 F1',
  ],
  [
    'Our baseline CNN contains four convolutional layers (each with 3 × 3 filters, with 32, 32, 64 and 64 filters respectively), two max-pooling layers after the second and fourth convolutional layers, one fully-connected layer with 512 units, and a softmax layer with 10 units.',
    'C32 C32 P C64 C64 P F512 F10',
  ],
  [
    'The CNN used for speech commands takes 40 × 101 log-mel spectrograms and applies two convolutional layers with 64 feature maps (kernels of 20 × 8 and 10 × 4), a max pooling of 2 × 2 after the first one, and a softmax layer with 12 outputs.',
    'C64 P C64 F12',
  ],
  [
    'Our discriminator is a stack of four convolutional layers whose widths are 64, 128, 256 and 512, all with stride 2, followed by a fully connected layer with a single sigmoid output.',
    'C64 C128 C256 C512 F1',
  ],
  ['The model is made up of three fully connected layers of sizes 300, 100 and 10.', 'F300 F100 F10'],
  [
    'The classification network applies a 3 × 3 convolution with 32 filters, a 2 × 2 max pooling, a 3 × 3 convolution with 64 filters, another 2 × 2 max pooling, and then two dense layers with 128 and 10 units. The input images are 28 × 28.',
    'C32 P C64 P F128 F10',
  ],
  [
    'Each tower of the Siamese network has five convolutional layers with 32, 64, 64, 128 and 128 filters, each followed by ReLU, and max-pooling after layers 1, 3 and 5; the final embedding is a 256-dimensional fully connected layer.',
    'C32 P C64 C64 P C128 C128 P F256',
  ],
  [
    'The temporal model is a 3-layer LSTM network with 256 hidden units per layer followed by a fully connected layer that produces 8 outputs.',
    'L256 L256 L256 F8',
  ],
  [
    'In our experiments, the network comprises six convolutional layers of 64 filters each, all with 3 × 3 kernels and batch normalization, and a final 1 × 1 convolution with 2 filters that produces the two class scores per pixel.',
    'C64 C64 C64 C64 C64 C64 C2',
  ],
  [
    'We use a LeNet-style network: conv (6 filters, 5 × 5) – avg pool (2 × 2) – conv (16 filters, 5 × 5) – avg pool (2 × 2) – FC (120) – FC (84) – FC (10).',
    'C6 P C16 P F120 F84 F10',
  ],
  [
    'The MLP baseline has an input layer with 561 features, two hidden layers with 100 and 50 neurons and an output layer with 6 neurons, one for each activity.',
    'F100 F50 F6',
  ],
  [
    'The network begins with a 7 × 7 convolution with 64 filters and stride 2, followed by a 3 × 3 max pooling with stride 2, and ends with a global average pooling and a 1000-way fully connected layer with softmax.',
    'C64 P A F1000',
  ],
  [
    'The encoder network is composed of 3 convolutional layers with 32, 64 and 128 filters, each with a kernel size of 4 and a stride of 2, followed by a dense layer with 256 units and two parallel dense layers of 32 units for the mean and the variance.',
    'C32 C64 C128 F256 F32 F32',
  ],
  [
    'The proposed CNN consists of an input layer of 128 × 128 × 3, three convolution layers with 16, 32 and 64 filters of size 3 × 3, each followed by a 2 × 2 max-pooling layer, a fully connected layer of 64 nodes and an output layer of 4 nodes with softmax activation.',
    'C16 P C32 P C64 P F64 F4',
  ],
  [
    'The shared trunk is made of two convolutional layers (48 and 96 channels, 5 × 5 kernels, stride 1), each followed by 3 × 3 max pooling with stride 2, and a fully-connected layer with 768 hidden units.',
    'C48 P C96 P F768',
  ],
  [
    'For the tabular data we use a feed-forward network with hidden layers of 256, 256 and 128 units, and a sigmoid output unit for the binary label.',
    'F256 F256 F128 F1',
  ],
  [
    'The reward predictor consists of 4 convolutional layers of size 7 × 7, 5 × 5, 3 × 3 and 3 × 3 with 16 filters each and stride 2, followed by a fully connected layer with 64 units and a scalar output.',
    'C16 C16 C16 C16 F64 F1',
  ],
  [
    'The network has an encoder-decoder structure: the encoder has 4 convolutional layers with 64, 128, 256 and 512 filters and the decoder has 4 transposed convolutional layers with 256, 128, 64 and 1 filters.',
    'C64 C128 C256 C512 U256 U128 U64 U1',
  ],
  [
    'Our model contains 8 convolutional layers, all with 3 × 3 filters. The number of filters is 64 for the first two layers, 128 for the next two, and 256 for the remaining four. A 2 × 2 max pooling follows the second, fourth and eighth convolution.',
    'C64 C64 P C128 C128 P C256 C256 C256 C256 P',
  ],
  [
    'The Q-function approximator is a fully connected network with 3 hidden layers of 400 rectified linear units and a linear output per action (there are 4 actions).',
    'F400 F400 F400 F4',
  ],
  ['Architecture: Conv2D(16, 5×5, stride 2) -> ReLU -> Conv2D(32, 5×5, stride 2) -> ReLU -> Flatten -> Dense(200) -> Dense(9).', 'C16 C32 F200 F9'],
  [
    'The proposed network has two convolutional stages. In the first stage, two 3 × 3 convolutions with 32 filters are followed by 2 × 2 max-pooling; in the second stage, two 3 × 3 convolutions with 64 filters are followed by 2 × 2 max-pooling. A dense layer with 256 units and a softmax over 10 classes conclude the network.',
    'C32 C32 P C64 C64 P F256 F10',
  ],
  [
    'The image branch is a CNN with 4 convolutional layers; the first two have 32 filters and the last two have 64 filters, all of size 3 × 3, and a max pooling layer follows each pair.',
    'C32 C32 P C64 C64 P',
  ],
  [
    'A five-layer CNN was designed: layers 1 to 3 are convolutional with 32, 64 and 128 filters of 3 × 3, and layers 4 and 5 are fully connected with 256 and 2 neurons.',
    'C32 C64 C128 F256 F2',
  ],
  // A notation the paper defines, then the network written in it.
  [
    'Let Bk denote a 4 × 4 Convolution-BatchNorm-LeakyReLU layer with k filters and stride 2, and let Sk denote the same block with a dropout rate of 0.3. The critic is B32-B64-S128-S256.',
    'C32 C64 C128 C256',
  ],
  [
    'In what follows, ek represents a 3 × 3 convolution-ReLU layer with k output channels and stride 2, tk represents a 4 × 4 fractionally-strided convolution-ReLU layer with k channels, and Qk represents a block containing two 3 × 3 convolutional layers. Our translator is e32,e64,Q64,Q64,t32,t16.',
    'C32 C64 C64 C64 C64 C64 U32 U16',
  ],
  // The maps-kernel notation: "32C3" = 32 maps of 3 × 3, "MP2" = max-pooling over 2 × 2, "64N" = 64 neurons.
  [
    'The committee members all share the topology 3x32x32-32C3-MP2-64C3-MP2-128C3-MP2-256N-10N and differ only in their input distortions.',
    'C32 P C64 P C128 P F256 F10',
  ],
  ['Written compactly, the classifier is 24C5-MP2-48C3-MP2-200FC-12SM on 40 × 40 inputs.', 'C24 P C48 P F200 F12'],
  // Pools in sequence networks pool over the sequence: windowed, or over the whole of it before the classifier.
  [
    'Each sentence is mapped to 50-dimensional word embeddings, followed by a convolutional layer with 100 filters of width 3, a max pooling of size 2, a second convolutional layer with 100 filters and a fully connected layer with 2 units.',
    'E50 C100 P C100 F2',
  ],
  [
    'The discriminator applies four 1-D convolutional layers with 32, 64, 128 and 256 filters of width 4 to the raw signal, then global average pooling over time and a dense layer with one unit.',
    'C32 C64 C128 C256 A F1',
  ],
  // Per-layer items after a colon; placements after named layers and after "the second … of them".
  [
    'Four convolutional layers come first: 16 filters of 5 × 5 (stride 2), 32 filters of 5 × 5 (stride 2), 64 filters of 3 × 3 and 64 filters of 3 × 3; a fully connected layer of 256 units follows.',
    'C16 C32 C64 C64 F256',
  ],
  [
    'conv1 has 64 filters of 7 × 7, and conv2 and conv3 have 128 and 256 filters of 3 × 3. Max pooling is inserted after conv1 and conv3. fc4 has 512 units and fc5 gives the 20 class scores.',
    'C64 P C128 C256 P F512 F20',
  ],
  [
    'The backbone has six 3 × 3 convolutional layers with 32, 32, 64, 64, 128 and 128 channels; 2 × 2 max pooling follows the second, fourth and sixth of them.',
    'C32 C32 P C64 C64 P C128 C128 P',
  ],
  // An embedding stated by its verb; a convolution named without "layer"; a pool sized as "of size 2"; one sigmoid unit.
  [
    'Tokens are embedded into 64-dimensional vectors, followed by a 1D convolution with 128 filters of width 3, a max pooling layer of size 2, a GRU with 64 units, and a single sigmoid unit.',
    'E64 C128 P G64 F1',
  ],
  // Blocks with a layer count each, blocks given their widths first, and layers the text says the network does not have.
  [
    'The feature extractor has four stages containing 1, 2, 2 and 3 layers of 3 × 3 convolutions with 32, 64, 128 and 256 filters respectively, each stage followed by 2 × 2 max pooling.',
    'C32 P C64 C64 P C128 C128 P C256 C256 C256 P',
  ],
  [
    'The encoder stacks three blocks whose widths are 16, 32 and 64; every block is a 5 × 5 convolution followed by ReLU and 2 × 2 max pooling. After global average pooling, a 10-way softmax classifies the digits.',
    'C16 P C32 P C64 P A F10',
  ],
  [
    'The network has three convolutional layers with 32, 64 and 128 filters; instead of the usual fully connected layers it ends with global average pooling and a 10-way output layer.',
    'C32 C64 C128 A F10',
  ],
  // Chain links with repeat counts ("×2" after a word, a width or a bracket; "3 × 3" is a window) and "FC-10" as a link.
  [
    'The configuration is: conv3-64 ×2, maxpool, conv3-128 ×2, maxpool, conv3-256 ×3, maxpool, FC-1024, FC-10.',
    'C64 C64 P C128 C128 P C256 C256 C256 P F1024 F10',
  ],
  ['Our network consists of [conv3-32]×2 → maxpool → [conv3-64]×2 → maxpool → FC-256 → FC-10.', 'C32 C32 P C64 C64 P F256 F10'],
  ['Architecture: Conv 3 × 3, 64 → MaxPool → FC-10 → FC-5.', 'C64 P F10 F5'],
  // Hidden sizes stated as a list; an output over a vocabulary.
  ['The hidden layer widths are 300, 200 and 100, and the output layer has 5 units.', 'F300 F200 F100 F5'],
  [
    'The encoder is a bidirectional GRU with 128 hidden units, and the decoder is a 2-layer GRU with 256 hidden units followed by a softmax over a vocabulary of 8000 words.',
    'G128 G256 G256 F8000',
  ],
  // Ordinals with a verb left out ("the second convolves …"), fields embedded into vectors, outputs that predict N
  // values, what a sentence states before its blocks, plural layers with a width each, an output named by its width.
  [
    'The first layer convolves 16 filters of 5 × 5 with stride 2, the second convolves 32 filters of 3 × 3 with stride 2, and a fully connected layer of 128 units follows. The output layer has one unit for each of the 6 actions.',
    'C16 C32 F128 F6',
  ],
  [
    'Each of the 10 input fields is embedded into 8-dimensional vectors, and an MLP with two hidden layers of 200 neurons each and a sigmoid output follows.',
    'E8 F200 F200 F1',
  ],
  ['Two LSTM layers with 64 and 32 units are followed by a linear output layer that predicts the next 12 values.', 'L64 L32 F12'],
  [
    'After a 5 × 5 convolution with 32 filters and 2 × 2 max pooling, the network stacks two blocks, each consisting of two 3 × 3 convolutions with 32 filters. Global average pooling and a 10-way fully connected layer follow.',
    'C32 P C32 C32 C32 C32 A F10',
  ],
  ['The generator has dense layers with 128, 256 and 784 units.', 'F128 F256 F784'],
  ['Three convolutional layers with 8, 16 and 32 filters are followed by a dense layer of 64 units and a 4-unit softmax output.', 'C8 C16 C32 F64 F4'],
  // What ends every stage, stated after the stages ("…, each stage ending with 2 × 2 max pooling").
  [
    'The feature extractor has four stages of two 3 × 3 convolutions (16, 32, 64 and 128 filters per stage), each stage ending with 2 × 2 max pooling, and a classifier of two fully connected layers with 256 and 10 units.',
    'C16 C16 P C32 C32 P C64 C64 P C128 C128 P F256 F10',
  ],
  // A counted group after each layer, with "the same number of filters"; a width of one with its noun singular.
  [
    'The upsampling path has two 2 × 2 transposed convolutions with 64 and 32 filters, each followed by two 3 × 3 convolutions with the same number of filters, and a 1 × 1 convolution with 1 filter.',
    'U64 C64 C64 U32 C32 C32 C1',
  ],
  // A width rule over blocks, stated from the first block's width.
  [
    'Scans are resized to 128 × 128 and fed to a network with four convolutional blocks; every block has one 3 × 3 convolution and a 2 × 2 max pooling layer, and the number of filters doubles from 8 in the first block to 64 in the last. A dense layer of 32 units and a 2-unit softmax output follow.',
    'C8 P C16 P C32 P C64 P F32 F2',
  ],
  // A decoder that grows from a vector: its fully connected layer comes first.
  ['Our generator is a fully connected layer with 6272 units followed by two transposed convolutional layers with 64 and 1 filters.', 'F6272 U64 U1'],
  // Convolutions, then recurrent layers over the maps (text lines, speech); an output over the symbols.
  [
    'The recognizer applies seven convolutional layers with 64, 128, 256, 256, 512, 512 and 512 filters, followed by two bidirectional LSTM layers with 256 hidden units each and a fully connected layer over the 37 symbols.',
    'C64 C128 C256 C256 C512 C512 C512 L256 L256 F37',
  ],
  [
    'Our model consists of 3 convolutional layers with 32, 64 and 96 filters of size 3 × 3, each followed by 2 × 2 max pooling, followed by two LSTM layers of 128 units and a softmax layer with 11 outputs.',
    'C32 P C64 P C96 P L128 L128 F11',
  ],
  // One-letter layer names with their brackets, and a softmax stated with its classes, as links of a chain.
  ['The pipeline is C(16, 5 × 5) → P(2 × 2) → C(32, 5 × 5) → P(2 × 2) → FC(100) → FC(4).', 'C16 P C32 P F100 F4'],
  [
    'Layer by layer: input 64 × 64 × 3; conv 3 × 3 with 32 filters; max pool 2 × 2; conv 3 × 3 with 64 filters; max pool 2 × 2; fully connected 128; softmax 5.',
    'C32 P C64 P F128 F5',
  ],
  // "N units each, followed by": the follower comes once, after the group.
  ['The tagger is built from two stacked GRU layers with 320 units each, followed by a dense layer with 40 outputs, one per phone class.', 'G320 G320 F40'],
  // A chain whose dense links write their widths after a space, with activations between them.
  ['The value network is observation → Linear 256 → tanh → Linear 128 → tanh → Linear 1.', 'F256 F128 F1'],
  // Layers written as calls inside running text, the input stated in the sentence before.
  [
    'The model works on 96 × 96 crops of the slides. It is made of Conv(16, 5×5, stride 2) and Conv(32, 5×5, stride 2), then FC(64) and FC(3), trained with focal loss.',
    'C16 C32 F64 F3',
  ],
  // The per-block widths stated after the body, in its own sentence.
  [
    'The encoder has three blocks. Each block holds a 3 × 3 convolution and a 2 × 2 max pooling, and the blocks have 24, 48 and 96 channels, respectively. A dense layer with 5 outputs ends the network.',
    'C24 P C48 P C96 P F5',
  ],
  // One block defined, then stacked a number of times with a width each.
  [
    'Our building unit is a residual-free block made of two 3 × 3 convolutional layers and a 2 × 2 max pooling layer. We repeat this block three times with 16, 32 and 64 filters, respectively, and finish with a fully connected layer of 10 units.',
    'C16 C16 P C32 C32 P C64 C64 P F10',
  ],
  // A width rule that steps per stage, not per layer.
  [
    'The backbone is a simple stage of two 3 × 3 convolutions and a 2 × 2 max pooling. The stage is repeated three times, and the number of filters is doubled after each pooling, starting with 16 filters. A fully connected layer gives the 4 class scores.',
    'C16 C16 P C32 C32 P C64 C64 P F4',
  ],
  // Layers introduced by ranges ("the first two … the next two … the last two"), pooling after positions written out.
  [
    'The first two layers are 3 × 3 convolutions with 32 and 48 filters; the next two are 3 × 3 convolutions with 96 filters each. Max pooling is applied after the second and after the fourth convolution. The last two layers are fully connected with 256 and 12 units.',
    'C32 C48 P C96 C96 P F256 F12',
  ],
  // Parallel attribute lists in brackets, the widths after their noun and a colon.
  [
    'The encoder has three convolutional layers (channels: 16, 32, 32; kernels: 5, 3, 3; strides: 2, 2, 1), followed by a fully connected layer of 64 units and an output layer with 3 units.',
    'C16 C32 C32 F64 F3',
  ],
  // A dense layer sized by the maps it is reshaped into, said before the layer; widths as "channel counts".
  [
    'The decoder projects the 64-dimensional code to a 4 × 4 × 256 tensor with a fully connected layer, followed by three transposed convolutions whose channel counts are 128, 64 and 3.',
    'F4096 U128 U64 U3',
  ],
  // "a convolutional stack of N layers" for "N convolutional layers".
  ['Each crop is encoded by a convolutional stack of two layers (24 and 48 filters of size 3 × 3) and a dense layer of 10 units.', 'C24 C48 F10'],
  // Pooling "in between" two listed layers; a "linear bottleneck layer" is a fully connected one.
  [
    'We stack two convolutional layers with 48 filters of size 9 × 5 and 5 × 3, with a 3 × 3 max pooling in between, then a linear bottleneck layer of 64 units and a softmax layer over the 8 classes.',
    'C48 P C48 F64 F8',
  ],
  // Recurrent widths as a bracketed list (not a citation), and an output per forecast step.
  ['The model is a two-layer LSTM with hidden sizes [96, 48], and a dense layer maps its last state to the 12-step forecast horizon.', 'L96 L48 F12'],
  // A legend written with "is", a symbol built of another one, a run separated by commas.
  [
    'Notation: Ek is a 3 × 3 convolution with k filters and ReLU, Sk is a 3 × 3 convolution with k filters and stride 2, and Bk is a block of two Ek layers. The restoration network is E16, S32, B32, B32, E3.',
    'C16 C32 C32 C32 C32 C32 C3',
  ],
  // "every one followed by"; a pooling named as what is done ("reduced by global max pooling").
  [
    'The tagger has two 3 × 3 convolutional layers with 40 filters each, every one followed by 2 × 2 max pooling. The maps are then reduced by global average pooling and passed to a dense layer with 9 outputs.',
    'C40 P C40 P A F9',
  ],
  // A projection between convolutions and recurrent layers, its width said before it; the run goes on into the LSTMs.
  [
    'The recogniser has two convolutional layers with 128 feature maps each. Their output is projected to 192 dimensions by a linear projection layer and then passed to two LSTM layers of 400 cells, and a softmax layer with 60 outputs is placed on top.',
    'C128 C128 F192 L400 L400 F60',
  ],
  // Thousands separators ("4,096", "1,000") are one number; a run of widths without spaces ("32,64,128") stays a list.
  [
    'The network takes 224 × 224 images through three convolutional layers with 32,64,128 filters, followed by two fully connected layers with 4,096 units each and a softmax layer with 1,000 outputs.',
    'C32 C64 C128 F4096 F4096 F1000',
  ],
  // "on top of" chains: a width just before the kind words, a pooling as the subject, an output as "one of the N … types".
  [
    'On top of the 200-dimensional word embedding layer we place a convolutional layer with 64 feature maps and a window of 5, on top of which max-over-time pooling extracts one value per map. A softmax layer on top of the pooled 64-dimensional vector predicts one of the 4 intent types.',
    'E200 C64 P F4',
  ],
  // Each layer's width and window in one list after "with": "16 5 × 5 filters (stride 2), 32 3 × 3 filters …".
  [
    'The Q-network applies three convolutional layers with 16 5 × 5 filters (stride 2), 32 3 × 3 filters (stride 2) and 32 3 × 3 filters (stride 1), followed by a fully connected layer with 256 units and a linear output layer with 4 units.',
    'C16 C32 C32 F256 F4',
  ],
  // An activation with its slope in brackets is a link of the chain, not a number to distrust.
  ['The critic is: input → conv 5 × 5, 32, stride 2 → LeakyReLU(0.1) → conv 5 × 5, 64, stride 2 → leaky ReLU (α = 0.1) → fc 1.', 'C32 C64 F1'],
  // "N blocks of A (widths, respectively), B, C and D": the short items after the widths go on listing the block.
  [
    'The encoder is built from three blocks of 3 × 3 convolution (with 16, 32 and 48 filters, respectively), instance normalisation, ELU and 2 × 2 max pooling, followed by a fully connected layer of 64 units.',
    'C16 P C32 P C48 P F64',
  ],
  // The blocks' widths said after their body, or in the next sentence.
  [
    'We use four blocks of two 3 × 3 convolutions and a max pooling layer, with 24, 48, 96 and 192 filters, and then a dense layer of 5 units.',
    'C24 C24 P C48 C48 P C96 C96 P C192 C192 P F5',
  ],
  [
    'Each spectrogram passes through three blocks of 5 × 5 convolution, ReLU and 2 × 2 max pooling, followed by two fully connected layers of 100 and 3 units. The blocks have 20, 40 and 80 filters.',
    'C20 P C40 P C80 P F100 F3',
  ],
  // A bracketed run of links repeated as a whole.
  [
    'Each tile goes through [conv 5 × 5 (32) – conv 5 × 5 (32) – max-pool 2 × 2] repeated twice and then through a dense layer with 10 units.',
    'C32 C32 P C32 C32 P F10',
  ],
  // A fully connected layer named by what it does, its width in dimensions.
  ['The utterance encoder is two GRU layers with 512 units each, whose last output is passed to a linear projection of 128 dimensions.', 'G512 G512 F128'],
  // A halving rule that starts from the tensor the stack was reshaped from, the last layer excepted.
  [
    'The decoder starts with a fully connected layer whose 8192 outputs are reshaped into a 4 × 4 × 512 tensor, followed by three transposed convolutions with 4 × 4 kernels; the number of feature maps is halved at each of them, except for the last one, which outputs the 2 channels of the stereo spectrogram.',
    'F8192 U256 U128 U2',
  ],
  // After a listed block body, ", followed by" goes on after the blocks; the widths come a sentence later.
  [
    'It consists of three convolutional blocks, each made of a 3 × 3 convolution, batch normalisation, ReLU and a max-pooling layer, followed by two GRU layers with 32 units and a fully connected layer with 6 outputs. The blocks use 16, 32 and 32 filters, respectively.',
    'C16 P C32 P C32 P G32 G32 F6',
  ],
  // "one sigmoid unit per label" is one unit for each label, not a width of one.
  [
    'The tagger ends in a fully connected layer with one sigmoid unit per label (12 labels), after two convolutional layers with 32 and 64 filters.',
    'C32 C64 F12',
  ],
  // A size chain with en dashes, its input a symbol set nearby, and a decoder that mirrors the encoder.
  [
    'The encoder of the autoencoder is a fully connected network with dimensions n–256–64–16, where n = 1000 is the number of genes, and the decoder mirrors the encoder.',
    'F256 F64 F16 F64 F256 F1000',
  ],
  // A chain that ends the sentence.
  ['Our classifier is an MLP with layer sizes 512–256–128–10.', 'F256 F128 F10'],
  // A layer named as an exception to what another statement says is no layer of its own.
  [
    'The generator upsamples with four transposed convolutions with 256, 128, 64 and 1 filters. Batch normalisation is used in every layer of the generator except the output layer.',
    'U256 U128 U64 U1',
  ],
  // A width computed in the text: the number after "=" is the layer's.
  ['The head is a 3 × 3 convolution with 512 filters and a final 1 × 1 convolution with 5 × (4 + 1 + K) = 40 filters.', 'C512 C40'],
  // Levels with a doubling rule from the first level's width, and a decoder that mirrors the encoder level by level.
  [
    'The encoder has three levels, each with two 3 × 3 convolutions followed by 2 × 2 max pooling; the first level uses 16 filters and the number of filters is doubled after every pooling step. A bottleneck of two 3 × 3 convolutions with 128 filters follows. The decoder mirrors the encoder: at each level a 2 × 2 up-convolution halves the number of channels and two 3 × 3 convolutions follow. A final 1 × 1 convolution maps the 16 channels to the 3 classes.',
    'C16 C16 P C32 C32 P C64 C64 P C128 C128 U64 C64 C64 U32 C32 C32 U16 C16 C16 C3',
  ],
  // "recurrent layer" as the generic word for the recurrent layers the network has.
  ['The tagger has two LSTM layers followed by a softmax layer over the 9 tags. Each recurrent layer has 200 units.', 'L200 L200 F9'],
  // A chain whose sentence goes on to state the fully connected head.
  [
    'Each patch passes through [conv 3 × 3 (48) – max-pool 2 × 2] repeated twice, and the classifier consists of two fully connected layers with 128 and 3 units.',
    'C48 P C48 P F128 F3',
  ],
  // What ends a network written in a notation, said after it ("after the last layer, a convolution with …").
  [
    'Let Dk denote a 4 × 4 Convolution–BatchNorm–LeakyReLU layer with k filters and stride 2. The critic is D32-D64-D128; after the last layer, a 1 × 1 convolution with 2 filters gives the logits.',
    'C32 C64 C128 C2',
  ],
  // The output unit said after "then to", widths as "hidden sizes are", an output over a vocabulary written "10K-word".
  [
    'The review is encoded by a GRU with 96 hidden units, and the last state is passed to a fully connected layer with 32 units and then to a single sigmoid output unit.',
    'G96 F32 F1',
  ],
  ['We stack three GRU layers whose hidden sizes are 128, 64 and 32, followed by a dense layer with 4 outputs.', 'G128 G64 G32 F4'],
  [
    'The language model is a 2-layer LSTM with 400 units per layer over 400-dimensional word embeddings, with a softmax output layer over the 20K-word vocabulary.',
    'E400 L400 L400 F20000',
  ],
  // An MLP given by its depth and width.
  ['The value network is a fully connected network of depth 3 and width 128 with tanh activations.', 'F128 F128 F128'],
  ['The sequence model reads 48 steps of 9 features through 2 layers of 80 LSTM units and ends with a dense layer of 3 units.', 'L80 L80 F3'],
  [
    'Tokens are looked up in an embedding layer (d = 72) and read by one GRU layer with 56 units, whose last state goes to a softmax over the 9 classes.',
    'E72 G56 F9',
  ],
  [
    'The regressor has two convolutional layers with 20 and 40 filters of size 3 × 3, each followed by 2 × 2 max pooling, and the flattened maps are mapped by a fully connected layer to the 6 predicted values.',
    'C20 P C40 P F6',
  ],
  [
    'The critic has three convolutional layers with 16, 32 and 32 filters of size 3 × 3 and then fully connected layers with 64 and 16 neurons leading to the single output.',
    'C16 C32 C32 F64 F16 F1',
  ],
  [
    'The trunk has four convolutional layers with 24, 48, 96 and 96 filters of size 3 × 3; average pooling (2 × 2, stride 2) follows the second and the fourth of them.',
    'C24 C48 P C96 C96 P',
  ],
  [
    'In PyTorch the classifier is nn.Sequential(nn.Conv1d(6, 20, kernel_size=5), nn.ReLU(), nn.MaxPool1d(2), nn.Conv1d(20, 40, 3), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(40, 6)), trained with Adam.',
    'C20 P C40 A F6',
  ],
  [
    'The forecaster stacks two GRU layers with 40 and 20 units, then a dense layer of 10 units and a linear layer that emits all 12 monthly values at once.',
    'G40 G20 F10 F12',
  ],
  [
    'Words are represented by 50-dimensional pretrained vectors, read by an LSTM layer with 60 units whose last state feeds a softmax over the 5 coarse review types.',
    'E50 L60 F5',
  ],
  [
    'Each trace is a one-hot matrix. The first layer of the detector scans it with 64 convolutional kernels of width 9 and is followed by max pooling over 3 positions; the second layer applies 96 kernels of width 5, again with pooling over 3 positions; the third layer has 96 kernels of width 3. A fully connected layer with 100 units and an output layer with 2 units follow.',
    'C64 P C96 P C96 F100 F2',
  ],
  [
    'The model is built from the following parts: (1) a 5×5 convolution with 16 filters; (2) two 3×3 convolutions with 32 filters, followed by 2×2 max pooling; (3) global average pooling and a softmax layer with 7 outputs.',
    'C16 C32 C32 P A F7',
  ],
  [
    'The encoder consists of three blocks, each with two 3×3 convolutions followed by 2×2 max pooling. The first block has 8 filters, and the number of filters doubles from one block to the next. A fully connected layer with 50 units and an output layer with 3 units close the network.',
    'C8 C8 P C16 C16 P C32 C32 P F50 F3',
  ],
  [
    'Each sample is described by 60 handcrafted features. The regressor is a fully connected network with three hidden layers: the first has 256 units, and every following hidden layer has half as many units as the one before it. A single linear unit outputs the predicted yield.',
    'F256 F128 F64 F1',
  ],
  [
    'A convolutional layer with 32 filters and a second convolutional layer with 32 filters are followed by a dense layer of 80 units, which predicts the presence of each of 40 acoustic events.',
    'C32 C32 F80 F40',
  ],
  ['Every record is a vector of 24 sensor readings, which an MLP 24 → 64 → 32 → 1 with ReLU hidden units turns into the probability of a fault.', 'F64 F32 F1'],
  [
    'Each day is described by 9 market features. The encoder is an LSTM of depth two, with a hidden size of 64 in every layer; its last state goes to a 32-unit tanh layer followed by a single linear unit.',
    'L64 L64 F32 F1',
  ],
  [
    'Sessions are cut at 30 clicks and the model predicts the next item among 5,200 candidate items. Each item is represented by a 64-dimensional learned embedding, the session is read by a GRU layer with 100 units, and a fully connected layer with 200 units followed by a softmax over all items scores the next click.',
    'E64 G100 F200 F5200',
  ],
  [
    'Every clip is a sequence of 50 frames; a GRU layer with 64 units reads them, and its last state is classified by a softmax layer into the 9 activities of the recordings.',
    'G64 F9',
  ],
  [
    'Patches are 48 × 48. Its four convolutional layers are set up as follows (kernel, filters, stride): 5×5, 16, 1; 3×3, 32, 2; 3×3, 32, 1; 3×3, 64, 2. Global average pooling and a softmax layer with 3 units follow.',
    'C16 C32 C32 C64 A F3',
  ],
  [
    'The tagger has four 3×3 convolutional layers, each followed by 2×2 max pooling; the first two layers have 40 filters and the last two half as many. A dense layer with 5 units closes it.',
    'C40 P C40 P C20 P C20 P F5',
  ],
  [
    'The value network is fully convolutional: the first layer applies 64 filters of size 5×5, layers 2 to 4 apply 64 filters of size 3×3 each, and a dense layer with 1 unit gives the value.',
    'C64 C64 C64 C64 F1',
  ],
  [
    'The trunk is organised in two groups containing 1 and 2 convolutional layers with 16 and 32 filters of size 3×3, respectively; each group is closed by a 2×2 max pooling layer. A fully connected layer with 4 units completes the network.',
    'C16 P C32 C32 P F4',
  ],
  [
    'A patch first goes through a convolution with 32 kernels of size 3×3, after which a second convolution with 48 kernels of size 3×3 is applied; after that comes 2×2 max pooling. A dense layer with 64 units and a softmax layer with 5 units follow.',
    'C32 C48 P F64 F5',
  ],
  [
    'A 64 × 64 crop is scored. Convolutional part: 32@5×5, max-pool 2×2, 64@3×3, max-pool 2×2 (n@k×k denotes n filters of size k×k). Fully connected part: 256, 3 (softmax).',
    'C32 P C64 P F256 F3',
  ],
  [
    'Glyphs are 32 × 32. In our notation kKsS-N is a K×K convolution with stride S and N filters, mK is K×K max pooling, and dN is a fully connected layer with N units. The classifier is k3s1-24, m2, k3s2-48, k3s1-48, m2, d120, d26.',
    'C24 P C48 C48 P F120 F26',
  ],
  [
    'Frames are 40-dimensional filterbanks. The encoder consists of three 1-D convolutional (TDNN) layers with 256, 256 and 768 channels, respectively. Temporal average pooling follows, and a dense layer of 256 units and a softmax layer over the 1,211 speakers of the corpus produce the scores.',
    'C256 C256 C768 A F256 F1211',
  ],
  [
    'Each light curve is binned to 512 points. The network has two convolutional stages. The first stage has two layers with 8 filters of size 7 and the second stage three layers with 16 filters of size 5; each stage ends with max pooling of window 3. A fully connected layer of 64 units and a single sigmoid unit follow.',
    'C8 C8 P C16 C16 C16 P F64 F1',
  ],
  [
    'Each sample is 18 sensor values. The regressor has four hidden layers. The first hidden layer has 200 neurons, and each following hidden layer has 40 neurons fewer than the one before it. A single linear unit gives the load.',
    'F200 F160 F120 F80 F1',
  ],
  [
    'We write B(k) for a block made of a 3×3 convolution with k filters, batch normalization, ReLU and 2×2 max pooling, and FC(n) for a fully connected layer with n units. The classifier on 48 × 48 tiles is B(8)–B(16)–B(32)–FC(32)–FC(4).',
    'C8 P C16 P C32 P F32 F4',
  ],
  [
    'Each compound is a 1,024-bit fingerprint. A feed-forward network with two hidden layers of 500 ReLU units each maps the fingerprint to 7 sigmoid outputs, one per assay.',
    'F500 F500 F7',
  ],
  [
    'Clips become 40-band log-mel spectrograms. The front-end consists of conv (3×3, 16), max-pool (2×2), conv (3×3, 32) and max-pool (2×2). An LSTM with 96 units runs over the remaining frames, and its last state is fed to a 5-way softmax.',
    'C16 P C32 P L96 F5',
  ],
];

describe('prose forms', () => {
  it.each(FORMS)('%s', (text, tokens) => {
    expect(tokensOf(text)).toContain(tokens);
  });

  it("makes no network of a reused network's frozen or fine-tuned layers, nor of layers mapped onto hardware or profiled", () => {
    expect(
      tokensOf(
        'On the embedded board, the 3×3 convolutions with 128 and 256 channels in the last stage account for 55% of the latency, while the final fully connected layer with 100 outputs takes 2 ms.',
      ),
    ).toEqual([]);
    expect(tokensOf('The 5×5 convolutions with 96 channels use 40% of the energy per frame, and the 512-unit fully connected layer less than 3%.')).toEqual([]);
    expect(
      tokensOf(
        'We take a network pretrained on a large corpus and freeze its first 8 convolutional layers. The last 2 convolutional layers and the 1024-unit fully connected layer are fine-tuned on our 3,000 images.',
      ),
    ).toEqual([]);
    expect(
      tokensOf(
        'Each convolutional layer is tiled onto the 16 × 16 systolic array, so 16 filters are processed per pass. Fully connected layers with more than 2,048 units are split into blocks whose weights are streamed from DRAM.',
      ),
    ).toEqual([]);
  });

  it('makes no network of layers a text only names ("fc7 features") or of an arrow chain that is not of layers', () => {
    expect(tokensOf('We extract fc7 features and conv5 features from the pretrained network and train a linear SVM on the 4096-d fc7 features.')).toEqual([]);
    expect(tokensOf('The pipeline is image → detector → tracker → report, and each stage runs on its own thread.')).toEqual([]);
    // A running head: a colon list of layer words without their numbers.
    expect(tokensOf('JONES ET AL.: IMAGE PARSING WITH CONVOLUTIONAL NETWORKS, DILATED CONVOLUTION, AND FULLY CONNECTED LAYERS')).toEqual([]);
    // A symbol that numbers layers by position, and runs of neurons alone, are no notation of widths.
    expect(tokensOf('Let Ck denote the k-th convolutional layer of the backbone; we compare the features of C3-C4-C5 on the validation set.')).toEqual([]);
    expect(tokensOf('The solutions were titrated at 10N-20N-40N and the spectra recorded at each step.')).toEqual([]);
    // Related work: what a cited network used, in a sentence that says nothing of the paper's own.
    expect(
      tokensOf(
        'Classic detectors such as ZF-Net [31] used five convolutional layers with 96, 256, 384, 384 and 256 filters followed by two fully connected layers of 4096 units.',
      ),
    ).toEqual([]);
    // A date written with dashes, and neuron counts of convolutional layers, are no chain of layer sizes.
    expect(tokensOf('The network weights of this model were released on 2016–10–24 with the code.')).toEqual([]);
    expect(tokensOf('The number of neurons in the layers of the network is 290,400–186,624–64,896–43,264–4096–1000.')).toEqual([]);
    // Ablations: a change tried and what it did, a design weighed against a variant, counts given as alternatives.
    expect(
      tokensOf(
        'In Table 5, swapping the two 3 × 3 convolutions for one 5 × 5 convolution lowers accuracy by 0.8 points, and removing the second fully connected layer of 512 units costs 1.1 points.',
      ),
    ).toEqual([]);
    expect(tokensOf('A single output layer of 40 units performs on par with the two-layer variant with 256 hidden units, so we keep it.')).toEqual([]);
    expect(tokensOf('Deeper encoders, with seven or eight convolutional layers of 64 filters, did not help.')).toEqual([]);
    // A layer's cost worked out as an example, and an analysis of what a trained network learned.
    expect(
      tokensOf(
        'A 5 × 5 convolution with 128 input and 128 output channels on a 28 × 28 map, for example, costs 28·28·128·128·25 ≈ 321M multiply-accumulates, and a fully connected layer with 2048 inputs and 500 outputs has about 1M parameters.',
      ),
    ).toEqual([]);
    expect(
      tokensOf(
        'We visualise what the conv4 units of the trained model respond to, and plot the 2048-dimensional fc6 activations with t-SNE; a 10-way output layer is kept.',
      ),
    ).toEqual([]);
    // "1-D" names axes, not a width; an "embedding space" is no layer.
    expect(tokensOf('Long-range dependencies are captured by very deep 1-D convolutions, and attention averages the values in an embedding space.')).toEqual(
      [],
    );
  });

  it('reads a network stated as another with changes ("is the same as Net-S but with …"), the first left as it is', () => {
    expect(
      tokensOf(
        'Net-S has three convolutional layers with 32, 64 and 128 filters, each followed by 2 × 2 max pooling, and a fully connected layer with 10 units. Net-L is identical to Net-S except with 256 filters per convolutional layer.',
      ),
    ).toEqual(['C32 P C64 P C128 P F10', 'C256 P C256 P C256 P F10']);
    expect(
      tokensOf(
        'Tagger A stacks two LSTM layers of 100 units and a softmax layer over the 9 tags. Tagger B, used in the remaining experiments, is the same as Tagger A but with 300 units in each LSTM layer and an additional dense layer of 50 units before the output layer.',
      ),
    ).toEqual(['L100 L100 F9', 'L300 L300 F50 F9']);
  });

  it('reads "bidirectional" before a recurrent layer and a "BiLSTM"-style name as the same flag the table reader sets', () => {
    const twoWay = (text: string) =>
      proseToGraphs([pageOf(text)]).flatMap((d) =>
        d.graph.layers.filter((l) => TOKEN[l.type] === 'L' || TOKEN[l.type] === 'G').map((l) => `${l.type}${l.params?.bidirectional ? ' both ways' : ''}`),
      );
    expect(
      twoWay('Words are mapped to 300-dimensional embeddings and fed to a bidirectional LSTM with 256 hidden units and a softmax layer over 5 classes.'),
    ).toEqual(['LSTM both ways']);
    expect(twoWay('The model consists of an embedding layer of size 100, a BiGRU with 128 units and a fully connected layer with 10 outputs.')).toEqual([
      'GRU both ways',
    ]);
    // One direction stays one direction, also beside a bidirectional encoder.
    expect(twoWay('The encoder is a stack of two bidirectional LSTM layers with 512 units, and the decoder is a single LSTM layer of 512 units.')).toEqual([
      'LSTM both ways',
      'LSTM both ways',
      'LSTM',
    ]);
  });

  it('gives a fully connected layer the function its words state ("64 tanh units", "a sigmoid activation", "a linear output layer"), and one output unit a sigmoid', () => {
    const functions = (text: string) =>
      proseToGraphs([pageOf(text)]).flatMap((d) => d.graph.layers.filter((l) => l.type === 'Dense').map((l) => `F${l.params?.units} ${l.params?.activation}`));
    expect(
      functions(
        'The tagger stacks two GRU layers with 40 units each, followed by a fully connected layer with 14 units and a tanh activation, and a fully connected layer with 3 units and a sigmoid activation.',
      ),
    ).toEqual(['F14 tanh', 'F3 sigmoid']);
    expect(
      functions(
        'The regressor has two convolutional layers with 12 and 24 filters of size 3 × 3, each followed by 2 × 2 max pooling, a fully connected layer with 48 tanh units and a linear output layer with 1 unit.',
      ),
    ).toEqual(['F48 tanh', 'F1 linear']);
    // No function stated: hidden layers rectify, and a single output unit is a probability, not a one-way softmax.
    expect(
      functions(
        'The detector has two convolutional layers with 12 and 24 filters of size 3 × 3, a fully connected layer with 48 units and a single output unit.',
      ),
    ).toEqual(['F48 relu', 'F1 sigmoid']);
  });

  it('reads a network stated as "key = value" settings, and no network from a list of training settings', () => {
    expect(
      tokensOf(
        'The agent observes 64 × 64 RGB frames. Its network uses conv_filters = (24, 48), kernel_sizes = (5, 3), strides = (2, 1), hidden_units = 200 and output_units = 4.',
      ),
    ).toEqual(['C24 C48 F200 F4']);
    expect(tokensOf('We train with learning_rate = 0.001, batch_size = 64, epochs = 30 and weight_decay = 0.0001 on the same split.')).toEqual([]);
  });

  it('reads a pooling listed by its window between commas, a long follower of every layer, and an ordinal that states a bare width', () => {
    expect(
      tokensOf(
        'We use a small CNN on 64 × 64 patches: a 3×3 convolution with 24 filters, 2×2 max pooling, a 3×3 convolution with 48 filters, 2×2 max pooling and a fully connected layer of 5 units.',
      ),
    ).toEqual(['C24 P C48 P F5']);
    expect(
      tokensOf(
        'The network has three convolutional layers with 16, 32 and 48 filters. Every convolutional layer is followed by an average pooling layer of size 2, which keeps the model small. A fully connected layer with 3 units gives the output.',
      ),
    ).toEqual(['C16 P C32 P C48 P F3']);
    expect(
      tokensOf(
        'The first convolutional layer has 20 filters of size 5. The second convolutional layer has 40 filters, and the third has 80. A dense layer with 6 units follows.',
      ),
    ).toEqual(['C20 C40 C80 F6']);
  });

  it('reads "the first produces N maps, and each subsequent layer doubles this number", and a layer after "Finally," as the last', () => {
    expect(
      tokensOf(
        'The encoder is made of three convolutional layers. The first produces 16 feature maps, and each subsequent layer doubles this number. Finally, a 1×1 convolution outputs 2 channels.',
      ),
    ).toEqual(['C16 C32 C64 C2']);
  });

  it('reads a windowed pooling that follows every second convolution (no "layer"), and a layer that maps each step to N scores', () => {
    expect(
      tokensOf(
        'Word images are resized to 32 × 96 pixels. The network stacks four 3×3 convolutions with 16, 16, 32 and 32 channels, and a 2×2 max pooling follows every second convolution. A linear layer maps the pooled features to 12 scores.',
      ),
    ).toEqual(['C16 C16 P C32 C32 P F12']);
  });

  it('reads "a fully connected embedding layer" as the fully connected layer it is, the embedding its role', () => {
    expect(
      tokensOf(
        'The network has two convolutional layers with 24 and 48 filters. The map is flattened and projected by a fully connected embedding layer with 128 units.',
      ),
    ).toEqual(['C24 C48 F128']);
  });

  it('reads "an LSTM network with N units" as the layer its noun names, and no layer from LSTM networks in general', () => {
    expect(tokensOf('A GRU network with 96 units reads the frames, and a dense layer with 4 units gives the class.')).toEqual(['G96 F4']);
    expect(tokensOf('LSTM networks are widely used for such signals. We use a convolutional network instead.')).toEqual([]);
  });

  it('reads a configuration file\'s "key: value" settings, its pooling placed after the convolutions it lists', () => {
    expect(
      tokensOf(
        'The classifier sees 96 × 96 tiles. The settings file contains: conv.filters: [16, 16, 32, 32]; conv.kernel: 3; pooling_after: [2, 4] (2×2 max pooling); dense_units: [100, 7]; activation: elu.',
      ),
    ).toEqual(['C16 C16 P C32 C32 P F100 F7']);
    expect(
      tokensOf(
        'The configuration reads: backbone.filters = [8, 16]; backbone.kernel = 5; backbone.pool = max 2×2 after every convolution; head.hidden = [64]; head.outputs = 3; loss = cross entropy.',
      ),
    ).toEqual(['C8 P C16 P F64 F3']);
    expect(tokensOf('Training is configured in the same file: optimizer.name: adam; optimizer.lr: 0.0003; batch_size: 32; max_epochs: 50.')).toEqual([]);
  });
});
