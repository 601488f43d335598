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
}
