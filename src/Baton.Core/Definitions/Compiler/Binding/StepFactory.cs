using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Creates each kind of step from its common fields and its own.</summary>
internal static class StepFactory
{
    public static ActionStep Action(StepFields f, string kind, ValueTemplate config, IReadOnlyDictionary<string, WorkflowDefinition>? workflows = null) => new()
    {
        ActionKind = kind, Config = config, Workflows = workflows ?? new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal),
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static SetStep Set(StepFields f, IReadOnlyList<KeyValuePair<string, ValueTemplate>> values) => new()
    {
        Values = values,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static SwitchStep Switch(StepFields f, IReadOnlyList<SwitchCase> cases, SwitchCase? defaultCase) => new()
    {
        Cases = cases, Default = defaultCase,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static ParallelStep Parallel(StepFields f, ParallelMode mode, IReadOnlyList<StepSequence> branches) => new()
    {
        Mode = mode, Branches = branches,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static ForEachStep ForEach(StepFields f, Template items, int concurrency, StepSequence body) => new()
    {
        Items = items, Concurrency = concurrency, Body = body,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static GroupStep Group(StepFields f, StepSequence body) => new()
    {
        Body = body,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static WaitStep Wait(StepFields f, Template? duration, Template? until, IReadOnlyList<string> events, Template? eventTimeout) => new()
    {
        For = duration, Until = until, Events = events, EventTimeout = eventTimeout,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static ApprovalStep Approval(StepFields f, Template? title, Template? instructions, ValueTemplate? data, IReadOnlyList<string> assignees, IReadOnlyList<string> editable) => new()
    {
        Title = title, Instructions = instructions, Data = data, Assignees = assignees, Editable = editable,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static WorkflowCallStep WorkflowCall(StepFields f, string path, WorkflowDefinition child, ValueTemplate? inputs) => new()
    {
        Path = path, Child = child, Inputs = inputs,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    public static FailStep Fail(StepFields f, Template message, string code) => new()
    {
        Message = message, Code = code,
        Id = f.Id, Name = f.Name, Location = f.Location, If = f.If, Retry = f.Retry, Timeout = f.Timeout,
        OnError = f.OnError, Compensate = f.Compensate, MaxIterations = f.MaxIterations,
    };

    /// <summary>Stands in for a child workflow that could not be compiled; never handed out, since the compilation has errors.</summary>
    public static WorkflowDefinition MissingChild() => new()
    {
        Name = string.Empty,
        Steps = new StepSequence([], SequenceRole.Root),
        Hash = string.Empty,
        Source = new DefinitionBundle(string.Empty, string.Empty, new Dictionary<string, string>()),
    };
}
