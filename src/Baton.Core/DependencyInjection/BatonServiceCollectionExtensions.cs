using Baton.Engine;
using Baton.Secrets;
using Baton.Steps;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class BatonServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Baton engine (<see cref="BatonEngine"/>) with the built-in <c>http</c> and <c>run</c> step kinds.
    /// Choose a store with <c>UseSqlite</c> (package Baton.Sqlite) or <see cref="IBatonBuilder.UseStore"/>.
    /// </summary>
    /// <remarks>
    /// Calling it twice is harmless: registrations use TryAdd, and options configurations accumulate. Every
    /// <see cref="IRunStartCheck"/> registered is made before a run starts.
    /// </remarks>
    public static IBatonBuilder AddBaton(this IServiceCollection services, Action<BatonEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BatonEngineOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretProvider, EnvironmentSecretProvider>();
        BuiltInSteps.Register(services);
        services.TryAddSingleton(sp => new BatonEngine(
            sp.GetService<IWorkflowStore>() ?? throw new InvalidOperationException("Baton has no store. Call UseSqlite(path) (package Baton.Sqlite) or UseStore(...) on the builder that AddBaton returns."),
            sp.GetServices<IStepExecutor>(),
            sp.GetRequiredService<IOptions<BatonEngineOptions>>().Value,
            sp.GetRequiredService<ISecretProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp,
            sp.GetServices<IRunStartCheck>()));
        return new BatonBuilder(services);
    }
}
