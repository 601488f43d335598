/// The example notebook from ARCHITECTURE.md, verbatim: it is normative and must parse exactly.
enum ExampleNotebook {
    static let path = "notebooks/digits.md"

    static let text = """
    ---
    title: Handwritten digits with a tiny MLP
    seed: 42
    ---
    # Load the data
    ```load
    dataset: mnist
    ```
    ```preprocess
    flatten: true
    scale: 255
    one_hot: 10
    ```
    ```build
    dense 10 relu input=784
    dense 10 relu
    dense 10 relu
    dense 10 softmax
    ```
    ```fit
    optimizer: adam
    loss: categorical_crossentropy
    epochs: 10
    batch_size: 200
    validation_split: 0.1
    ```
    ```evaluate
    ```
    ```plot
    loss, accuracy
    ```
    ```predict
    image: images/seven.png
    invert: true
    ```

    """

    /// docs/notebook-format.md's convolutional network, verbatim.
    static let cnnPath = "notebooks/cnn.md"

    static let cnnText = """
    ---
    title: Digits with a small CNN
    ---
    ```load
    dataset: mnist
    ```
    ```preprocess
    reshape: 28x28x1
    scale: 255
    ```
    ```build
    conv2d 32 3 relu input=28x28x1
    maxpool 2
    conv2d 64 3 relu
    maxpool 2
    flatten
    dropout 0.5
    dense 10 softmax
    ```
    ```summary
    ```
    ```fit
    optimizer: adam
    loss: sparse_categorical_crossentropy
    epochs: 2
    batch_size: 128
    validation_split: 0.1
    ```
    ```evaluate
    ```
    ```plot
    loss, accuracy
    ```
    ```save
    path: digits-cnn.safetensors
    ```

    """
}
