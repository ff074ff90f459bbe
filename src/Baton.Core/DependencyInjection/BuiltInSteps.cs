using Baton.Steps;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the step executors that ship with the engine.</summary>
internal static class BuiltInSteps
{
    public static void Register(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, HttpStepExecutor>(_ => new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStepExecutor, RunStepExecutor>());
    }
}
