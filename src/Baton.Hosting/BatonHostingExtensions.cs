using Baton.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class BatonHostingExtensions
{
    /// <summary>
    /// Runs the Baton worker as a hosted service: it drives runs that are ready, fires due timers, and resumes the runs
    /// of workers that died. Without it, runs move only when a call on <c>BatonEngine</c> drives them.
    /// </summary>
    public static IBatonBuilder AddWorker(this IBatonBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BatonWorkerService>());
        return builder;
    }
}
