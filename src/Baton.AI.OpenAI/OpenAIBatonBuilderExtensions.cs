using Baton.AI.Models;
using Baton.AI.OpenAI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class OpenAIBatonBuilderExtensions
{
    /// <summary>Adds the <c>openai</c> provider (any OpenAI-compatible endpoint) and its <c>ollama</c> preset.</summary>
    public static IBatonBuilder AddOpenAI(this IBatonBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, OpenAIModelProvider>(sp => new OpenAIModelProvider(sp.GetService<TimeProvider>())));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, OllamaModelProvider>(sp => new OllamaModelProvider(sp.GetService<TimeProvider>())));
        return builder;
    }
}
