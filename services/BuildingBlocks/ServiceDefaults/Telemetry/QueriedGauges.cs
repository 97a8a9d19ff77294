using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Hosting;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>Telemetry:Gauges section: how often gauges computed by a database query are refreshed.</summary>
public sealed class GaugeOptions
{
    public const string Section = "Telemetry:Gauges";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Gauges of a process manager's state (conferences by status, vettings past their deadline) read from the service's
/// database. A round of queries every <see cref="GaugeOptions.Interval"/> sets them and a scrape reads what the last
/// round found, so neither several Prometheus servers nor a scrape storm become database load, and a slow query
/// never delays a scrape. Each replica reports the same figures (they are the database's): aggregate with max, not sum.
/// </summary>
public abstract class QueriedGauges : PeriodicWork
{
    private readonly Dictionary<string, Measurement<long>[]> _values = [];
    private readonly Meter _meter;

    protected QueriedGauges(string meterName, GaugeOptions options, TimeProvider clock, IMeterFactory meters, ILogger logger)
        : base(options.Interval, clock, logger)
    {
        _meter = meters.Create(meterName);
    }

    /// <summary>Declares a gauge reporting what the last round <see cref="Set"/> for it (nothing before the first).</summary>
    protected void Declare(string name, string unit, string description)
    {
        lock (_values)
        {
            _values[name] = [];
        }
        _meter.CreateObservableGauge(name, () => Read(name), unit, description);
    }

    protected void Set(string name, params Measurement<long>[] values)
    {
        lock (_values)
        {
            _values[name] = values;
        }
    }

    protected static Measurement<long> Value(long value, string tag, string tagValue) => new(value, new KeyValuePair<string, object?>(tag, tagValue));

    private Measurement<long>[] Read(string name)
    {
        lock (_values)
        {
            return _values[name];
        }
    }
}
