extension Located {
    /// The same value, its location moved by `move`.
    func relocated(_ move: (SourceLocation) -> SourceLocation) -> Located {
        Located(value, at: move(location))
    }
}

extension Directive {
    /// The same directive with every location it holds moved by `move` — from the substituted text
    /// back to the notebook as written. A directive that gains a located option must move it here.
    func relocated(_ move: (SourceLocation) -> SourceLocation) -> Directive {
        switch self {
        case .load(var load):
            switch load.data {
            case .dataset(let name): load.data = .dataset(name.relocated(move))
            case .path(let path): load.data = .path(path.relocated(move))
            case nil: break
            }
            load.model = load.model?.relocated(move)
            return .load(load)
        case .preprocess(var preprocess):
            preprocess.oneHot = preprocess.oneHot?.relocated(move)
            preprocess.reshape = preprocess.reshape?.relocated(move)
            return .preprocess(preprocess)
        case .build(var build):
            build.layers = build.layers.map { $0.relocated(move) }
            return .build(build)
        case .plot(var plot):
            plot.charts = plot.charts.map { $0.relocated(move) }
            return .plot(plot)
        case .predict(var predict):
            predict.image = predict.image.relocated(move)
            predict.labels = predict.labels?.relocated(move)
            return .predict(predict)
        case .save(var save):
            save.path = save.path.relocated(move)
            return .save(save)
        case .fit, .evaluate, .summary:
            return self
        }
    }
}
