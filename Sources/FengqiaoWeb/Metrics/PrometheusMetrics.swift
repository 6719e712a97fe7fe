import CoreMetrics
import FengqiaoServices
import Prometheus

/// The process's Prometheus registry. swift-metrics has one global backend per process, so the
/// registry is bootstrapped once, on first use; every application in the process reports into it.
final class PrometheusMetrics: Sendable {
    static let shared = PrometheusMetrics()

    let registry = PrometheusCollectorRegistry()
    private let poolInUse: CoreMetrics.Gauge
    private let poolCapacity: CoreMetrics.Gauge

    private init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5)]
        MetricsSystem.bootstrap(factory)
        poolInUse = CoreMetrics.Gauge(label: "fengqiao_db_connections_in_use")
        poolCapacity = CoreMetrics.Gauge(label: "fengqiao_db_connections")
    }

    /// The exposition text, after reading the pool gauges.
    func render(health: DatabaseHealth) async -> String {
        let usage = await health.connections()
        poolInUse.record(usage.inUse)
        poolCapacity.record(usage.capacity)
        return registry.emitToString()
    }
}
