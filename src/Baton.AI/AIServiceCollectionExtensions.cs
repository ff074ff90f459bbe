using Baton.AI.Models;
using Baton.AI.Scripted;
using Baton.AI.Steps;
using Baton.Engine;
using Baton.Secrets;
using Baton.Steps;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class AIServiceCollectionExtensions
{
    /// <summary>
    /// Adds the AI step kinds (<c>llm</c>, <c>classify</c>, <c>agent</c>) and the <c>scripted</c> provider. Add real providers
    /// with <c>AddOpenAI()</c> (package Baton.AI.OpenAI) and <c>AddAnthropic()</c> (Baton.AI.Anthropic), or any
    /// <see cref="IModelProvider"/> with <see cref="AddModelProvider{TProvider}"/>.
    /// </summary>
    /// <remarks>
    /// Also adds a check that the engine makes before a run starts (<see cref="IRunStartCheck"/>): every model the run's AI steps
    /// name must have what its provider needs, such as an API key; otherwise the start throws <see cref="Baton.RunStartException"/>.
    /// </remarks>
    public static IBatonBuilder AddAI(this IBatonBuilder builder, Action<AIOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = new AIOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, ScriptedModelProvider>());
        services.TryAddSingleton(sp => new AIRuntime(
            sp.GetServices<IModelProvider>(),
            sp.GetRequiredService<ISecretProvider>(),
            () => sp.GetService<BatonEngine>(),
            sp.GetRequiredService<AIOptions>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, LlmStepExecutor>(sp => new LlmStepExecutor(sp.GetRequiredService<AIRuntime>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, ClassifyStepExecutor>(sp => new ClassifyStepExecutor(sp.GetRequiredService<AIRuntime>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, AgentStepExecutor>(sp => new AgentStepExecutor(sp.GetRequiredService<AIRuntime>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunStartCheck, ModelStartCheck>(sp => new ModelStartCheck(sp.GetRequiredService<AIRuntime>())));
        return builder;
    }

    /// <summary>Adds a model provider; one with the name of a built-in provider replaces it.</summary>
    public static IBatonBuilder AddModelProvider<TProvider>(this IBatonBuilder builder)
        where TProvider : class, IModelProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelProvider, TProvider>());
        return builder;
    }
}
