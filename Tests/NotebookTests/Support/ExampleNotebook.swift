import Foundation

/// The design's example notebook (README.md, docs/notebook-format.md), verbatim: it is normative and must parse exactly.
enum ExampleNotebook {
    static let path = "notebooks/digits.md"

    /// Kept in Tests/Fixtures so the end-to-end CLI tests run the very same text.
    static let text: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/architecture-example.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

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
