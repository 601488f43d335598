extension Network {
    /// After a training `forward`: fills `gradients` with ∂(mean `loss`)/∂parameters for the labels in
    /// `workspace.batch.labels` (B). A cross-entropy over a softmax output hands the layer the fused
    /// gradient `(p − y)/B` with respect to the softmax's input; every other pairing takes ∂loss/∂output
    /// and runs the output layer's own backward, activation included.
    func backward(loss: Loss, batch: Int, workspace: Workspace<Scalar>) {
        guard !nodes.isEmpty else { return }
        let outputs = UnsafePointer(workspace.layerInput(nodes.count))
        let labels = UnsafePointer(workspace.batch.labels.pointer)
        let gradient = outputGradient(workspace)
        let fused = loss.fusesWithSoftmax && endsInSoftmax
        if fused {
            LossKernels.softmaxGradient(outputs: outputs, labels: labels, batch: batch, width: outputSize,
                                        gradient: gradient)
        } else {
            LossKernels.outputGradient(loss, outputs: outputs, labels: labels, batch: batch, width: outputSize,
                                       gradient: gradient)
        }
        backward(batch: batch, workspace: workspace, preSoftmax: fused)
    }
}
