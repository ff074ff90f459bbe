using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>
/// Does the work of one step kind, such as <c>http</c>, <c>run</c>, or a team's own kind that connects a business system.
/// Register custom kinds with <c>services.AddBaton().AddStep&lt;T&gt;()</c>; use them in YAML under the kind's key.
/// </summary>
/// <remarks>
/// <para>An executor runs once per attempt. It may run again for the same step after a crash, with the same
/// <see cref="StepContext.IdempotencyKey"/>; pass that key to the systems it calls so that they can drop the repeat.</para>
/// <para>Return <see cref="StepOutcome.Failed(ErrorInfo)"/> for an expected failure, or throw: the engine turns an
/// exception into a step error. A <see cref="StepFailedException"/> keeps its code; other exceptions become
/// <c>step.exception</c>. The engine masks secrets in everything an executor returns before it is stored.</para>
/// </remarks>
public interface IStepExecutor
{
    /// <summary>The key that selects this kind in YAML: lower case letters, digits and '-'.</summary>
    string Kind { get; }

    /// <summary>An optional JSON Schema for the rendered configuration, checked before every attempt (and at compile time where the configuration holds no expression).</summary>
    JsonObject? ConfigSchema => null;

    ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}
