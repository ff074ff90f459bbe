using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>The common fields of a step, bound before its kind, with the workflow's defaults applied.</summary>
internal sealed record StepFields(
    string Id,
    string? Name,
    SourceLocation Location,
    Template? If,
    RetryPolicy? Retry,
    TimeSpan? Timeout,
    OnErrorPolicy OnError,
    StepSequence? Compensate,
    int MaxIterations);
