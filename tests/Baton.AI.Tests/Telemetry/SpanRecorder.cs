using System.Collections.Concurrent;
using System.Diagnostics;
using Baton.AI.Telemetry;

namespace Baton.AI.Tests.Telemetry;

/// <summary>
/// Records the <c>Baton.AI</c> spans (or those of the sources <c>listenTo</c> picks) that finish under its own root span,
/// so that tests running in parallel do not see each other's spans.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("Baton.AI.Tests");

    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _spans = new();

    public SpanRecorder(Func<ActivitySource, bool>? listenTo = null)
    {
        listenTo ??= source => source.Name == AITelemetry.SourceName;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Baton.AI.Tests" || listenTo(source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test")!;
    }

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    public Activity Single(string name) => Spans.Should().ContainSingle(s => s.DisplayName == name).Subject;

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }

    private void Stopped(Activity activity)
    {
        if (activity != _root && activity.TraceId == _root.TraceId)
        {
            _spans.Enqueue(activity);
        }
    }
}
