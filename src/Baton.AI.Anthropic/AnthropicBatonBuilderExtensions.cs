using Baton.AI.Anthropic;
using Baton.AI.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class AnthropicBatonBuilderExtensions
{
    /// <summary>Adds the <c>anthropic</c> provider.</summary>
    public static IBatonBuilder AddAnthropic(this IBatonBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, AnthropicModelProvider>(sp => new AnthropicModelProvider(sp.GetService<TimeProvider>())));
        return builder;
    }
}
