using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Baton.Engine;

/// <summary>The engine's <see cref="ActivitySource"/> and <see cref="Meter"/>, named <c>Baton.Engine</c>, for OpenTelemetry to collect.</summary>
public static class EngineTelemetry
{
    public const string SourceName = "Baton.Engine";

    public static readonly ActivitySource Source = new(SourceName, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Transitions = Meter.CreateCounter<long>("baton.step.transitions", description: "Step executions that reached an outcome.");

    internal static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("baton.step.duration", unit: "ms", description: "Duration of step attempts.");

    internal static readonly Counter<long> Commits = Meter.CreateCounter<long>("baton.commits", description: "Transitions committed to the store.");
}
