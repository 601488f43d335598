import Notebook

/// What a cell reads from the session and what it leaves there, for `--allow-errors`: after a cell
/// fails, the later cells that read something it should have made are not run.
///
/// | directive | needs | makes |
/// |---|---|---|
/// | `load` | — | data (with `dataset:`/`path:`); model, and clears history and evaluation (with `model:`) |
/// | `preprocess` | data | data |
/// | `build` | data (only without `input=` on its first layer) | model; clears history and evaluation |
/// | `fit` | data, model | model, history; clears evaluation |
/// | `evaluate` | data, model | evaluation |
/// | `plot` | `loss`/`accuracy`: history; `confusion_matrix`: evaluation; `samples`: data; `compare`: — | — |
/// | `predict` | model, data (its preprocessing scales the pixels) | — |
/// | `summary`, `save` | model | — |
///
/// Only a resource that a failed (or skipped) cell should have made blocks a later cell; one that
/// no cell made yet is the later cell's own error, as without the flag.
struct CellDependencies {
    enum Resource: String, CaseIterable, Sendable {
        case data, model, history, evaluation
    }

    var needs: Set<Resource>
    var makes: Set<Resource>
    /// Made afresh as nothing (a new model has no history yet): a failure before no longer blocks.
    var clears: Set<Resource> = []

    init(needs: Set<Resource>, makes: Set<Resource>, clears: Set<Resource> = []) {
        self.needs = needs
        self.makes = makes
        self.clears = clears
    }

    init(_ directive: Directive) {
        switch directive {
        case .load(let load):
            var makes: Set<Resource> = []
            if load.data != nil { makes.insert(.data) }
            if load.model != nil { makes.insert(.model) }
            self.init(needs: [], makes: makes, clears: load.model != nil ? [.history, .evaluation] : [])
        case .preprocess:
            self.init(needs: [.data], makes: [.data])
        case .build(let build):
            let fromData = build.layers.first?.value.inputShape == nil
            self.init(needs: fromData ? [.data] : [], makes: [.model], clears: [.history, .evaluation])
        case .fit:
            self.init(needs: [.data, .model], makes: [.model, .history], clears: [.evaluation])
        case .evaluate:
            self.init(needs: [.data, .model], makes: [.evaluation])
        case .plot(let plot):
            let needs = plot.charts.compactMap { chart -> Resource? in
                switch chart.value {
                case .loss, .accuracy: return .history
                case .confusionMatrix, .mistakes: return .evaluation
                case .samples: return .data
                case .weights: return .model
                // Draws the models that were fitted, whichever failed: its own error when none was.
                case .compare: return nil
                }
            }
            self.init(needs: Set(needs), makes: [])
        case .predict:
            self.init(needs: [.model, .data], makes: [])
        case .summary, .save:
            self.init(needs: [.model], makes: [])
        }
    }
}

/// Which resources a failed cell left broken, and by which cell: the runner's memory under `--allow-errors`.
struct BrokenResources {
    private var brokenBy: [CellDependencies.Resource: Cell] = [:]

    /// The failed cell an about-to-run cell depends on and what it failed to make, if any (the
    /// earliest such cell, when several).
    func blocker(of cell: Cell) -> (cell: Cell, resource: CellDependencies.Resource)? {
        CellDependencies(cell.directive).needs
            .compactMap { resource in brokenBy[resource].map { (cell: $0, resource: resource) } }
            .min { ($0.cell.index, $0.resource.rawValue) < ($1.cell.index, $1.resource.rawValue) }
    }

    /// The line a skipped cell shows: "Not run: it needs the model, which the build cell at line 12 failed to make."
    static func note(for blocker: (cell: Cell, resource: CellDependencies.Resource)) -> String {
        let what = blocker.resource == .data ? "the data" : "the \(blocker.resource.rawValue)"
        return "Not run: it needs \(what), which the failed \(blocker.cell.name) cell "
            + "(cell \(blocker.cell.index), line \(blocker.cell.location.line)) should have made."
    }

    /// `cell` ran fine: what it makes (or clears) is sound again.
    mutating func ran(_ cell: Cell) {
        let dependencies = CellDependencies(cell.directive)
        for resource in dependencies.makes.union(dependencies.clears) { brokenBy[resource] = nil }
    }

    /// `cell` failed, or was not run because of `culprit`: what it should have made is broken.
    mutating func failed(_ cell: Cell, because culprit: Cell) {
        let dependencies = CellDependencies(cell.directive)
        for resource in dependencies.makes { brokenBy[resource] = culprit }
    }
}
