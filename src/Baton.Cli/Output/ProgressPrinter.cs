using System.Text.Json.Nodes;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Output;

/// <summary>Prints a run's committed timeline as it happens: each step as it starts and as it ends, with its duration.</summary>
/// <param name="terminal">Where to print.</param>
/// <param name="perRun">Prefix every line with its run (a worker drives many runs).</param>
/// <param name="root">The run the command acts on, printed without a prefix; by default the run of the first event.</param>
internal sealed class ProgressPrinter(Terminal terminal, bool perRun = false, RunId? root = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(RunId, string), DateTimeOffset> _started = [];
    private readonly Dictionary<(RunId, string), DateTimeOffset> _childStarted = [];
    private RunId? _root = root;

    public void Attach(BatonEngine engine) => engine.TimelineEventCommitted += (_, e) => OnEvent(e);

    private void OnEvent(TimelineEvent e)
    {
        lock (_gate)
        {
            _root ??= e.RunId;
            var prefix = e.RunId == _root && !perRun ? "  " : $"  {terminal.Dim($"[{Short(e.RunId)}]")} ";
            var line = Format(e);
            if (line is not null)
            {
                terminal.Line(prefix + line);
            }
        }
    }

    private string? Format(TimelineEvent e) => e.Type switch
    {
        TimelineEventTypes.RunStarted when e.RunId != _root || perRun => $"{terminal.Cyan("▶")} run {e.RunId} started",
        TimelineEventTypes.StepStarted => Started(e),
        TimelineEventTypes.StepCompleted => $"{terminal.Green("✓")} {e.Path}  {terminal.Dim(Duration(e))}",
        TimelineEventTypes.StepFailed => $"{terminal.Red("✗")} {e.Path}  {terminal.Red(Code(e))}{e.Message}  {terminal.Dim(Duration(e))}",
        TimelineEventTypes.StepRetryScheduled => $"{terminal.Yellow("↻")} {e.Path}  {e.Message}",
        TimelineEventTypes.StepSkipped => $"{terminal.Dim("-")} {e.Path}  {terminal.Dim("skipped")}",
        TimelineEventTypes.StepWaiting => $"{terminal.Yellow("⏸")} {e.Path}  {e.Message}",
        TimelineEventTypes.ApprovalRequested => $"{terminal.Yellow("⏸")} {e.Path}  waiting for approval: {e.Message}",
        TimelineEventTypes.ApprovalDecided => $"{terminal.Cyan("✎")} {e.Path}  {e.Message?.TrimEnd('.')} by {e.Actor}{Comment(e)}",
        TimelineEventTypes.SignalReceived => $"{terminal.Cyan("✉")} {e.Path}  {e.Message}",
        TimelineEventTypes.StepCancelled => $"{terminal.Dim("⊘")} {e.Path}  {terminal.Dim("cancelled")}  {terminal.Dim(Duration(e))}",
        TimelineEventTypes.StepInterrupted => $"{terminal.Yellow("!")} {e.Path}  {e.Message}",
        TimelineEventTypes.StepCompensated => $"{terminal.Yellow("↺")} {e.Path}  {e.Message}  {terminal.Dim(CompensationDuration(e))}",
        TimelineEventTypes.CompensationStarted or TimelineEventTypes.RunRecovered => $"{terminal.Yellow("!")} {e.Message}",
        TimelineEventTypes.BranchWon => $"{terminal.Cyan("★")} {e.Path}  {e.Message}",
        TimelineEventTypes.RunCompleted or TimelineEventTypes.RunFailed or TimelineEventTypes.RunCancelled => Ended(e),
        TimelineEventTypes.RunWaiting when perRun => $"{terminal.Yellow("⏸")} run {e.RunId}: {e.Message}",
        _ => null,
    };

    private static string Comment(TimelineEvent e)
        => e.Data?["comment"] is JsonValue comment && comment.TryGetValue<string>(out var text) && text.Length > 0 ? $": {text}" : "";

    private string Started(TimelineEvent e)
    {
        if (e.Path is not null)
        {
            _started[(e.RunId, e.Path)] = e.At;
            if (e.Path.LastIndexOf('/') is > 0 and var slash)
            {
                _childStarted.TryAdd((e.RunId, e.Path[..slash]), e.At);
            }
        }

        return $"{terminal.Dim("▸")} {e.Path}{Attempt(e)}";
    }

    private static string Attempt(TimelineEvent e) => e.Attempt is > 1 ? $"  (attempt {e.Attempt})" : "";

    private string? Ended(TimelineEvent e)
    {
        // A worker prints many runs: forget what this one started.
        foreach (var key in _started.Keys.Concat(_childStarted.Keys).Where(k => k.Item1 == e.RunId).ToList())
        {
            _started.Remove(key);
            _childStarted.Remove(key);
        }

        return e.RunId != _root || perRun ? $"{terminal.Cyan("■")} run {e.RunId}: {e.Message}" : null;
    }

    /// <summary>The step's time: from the event when it carries one, else since the step (or its latest attempt) started here.</summary>
    private string Duration(TimelineEvent e)
    {
        var started = DateTimeOffset.MaxValue;
        if (e.Path is not null)
        {
            if (_started.Remove((e.RunId, e.Path), out var at))
            {
                started = at;
            }

            // Steps under it that start from now on are its compensation.
            _childStarted.Remove((e.RunId, e.Path));
        }

        return Elapsed(e, started);
    }

    /// <summary>A compensation's time: from the event when it carries one, else from the first of its steps starting here, after the step itself ended, to its end.</summary>
    private string CompensationDuration(TimelineEvent e)
        => Elapsed(e, e.Path is not null && _childStarted.Remove((e.RunId, e.Path), out var started) ? started : DateTimeOffset.MaxValue);

    private static string Elapsed(TimelineEvent e, DateTimeOffset startedHere)
        => RecordedDuration(e) is { } recorded ? RunDriverFormatting.Duration(recorded)
            : e.At >= startedHere ? RunDriverFormatting.Duration(e.At - startedHere)
            : "";

    /// <summary>
    /// The duration a step's end event carries in <c>durationMs</c>, or null. Stores written before the engine recorded it
    /// hold none on failed, cancelled and compensated steps, and a fractional number on completed ones.
    /// </summary>
    public static TimeSpan? RecordedDuration(TimelineEvent e)
    {
        if (e.Data?["durationMs"] is not JsonValue value)
        {
            return null;
        }

        return value.TryGetValue(out long whole) ? TimeSpan.FromMilliseconds(whole)
            : value.TryGetValue(out double fractional) ? TimeSpan.FromMilliseconds(fractional)
            : null;
    }

    private static string Code(TimelineEvent e) => e.Data?["code"]?.GetValue<string>() is { } code ? $"{code}: " : "";

    private static string Short(RunId id) => id.Value.Length > 8 ? id.Value[^8..] : id.Value;
}
