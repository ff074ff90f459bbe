using Baton.Steps;
using Baton.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Baton in a service collection; returned by <c>AddBaton</c>.</summary>
public interface IBatonBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Registers a custom step kind. Its <see cref="IStepExecutor.Kind"/> becomes a key workflows can use.</summary>
    IBatonBuilder AddStep<TExecutor>()
        where TExecutor : class, IStepExecutor;

    /// <summary>Uses the given store. Store packages add shortcuts such as <c>UseSqlite</c>.</summary>
    IBatonBuilder UseStore(Func<IServiceProvider, IWorkflowStore> factory);
}
