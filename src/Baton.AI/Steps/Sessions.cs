using Baton.AI.Models;
using Baton.Steps;

namespace Baton.AI.Steps;

internal static class Sessions
{
    /// <exception cref="ModelConfigurationException">The model cannot be resolved or its client made.</exception>
    public static ModelSession Open(AIRuntime runtime, StepContext context, string model)
    {
        var definition = context.Definition
            ?? throw new ModelConfigurationException("AI steps run only inside a workflow run: this context has no definition to resolve models with.");
        var settings = runtime.CatalogFor(definition).Resolve(model);
        return new ModelSession(context, runtime.ClientFor(settings), settings, runtime.TimeProvider);
    }
}
