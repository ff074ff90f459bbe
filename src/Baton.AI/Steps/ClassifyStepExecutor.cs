using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Steps;

/// <summary>The <c>classify</c> step: a choice among labels, with a confidence whose source the output names.</summary>
internal sealed class ClassifyStepExecutor(AIRuntime runtime) : IStepExecutor
{
    public string Kind => "classify";

    public JsonObject? ConfigSchema { get; } = AIStepSchemas.Classify(runtime.Providers.ProviderNames);

    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        => await Classifier.ClassifyAsync(runtime, context, LlmConfig.ParseClassify(context.Config), cancellationToken).ConfigureAwait(false);
}
