using System.Collections.Concurrent;
using Baton.AI.Models;
using Baton.Definitions;
using Baton.Engine;
using Baton.Secrets;
using Baton.Steps;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.AI.Steps;

/// <summary>What the AI step kinds of one host share: the model providers, credentials, each definition's model catalog, and the executors tools reuse.</summary>
public sealed class AIRuntime
{
    private readonly ConcurrentDictionary<string, ModelCatalog> _catalogs = new(StringComparer.Ordinal);
    private readonly ModelCredentials _credentials;
    private readonly Func<BatonEngine?> _engine;

    /// <param name="providers">The model providers.</param>
    /// <param name="secrets">Where API keys are looked up after the environment.</param>
    /// <param name="engine">The engine the steps run in, resolved on first use: it masks keys, and runs <c>workflow</c> tools.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="loggerFactory">Where tools log; nowhere when null.</param>
    public AIRuntime(
        IEnumerable<IModelProvider> providers,
        ISecretProvider secrets,
        Func<BatonEngine?> engine,
        AIOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        Providers = new ModelProviderRegistry(providers, TimeProvider, (options ?? new AIOptions()).CaptureContent, text => Engine?.Masker.MaskText(text) ?? text);
        _engine = engine;
        _credentials = new EngineModelCredentials(secrets, () => Engine?.Masker);
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Baton.AI");
        Http = new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient());
        Run = new RunStepExecutor();
    }

    public ModelProviderRegistry Providers { get; }

    public TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal IStepExecutor Http { get; }

    internal IStepExecutor Run { get; }

    /// <summary>The engine the steps run in: it runs <c>workflow</c> tools as child runs.</summary>
    internal BatonEngine? Engine => _engine();

    internal ModelCatalog CatalogFor(WorkflowDefinition definition)
        => _catalogs.GetOrAdd(definition.Hash, _ => new ModelCatalog(definition, definition.ModelOverrides));

    internal IChatClient ClientFor(ModelSettings settings) => Providers.GetClient(settings, _credentials);
}
