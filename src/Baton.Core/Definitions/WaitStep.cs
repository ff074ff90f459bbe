using Baton.Expressions;

namespace Baton.Definitions;

/// <summary>
/// Waits durably: for a duration, until a time, or for one of several events (with an optional timeout).
/// A waiting run holds no thread and no memory: it is rows in the store and a timer.
/// </summary>
/// <remarks>
/// Output: <c>{ "event": name or null, "data": the event's data, "timedOut": bool, "firedAt": time }</c>.
/// An event delivered before the wait begins is kept and consumed when the wait starts.
/// </remarks>
public sealed class WaitStep : StepDefinition
{
    public override string Kind => "wait";

    /// <summary>A duration to wait, such as <c>30s</c>; may be a template.</summary>
    public Template? For { get; init; }

    /// <summary>An ISO-8601 time to wait until; may be a template.</summary>
    public Template? Until { get; init; }

    /// <summary>Event names, any one of which ends the wait.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>For an event wait: how long to wait before giving up with <c>timedOut: true</c>; may be a template.</summary>
    public Template? EventTimeout { get; init; }
}
