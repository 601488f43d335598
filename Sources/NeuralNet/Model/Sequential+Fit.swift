import Limits

extension Sequential {
    /// Trains on `data` as Keras' `fit` does: the last `validationSplit` of the rows (taken before
    /// shuffling) validate after each epoch; the training rows are reshuffled each epoch from `seed`;
    /// the last partial batch is used; reported loss and accuracy are the epoch's running means.
    /// The same model seed, data, options and `seed` give a bit-identical `History` (timings aside).
    ///
    /// Throws before training for bad options or data, and with the epoch and batch when the loss
    /// turns NaN or infinite. `progress` is called on the caller's thread.
    public func fit(_ data: Examples, options: FitOptions, seed: UInt64,
                    progress: ((TrainingEvent) -> Void)? = nil) throws -> History {
        let plan = try FitPlan(data: data, options: options, model: self)
        guard options.epochs > 0 else { return History() }
        let run = TrainingRun(network: network, plan: plan, options: options, data: data,
                              workspace: try trainingWorkspace(plan), optimizer: optimizer(for: options.optimizer),
                              seed: seed)
        defer { run.finish() }
        var history = History()
        for epoch in 1...options.epochs {
            let summary = try run.epoch(epoch, progress: progress)
            history.append(summary)
            progress?(.epochFinished(summary))
        }
        return history
    }

    /// Batch buffers for `plan`, after checking they (with the shuffle order and the optimizer state)
    /// fit in memory.
    private func trainingWorkspace(_ plan: FitPlan) throws -> Workspace<Float> {
        let scalars = Workspace.scalarCount(network: network, capacity: plan.bufferRows, training: true)
        let optimizerState = optimizerState?.spec == plan.optimizer ? 0
            : Checked.product(network.parameterCount, plan.optimizer.stateSlotsPerParameter)
        try MemoryBudget.require("training's batch buffers and optimizer state",
                                 floats: Checked.sum(scalars, optimizerState, plan.trainingRows))
        return Workspace(network: network, capacity: plan.bufferRows, training: true)
    }

    /// The optimizer of the previous fit — or the one restored from a model file — when its spec is
    /// the same (its state carries on, as with a compiled or `load_model`-ed Keras model), else a new
    /// one with zero state, which replaces it (a fit with another optimizer or other hyper-parameters
    /// starts afresh).
    private func optimizer(for spec: OptimizerSpec) -> Optimizer {
        if let state = optimizerState, state.spec == spec { return state.optimizer }
        let optimizer = spec.makeOptimizer(parameterCount: network.parameterCount)
        optimizerState = (spec, optimizer)
        return optimizer
    }
}

private extension History {
    mutating func append(_ summary: EpochSummary) {
        loss.append(summary.loss)
        accuracy.append(summary.accuracy)
        if let valLoss = summary.valLoss, let valAccuracy = summary.valAccuracy {
            self.valLoss.append(valLoss)
            self.valAccuracy.append(valAccuracy)
        }
        epochSeconds.append(summary.seconds)
    }
}
