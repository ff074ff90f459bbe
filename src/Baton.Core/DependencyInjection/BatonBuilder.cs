using Baton.Steps;
using Baton.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

internal sealed class BatonBuilder(IServiceCollection services) : IBatonBuilder
{
    public IServiceCollection Services { get; } = services;

    public IBatonBuilder AddStep<TExecutor>()
        where TExecutor : class, IStepExecutor
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, TExecutor>());
        return this;
    }

    public IBatonBuilder UseStore(Func<IServiceProvider, IWorkflowStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }
}
